package app.smallwins.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/me")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class MeResource {

    private final MeService me;

    MeResource(MeService me) {
        this.me = me;
    }

    @GET
    @Operation(operationId = "getMe", summary = "The caller, their roles and the children they can see")
    public MeView get() {
        return me.get();
    }
}

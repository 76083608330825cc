package app.smallwins.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;

@Path("/children/{childId}/access-log")
@Tag(name = "Access log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class AccessLogResource {

    private final AccessLogService accessLog;

    AccessLogResource(AccessLogService accessLog) {
        this.accessLog = accessLog;
    }

    @GET
    @Operation(operationId = "listAccessLog", summary = "Who read or changed the child's record, newest first (admin, parent)")
    public Page<AccessLogView> list(@PathParam("childId") UUID childId, @Valid @BeanParam PageRequest page) {
        return accessLog.list(childId, page.position(), page.limit());
    }
}

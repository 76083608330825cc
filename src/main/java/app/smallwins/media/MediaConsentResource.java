package app.smallwins.media;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;

@Path("/children/{childId}/media-consent")
@Tag(name = "Media")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class MediaConsentResource {

    private final MediaConsentService consents;

    MediaConsentResource(MediaConsentService consents) {
        this.consents = consents;
    }

    @GET
    @Operation(operationId = "getMediaConsent", summary = "May the team record photos and videos of the child?")
    public MediaConsentView get(@PathParam("childId") UUID childId) {
        return consents.get(childId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setMediaConsent", summary = "Give or withdraw consent to photos and videos (parents, admin)",
            description = "`NONE`: no photos or video of the child; `TEAM`: the care team may record and see them. "
                    + "Every change is kept with who and when; sending the current answer again changes nothing.")
    public MediaConsentView set(@PathParam("childId") UUID childId, @Valid @NotNull MediaConsentUpdate body) {
        return consents.set(childId, body);
    }

    @GET
    @Path("/history")
    @Operation(operationId = "getMediaConsentHistory", summary = "Every change of the media consent, newest first")
    public Page<MediaConsentView> history(@PathParam("childId") UUID childId, @Valid @BeanParam PageRequest page) {
        return consents.history(childId, page.position(), page.limit());
    }
}

package app.smallwins.timeline;

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

@Path("/children/{childId}/timeline")
@Tag(name = "Timeline")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class TimelineResource {

    private final TimelineService timeline;

    TimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @GET
    @Operation(operationId = "getTimeline", summary = "The child's story: observations, cheers and team messages merged, newest first")
    public Page<TimelineItem> get(@PathParam("childId") UUID childId, @Valid @BeanParam PageRequest page) {
        return timeline.page(childId, page.position(), page.limit());
    }
}

package app.smallwins.child;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.http.Etags;
import app.smallwins.common.http.Links;
import app.smallwins.common.http.Responses;
import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;

@Path("/children")
@Tag(name = "Children")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class ChildResource {

    private final ChildService children;

    ChildResource(ChildService children) {
        this.children = children;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "createChild", summary = "Open a child's record (admin)")
    @APIResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", schema = @Schema(implementation = URI.class)),
                    @Header(name = "ETag", schema = @Schema(implementation = String.class)) },
            content = @Content(schema = @Schema(implementation = ChildView.class)))
    public Response create(
            @Parameter(description = "Makes retries safe: a retry with the same key returns the first result.")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewChild body) {
        Idempotency.Outcome<ChildView> outcome = children.create(body, idempotencyKey);
        ChildView child = outcome.value();
        return Responses.created(Links.to(ChildResource.class, "get", child.id()), child,
                outcome.replayed())
                .header(HttpHeaders.ETAG, Etags.of(child.version())).build();
    }

    @GET
    @Operation(operationId = "listChildren", summary = "List the children the caller may see, newest first")
    public Page<ChildView> list(@Valid @BeanParam PageRequest page) {
        return children.list(page.position(), page.limit());
    }

    @GET
    @Path("/{childId}")
    @Operation(operationId = "getChild", summary = "Read a child's profile")
    @APIResponse(responseCode = "200", description = "The child",
            headers = @Header(name = "ETag", description = "Send it back in If-Match to PATCH.",
                    schema = @Schema(implementation = String.class)),
            content = @Content(schema = @Schema(implementation = ChildView.class)))
    public Response get(@PathParam("childId") UUID childId) {
        ChildView child = children.get(childId);
        return Response.ok(child).header(HttpHeaders.ETAG, Etags.of(child.version())).build();
    }

    @PATCH
    @Path("/{childId}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "updateChild", summary = "Change a child's profile (JSON merge patch, If-Match required)",
            description = "Admins, teachers and therapists may change every field; parents only the support "
                    + "profile (communication, whatHelps, celebrateWith).")
    @APIResponse(responseCode = "200", description = "The updated child",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content = @Content(schema = @Schema(implementation = ChildView.class)))
    public Response update(@PathParam("childId") UUID childId,
            @Parameter(description = "The ETag last read; a stale one answers 412.", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ChildPatch body) {
        ChildView child = children.patch(childId, ifMatch, body);
        return Response.ok(child).header(HttpHeaders.ETAG, Etags.of(child.version())).build();
    }

    @DELETE
    @Path("/{childId}")
    @Operation(operationId = "archiveChild", summary = "Archive a child's record (admin); nothing is deleted")
    @APIResponse(responseCode = "204", description = "Archived")
    public void archive(@PathParam("childId") UUID childId) {
        children.archive(childId);
    }
}

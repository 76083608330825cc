package app.smallwins.team;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.http.Links;
import app.smallwins.common.http.Responses;
import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;

@Path("/children/{childId}/team")
@Tag(name = "Care team")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class TeamResource {

    private final TeamService team;

    TeamResource(TeamService team) {
        this.team = team;
    }

    @GET
    @Operation(operationId = "listTeam", summary = "List the child's care team, newest first")
    public Page<MembershipView> list(@PathParam("childId") UUID childId, @Valid @BeanParam PageRequest page) {
        return team.list(childId, page.position(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addTeamMember", summary = "Add a person to the team by e-mail or subject (admin, teacher)")
    @APIResponse(responseCode = "201", description = "Added",
            headers = @Header(name = "Location", schema = @Schema(implementation = URI.class)),
            content = @Content(schema = @Schema(implementation = MembershipView.class)))
    public Response add(@PathParam("childId") UUID childId,
            @Parameter(description = "Makes retries safe: a retry with the same key returns the first result.")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewMembership body) {
        Idempotency.Outcome<MembershipView> outcome = team.add(childId, body, idempotencyKey);
        return Responses.created(Links.to(TeamResource.class, "get", childId, outcome.value().id()), outcome.value(),
                outcome.replayed()).build();
    }

    @GET
    @Path("/{membershipId}")
    @Operation(operationId = "getTeamMember", summary = "Read one membership of the child's care team")
    public MembershipView get(@PathParam("childId") UUID childId, @PathParam("membershipId") UUID membershipId) {
        return team.get(childId, membershipId);
    }

    @DELETE
    @Path("/{membershipId}")
    @Operation(operationId = "removeTeamMember", summary = "Remove a person from the team (admin, teacher)")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("childId") UUID childId, @PathParam("membershipId") UUID membershipId) {
        team.remove(childId, membershipId);
    }
}

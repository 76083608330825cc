package app.smallwins.goal;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import app.smallwins.common.http.QueryParams;
import app.smallwins.common.http.Responses;
import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;
import app.smallwins.common.vocabulary.Domain;

@Path("/children/{childId}/goals")
@Tag(name = "Goals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class GoalResource {

    private final GoalService goals;

    GoalResource(GoalService goals) {
        this.goals = goals;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createGoal", summary = "Write a goal on paper (admin, teacher, therapist)")
    @APIResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", schema = @Schema(implementation = URI.class)),
                    @Header(name = "ETag", schema = @Schema(implementation = String.class)) },
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    public Response create(@PathParam("childId") UUID childId,
            @Parameter(description = "Makes retries safe: a retry with the same key returns the first result.")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewGoal body) {
        Idempotency.Outcome<GoalView> outcome = goals.create(childId, body, idempotencyKey);
        GoalView goal = outcome.value();
        return Responses.created(link(childId, goal.id()), goal,
                outcome.replayed()).header(HttpHeaders.ETAG, Etags.of(goal.version())).build();
    }

    @GET
    @Operation(operationId = "listGoals", summary = "List the child's goals, newest first")
    public Page<GoalView> list(@PathParam("childId") UUID childId,
            @Parameter(description = "Only goals with this status.", schema = @Schema(implementation = GoalStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only goals in this domain.", schema = @Schema(implementation = Domain.class))
            @QueryParam("domain") String domain,
            @Valid @BeanParam PageRequest page) {
        return goals.list(childId, QueryParams.enumValue(GoalStatus.class, "status", status),
                QueryParams.enumValue(Domain.class, "domain", domain), page.position(), page.limit());
    }

    @GET
    @Path("/{goalId}")
    @Operation(operationId = "getGoal", summary = "Read a goal")
    @APIResponse(responseCode = "200", description = "The goal",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    public Response get(@PathParam("childId") UUID childId, @PathParam("goalId") UUID goalId) {
        GoalView goal = goals.get(childId, goalId);
        return Response.ok(goal).header(HttpHeaders.ETAG, Etags.of(goal.version())).build();
    }

    @PATCH
    @Path("/{goalId}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "updateGoal",
            summary = "Change a goal (JSON merge patch, If-Match required; admin, teacher, therapist)",
            description = "Every change is kept in the goal's history. Status moves: ACTIVE → MET → MAINTAINING, "
                    + "MET/MAINTAINING → ACTIVE, any → DISCONTINUED, DISCONTINUED → ACTIVE; others answer 409.")
    @APIResponse(responseCode = "200", description = "The updated goal",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    public Response update(@PathParam("childId") UUID childId, @PathParam("goalId") UUID goalId,
            @Parameter(description = "The ETag last read; a stale one answers 412.", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull GoalPatch body) {
        GoalView goal = goals.patch(childId, goalId, ifMatch, body);
        return Response.ok(goal).header(HttpHeaders.ETAG, Etags.of(goal.version())).build();
    }

    /** Where a goal is read: its Location. */
    static URI link(UUID childId, UUID goalId) {
        return Links.to(GoalResource.class, "get", childId, goalId);
    }

    @GET
    @Path("/{goalId}/history")
    @Operation(operationId = "getGoalHistory", summary = "Every change to a goal: who, when, what changed (newest first)")
    public Page<GoalRevisionView> history(@PathParam("childId") UUID childId, @PathParam("goalId") UUID goalId,
            @Valid @BeanParam PageRequest page) {
        return goals.history(childId, goalId, page.position(), page.limit());
    }
}

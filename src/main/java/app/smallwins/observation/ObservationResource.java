package app.smallwins.observation;

import java.net.URI;
import java.time.Instant;
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
import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Setting;

@Path("/children/{childId}/observations")
@Tag(name = "Observations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class ObservationResource {

    private final ObservationService observations;

    ObservationResource(ObservationService observations) {
        this.observations = observations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordObservation", summary = "Record a win, setback or note (any team member)")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = { @Header(name = "Location", schema = @Schema(implementation = URI.class)),
                    @Header(name = "ETag", description = "Send it back in If-Match to PATCH.",
                            schema = @Schema(implementation = String.class)) },
            content = @Content(schema = @Schema(implementation = ObservationView.class)))
    public Response create(@PathParam("childId") UUID childId,
            @Parameter(description = "Makes retries safe: a retry with the same key returns the first result.")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewObservation body) {
        var outcome = observations.create(childId, body.draft(), ObservationSource.DIRECT, idempotencyKey);
        return created(childId, outcome);
    }

    @GET
    @Operation(operationId = "listObservations", summary = "List observations, newest first, with filters")
    public Page<ObservationView> list(@PathParam("childId") UUID childId,
            @Parameter(description = "Only observations of this goal.", schema = @Schema(implementation = UUID.class))
            @QueryParam("goalId") String goalId,
            @Parameter(schema = @Schema(implementation = ObservationKind.class)) @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(implementation = Setting.class)) @QueryParam("setting") String setting,
            @Parameter(description = "The author's capacity: teacher, para, therapist, parent or admin.",
                    schema = @Schema(implementation = Role.class)) @QueryParam("authorRole") String authorRole,
            @Parameter(description = "Occurred at or after this instant.", schema = @Schema(implementation = Instant.class))
            @QueryParam("from") String from,
            @Parameter(description = "Occurred before this instant.", schema = @Schema(implementation = Instant.class))
            @QueryParam("to") String to,
            @Valid @BeanParam PageRequest page) {
        var filter = new ObservationRepository.Filter(QueryParams.uuid("goalId", goalId),
                QueryParams.enumValue(ObservationKind.class, "kind", kind),
                QueryParams.enumValue(Setting.class, "setting", setting),
                QueryParams.enumValue(Role.class, "authorRole", authorRole), null,
                QueryParams.instant("from", from), QueryParams.instant("to", to));
        return observations.list(childId, filter, page.position(), page.limit());
    }

    @GET
    @Path("/{observationId}")
    @Operation(operationId = "getObservation", summary = "Read an observation with its cheers")
    public ObservationView get(@PathParam("childId") UUID childId, @PathParam("observationId") UUID observationId) {
        return observations.get(childId, observationId);
    }

    @PATCH
    @Path("/{observationId}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "updateObservation", summary = "Change one's own observation (author only)",
            description = "JSON merge patch. If-Match is optional here; when sent, a stale one answers 412.")
    @APIResponse(responseCode = "200", description = "The updated observation",
            headers = @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            content = @Content(schema = @Schema(implementation = ObservationView.class)))
    public Response update(@PathParam("childId") UUID childId, @PathParam("observationId") UUID observationId,
            @Parameter(description = "Optional ETag last read.") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ObservationPatch body) {
        ObservationView view = observations.patch(childId, observationId, ifMatch, body);
        return Response.ok(view).header(HttpHeaders.ETAG, Etags.of(view.version())).build();
    }

    @DELETE
    @Path("/{observationId}")
    @Operation(operationId = "deleteObservation",
            summary = "Delete an observation (author or admin); it leaves lists and stays in the record")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("childId") UUID childId, @PathParam("observationId") UUID observationId) {
        observations.delete(childId, observationId);
    }

    @POST
    @Path("/{observationId}/cheers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cheerWin", summary = "Celebrate a win with a short, specific note (any team member)",
            description = "One cheer per person per win: cheering again answers 200 with the first cheer.")
    @APIResponse(responseCode = "201", description = "Cheered",
            headers = @Header(name = "Location", schema = @Schema(implementation = URI.class)),
            content = @Content(schema = @Schema(implementation = CheerView.class)))
    @APIResponse(responseCode = "200", description = "Already cheered by the caller: the first cheer",
            content = @Content(schema = @Schema(implementation = CheerView.class)))
    public Response cheer(@PathParam("childId") UUID childId, @PathParam("observationId") UUID observationId,
            @Parameter(description = "Makes retries safe.") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewCheer body) {
        var outcome = observations.cheer(childId, observationId, body, idempotencyKey);
        CheerView cheer = outcome.value().cheer();
        if (!outcome.value().created()) {
            return Response.ok(cheer).build();
        }
        return Responses.created(Links.to(ObservationResource.class, "getCheer", childId, observationId, cheer.id()),
                cheer, outcome.replayed()).build();
    }

    @GET
    @Path("/{observationId}/cheers/{cheerId}")
    @Operation(operationId = "getCheer", summary = "Read one cheer on a win")
    public CheerView getCheer(@PathParam("childId") UUID childId, @PathParam("observationId") UUID observationId,
            @PathParam("cheerId") UUID cheerId) {
        return observations.getCheer(childId, observationId, cheerId);
    }

    static Response created(UUID childId, Idempotency.Outcome<ObservationView> outcome) {
        ObservationView view = outcome.value();
        return Responses.created(Links.to(ObservationResource.class, "get", childId, view.id()), view,
                outcome.replayed()).header(HttpHeaders.ETAG, Etags.of(view.version())).build();
    }
}

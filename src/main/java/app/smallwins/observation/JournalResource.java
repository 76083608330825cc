package app.smallwins.observation;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;

/**
 * The parent's evening win journal. Each entry answers two questions ("what did my child do
 * today that they couldn't do before, or did better?" and "how did I support that?") and is
 * recorded as a WIN at HOME, so it feeds every progress view.
 */
@Path("/children/{childId}/journal")
@Tag(name = "Win journal")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class JournalResource {

    private final ObservationService observations;

    JournalResource(ObservationService observations) {
        this.observations = observations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "writeJournalEntry", summary = "Write tonight's win-journal entry (parents)",
            description = "Answers \"What did my child do today that they couldn't do before, or did better?\" (text) "
                    + "and \"How did I support that?\" (support). Answered as the observation it creates.")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = { @Header(name = "Location", schema = @Schema(implementation = URI.class)),
                    @Header(name = "ETag", description = "Send it back in If-Match to PATCH.",
                            schema = @Schema(implementation = String.class)) },
            content = @Content(schema = @Schema(implementation = ObservationView.class)))
    public Response create(@PathParam("childId") UUID childId,
            @Parameter(description = "Makes retries safe: a retry with the same key returns the first result.")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewJournalEntry body) {
        var outcome = observations.create(childId, body.draft(), ObservationSource.JOURNAL, idempotencyKey);
        return ObservationResource.created(childId, outcome);
    }

    @GET
    @Operation(operationId = "listJournal", summary = "Read the win journal, newest first (any team member)")
    public Page<ObservationView> list(@PathParam("childId") UUID childId, @Valid @BeanParam PageRequest page) {
        var filter = new ObservationRepository.Filter(null, null, null, null, ObservationSource.JOURNAL, null, null);
        return observations.list(childId, filter, page.position(), page.limit());
    }
}

package app.smallwins.export;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/children/{childId}/export")
@Tag(name = "Access log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class ExportResource {

    private final RecordExport export;

    ExportResource(RecordExport export) {
        this.export = export;
    }

    @GET
    @Operation(operationId = "exportRecord", summary = "The child's whole record as one JSON document (admin, parent)",
            description = "Profile, team, goals with every revision, every observation (deleted ones marked with "
                    + "deletedAt) and the team conversation. Streamed; the export itself is recorded in the access log.")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(schema = @Schema(implementation = RecordExport.Document.class)))
    public Response export(@PathParam("childId") UUID childId) {
        RecordExport.Header header = export.prepare(childId);
        StreamingOutput body = out -> export.write(header, out);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"child-" + childId + ".json\"").build();
    }
}

package app.smallwins.export;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/children/{childId}/export")
@Tag(name = "Access log")
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class ExportResource {

    static final String ZIP = "application/zip";

    private final RecordExport export;

    ExportResource(RecordExport export) {
        this.export = export;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, ZIP })
    @Operation(operationId = "exportRecord", summary = "The child's whole record: one JSON document, or a zip with the "
            + "photos and videos (admin, parent)",
            description = "Profile, team, goals with every revision, the photos and videos kept, every observation "
                    + "(deleted ones marked with deletedAt) and the team conversation. By content negotiation "
                    + "(`Accept`): `application/json` (the default) or `application/zip` (`record.json` and each "
                    + "photo and video as `media/<id>.<extension>`). Streamed; the export itself is recorded in the "
                    + "access log.")
    @APIResponse(responseCode = "200", description = "The record", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordExport.Document.class)),
            @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response export(@PathParam("childId") UUID childId, @Context HttpHeaders headers) {
        boolean zip = headers.getAcceptableMediaTypes().stream().filter(t -> !t.isWildcardType())
                .findFirst().map(t -> t.isCompatible(MediaType.valueOf(ZIP))).orElse(false);
        RecordExport.Header header = export.prepare(childId);
        StreamingOutput body = zip ? out -> export.writeZip(header, out) : out -> export.write(header, out);
        return Response.ok(body, zip ? MediaType.valueOf(ZIP) : MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"child-" + childId + (zip ? ".zip" : ".json") + "\"")
                .header(HttpHeaders.VARY, "Accept").build();
    }
}

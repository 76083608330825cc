package app.smallwins.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.SmallWinsConfig;
import app.smallwins.common.http.QueryParams;
import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;

@Path("/children/{childId}/reports/progress")
@Tag(name = "Progress")
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class ProgressReportResource {

    static final String PDF = "application/pdf";
    private static final String FROM = "First day, in the child's time zone; default three months before `to`.";
    private static final String TO = "Last day, inclusive; default today in the child's time zone; not after today.";

    private final ProgressReportService reports;
    private final SmallWinsConfig config;

    ProgressReportResource(ProgressReportService reports, SmallWinsConfig config) {
        this.reports = reports;
        this.config = config;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, PDF })
    @Operation(operationId = "getProgressReport", summary = "The progress report for the IEP meeting (JSON, HTML or PDF)",
            description = "By content negotiation (`Accept`): `application/json` (the default), `text/html` (one "
                    + "self-contained printable page) or `application/pdf` (the same page laid out for print, fonts "
                    + "embedded, tagged for screen readers). Per goal: the goal on paper, how progress was measured, "
                    + "the weeks, a progress code with its reason, the paper-reality gap, the narrative and the "
                    + "family's evidence; then the wins no goal records and questions for the meeting. Readable by "
                    + "the child's team and admins; each report is written to the access log as a disclosure, "
                    + "purpose `progress report`. Rules: docs/progress.md, rule 14.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressReport.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING,
                    description = "A self-contained XHTML page: styles inline, charts as data: URIs.")),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Response report(@PathParam("childId") UUID childId,
            @Parameter(description = FROM, schema = @Schema(implementation = LocalDate.class))
            @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(implementation = LocalDate.class))
            @QueryParam("to") String to,
            @Context HttpHeaders headers) {
        MediaType format = format(headers.getAcceptableMediaTypes());
        String name = format.equals(MediaType.APPLICATION_JSON_TYPE) ? "json"
                : format.equals(MediaType.TEXT_HTML_TYPE) ? "html" : "pdf";
        ProgressReport report = reports.report(childId, QueryParams.date("from", from), QueryParams.date("to", to),
                name);
        Response.ResponseBuilder response;
        if (name.equals("json")) {
            response = Response.ok(report, MediaType.APPLICATION_JSON_TYPE);
        } else {
            String xhtml = ReportDocument.xhtml(report, config.reports().pageSize());
            if (name.equals("html")) {
                response = Response.ok(xhtml.getBytes(StandardCharsets.UTF_8),
                        MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name()));
            } else {
                ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
                ReportPdf.write(xhtml, pdf);
                response = Response.ok(pdf.toByteArray(), PDF).header("Content-Disposition",
                        "inline; filename=\"progress-report-" + report.period().from() + "-to-" + report.period().to()
                                + ".pdf\"");
            }
        }
        return response.header(HttpHeaders.CACHE_CONTROL, "private, no-store").header(HttpHeaders.VARY, "Accept")
                .build();
    }

    /** The first of JSON, HTML and PDF the client accepts, in its order of preference; JSON for any. */
    private static MediaType format(List<MediaType> acceptable) {
        for (MediaType accepted : acceptable) {
            for (MediaType offered : List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE,
                    MediaType.valueOf(PDF))) {
                if (accepted.isCompatible(offered)) {
                    return offered;
                }
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    @PUT
    @Path("/narratives/{goalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putReportNarrative", summary = "Write the narrative of one goal for one report period "
            + "(teacher, therapist, admin)",
            description = "Stored with its author; the report of the same period (same `from` and `to`) uses the "
                    + "newest in place of the generated draft. Every save is kept: see the history.")
    @APIResponse(responseCode = "200", description = "The saved narrative",
            content = @Content(schema = @Schema(implementation = NarrativeView.class)))
    public NarrativeView write(@PathParam("childId") UUID childId, @PathParam("goalId") UUID goalId,
            @Parameter(description = FROM, schema = @Schema(implementation = LocalDate.class))
            @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(implementation = LocalDate.class))
            @QueryParam("to") String to,
            @Valid @NotNull NewNarrative body) {
        return reports.write(childId, goalId, QueryParams.date("from", from), QueryParams.date("to", to), body);
    }

    @GET
    @Path("/narratives/{goalId}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReportNarrativeHistory", summary = "Every narrative saved for one goal and period, "
            + "newest first")
    public Page<NarrativeView> history(@PathParam("childId") UUID childId, @PathParam("goalId") UUID goalId,
            @Parameter(description = FROM, schema = @Schema(implementation = LocalDate.class))
            @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(implementation = LocalDate.class))
            @QueryParam("to") String to,
            @Valid @BeanParam PageRequest page) {
        return reports.history(childId, goalId, QueryParams.date("from", from), QueryParams.date("to", to),
                page.position(), page.limit());
    }
}

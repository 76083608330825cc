package app.smallwins.progress;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.http.QueryParams;

@Path("/children/{childId}")
@Tag(name = "Progress")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class ProgressResource {

    private final ProgressService progress;

    ProgressResource(ProgressService progress) {
        this.progress = progress;
    }

    @GET
    @Path("/goals/{goalId}/progress")
    @Operation(operationId = "getGoalProgress", summary = "Is the skill real? Progress of one goal over time",
            description = "Buckets with counts and an independence score, the trend and its noise, generalization, "
                    + "maintenance, mastery in real life and the paper-vs-reality gap. Rules: docs/progress.md.")
    public GoalProgressView goal(@PathParam("childId") UUID childId, @PathParam("goalId") UUID goalId,
            @Parameter(description = "First day (child's time zone); default 12 weeks before `to`.",
                    schema = @Schema(implementation = LocalDate.class)) @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive; default today in the child's time zone. At most 9999-11-30.",
                    schema = @Schema(implementation = LocalDate.class)) @QueryParam("to") String to,
            @Parameter(description = "WEEK (default) or MONTH.",
                    schema = @Schema(implementation = ProgressRules.Bucket.class)) @QueryParam("bucket") String bucket) {
        ProgressRules.Bucket unit = QueryParams.enumValue(ProgressRules.Bucket.class, "bucket", bucket);
        return progress.goalProgress(childId, goalId, QueryParams.periodDay("from", from),
                QueryParams.periodDay("to", to),
                unit == null ? ProgressRules.Bucket.WEEK : unit);
    }

    @GET
    @Path("/progress-chart")
    @Operation(operationId = "getProgressChart", summary = "Goal on paper / progress in real life, one row per goal",
            description = "Active and met goals, each beside its most telling real-life evidence.")
    public ProgressChartView chart(@PathParam("childId") UUID childId) {
        return progress.chart(childId);
    }

    @GET
    @Path("/wins")
    @Operation(operationId = "getWinsSummary", summary = "Celebrate: the wins of a day, week or month")
    public WinsSummaryView wins(@PathParam("childId") UUID childId,
            @Parameter(description = "DAY, WEEK or MONTH.", required = true,
                    schema = @Schema(implementation = WinsSummaryView.Period.class)) @QueryParam("period") String period,
            @Parameter(description = "A day in the period (child's time zone); default today. At most 9999-11-30.",
                    schema = @Schema(implementation = LocalDate.class)) @QueryParam("date") String date) {
        WinsSummaryView.Period p = QueryParams.enumValue(WinsSummaryView.Period.class, "period", period);
        if (p == null) {
            throw ApiException.invalid("period", "is required: DAY, WEEK or MONTH");
        }
        return progress.wins(childId, p, QueryParams.periodDay("date", date));
    }
}

package app.smallwins.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;
import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.goal.GoalStatus;
import app.smallwins.goal.Mastery;

@Schema(name = "GoalProgress", description = "Is the skill real? Trend, generalization, maintenance, mastery in real "
        + "life and the paper-vs-reality check for one goal. Rules: docs/progress.md.")
public record GoalProgressView(
        UUID goalId,
        GoalStatus status,
        LocalDate from,
        LocalDate to,
        ProgressRules.Bucket bucket,
        @Schema(examples = "Europe/London") String timeZone,
        List<BucketView> buckets,
        TrendView trend,
        GeneralizationView generalization,
        MaintenanceView maintenance,
        MasteryView masteryInRealLife,
        GapView paperRealityGap,
        EvidenceView evidence) {

    @Schema(name = "ProgressBucket")
    public record BucketView(LocalDate start, LocalDate end, long wins, long setbacks, long notes,
            @Schema(description = "Observations per prompt level.") Map<PromptLevel, Long> byPromptLevel,
            @Schema(description = "Observations with an independence score (wins with a prompt level, setbacks).")
            long scored,
            @Schema(description = "Mean independence score, 0 to 1; null without scored observations.", nullable = true)
            Double independenceScore,
            @Schema(description = "Standard deviation of the scores in the bucket.", nullable = true)
            Double variability) {
    }

    @Schema(name = "ProgressTrend", description = "Least-squares line through the bucket scores.")
    public record TrendView(ProgressRules.Direction direction,
            @Schema(description = "Change of the score per bucket.", nullable = true) Double slopePerBucket,
            @Schema(description = "Buckets with a score.") int dataPoints,
            @Schema(description = "Typical distance of the bucket scores from the line.", nullable = true) Double residual,
            @Schema(description = "True when the scores jump around the line (residual ≥ 0.15): \"rising, but noisy\".")
            boolean noisy) {
    }

    @Schema(name = "Generalization", description = "Where and with whom the skill was seen in the range at the goal's own "
            + "bar: its mastery prompt level or more independent (INDEPENDENT without mastery criteria).")
    public record GeneralizationView(List<Setting> settings, List<Author> people, List<Role> capacities) {
    }

    @Schema(name = "Maintenance", description = "Consecutive weeks with a win at or above the mastery prompt level.")
    public record MaintenanceView(PromptLevel promptLevel, int consecutiveWeeks,
            @Schema(nullable = true) LocalDate since) {
    }

    @Schema(name = "MasteryInRealLife")
    public record MasteryView(@Schema(nullable = true) Mastery criteria, boolean met,
            @Schema(description = "The criteria not (yet) met: consecutiveWeeks, settings, people, successRatio, or "
                    + "criteria when the goal has none.") List<String> missing,
            int weeksHeld, int settingsSeen, int peopleSeen, @Schema(nullable = true) Double successRatio) {
    }

    @Schema(name = "PaperRealityGap")
    public record GapView(boolean flagged,
            @Schema(description = "SETBACKS_OR_DYSREGULATION and/or NO_EVIDENCE_AT_MASTERY_LEVEL.") List<String> reasons,
            int windowDays,
            @Schema(description = "The observations that raised it.") List<ObservationRef> triggeredBy) {
    }

    @Schema(name = "ProgressEvidence")
    public record EvidenceView(List<ObservationRef> firstTimes,
            @Schema(nullable = true) ObservationRef mostIndependentRecent) {
    }
}

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
        @Schema(description = "What the evidence says, in sentences written from the data.", examples = "Arjun did it 3 "
                + "times this week with no prompt, at home and in class, with 2 different adults. More independent over the "
                + "last 12 weeks. Not mastered in real life yet: it still needs 1 more week in a row with at least 2 tries "
                + "with no prompt.")
        String summary,
        @Schema(description = "What the team might do next.", examples = "Keep it going: at least 2 tries with no prompt "
                + "each week.")
        String nextStep,
        List<BucketView> buckets,
        TrendView trend,
        GeneralizationView generalization,
        MaintenanceView maintenance,
        MasteryView masteryInRealLife,
        GapView paperRealityGap,
        RegulationView regulation,
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

    @Schema(name = "Maintenance", description = "The run of weeks that counted, up to this week: each with at least "
            + "minAttemptsPerWeek attempts, at the goal's bar. Weeks without attempts neither extend nor break it.")
    public record MaintenanceView(PromptLevel promptLevel, int consecutiveWeeks,
            @Schema(nullable = true, description = "The Monday of the run's first week.") LocalDate since,
            int minAttemptsPerWeek,
            @Schema(description = "Weeks inside the run with no attempts or too few, passed over.") int quietWeeks) {
    }

    @Schema(name = "MasteryInRealLife")
    public record MasteryView(@Schema(nullable = true) Mastery criteria, boolean met,
            @Schema(description = "The criteria not (yet) met: consecutiveWeeks, settings, people, successRatio, or "
                    + "criteria when the goal has none.") List<String> missing,
            int weeksHeld, int settingsSeen, int peopleSeen, @Schema(nullable = true) Double successRatio) {
    }

    @Schema(name = "PaperRealityGap", description = "Whether the goal on paper (met, maintaining) and the child in real "
            + "life disagree, looking at all the child's entries since the status changed (docs/progress.md, rule 8).")
    public record GapView(boolean flagged,
            List<ProgressRules.GapReason> reasons,
            @Schema(description = "The longest window looked at, in days.") int windowDays,
            @Schema(nullable = true, description = "The first day looked at: the day the goal was marked, or 28 days ago. "
                    + "Null for a goal not marked met or maintaining.") LocalDate since,
            @Schema(description = "The hard moments that raised it, newest first.") List<ObservationRef> triggeredBy,
            @Schema(description = "The ids of those observations.") List<UUID> evidence,
            @Schema(examples = "Since it was marked met on 3 November, there were a shutdown and a setback within 2 days, "
                    + "in class. None of them was linked to the goal.") String summary,
            @Schema(nullable = true, description = "What the team might ask, when flagged.", examples = "Is Johnny "
                    + "regulated enough in class to sit for 20 minutes in group reading? What supports were in place?")
            String question) {
    }

    @Schema(name = "ProgressEvidence")
    public record EvidenceView(List<ObservationRef> firstTimes,
            @Schema(nullable = true) ObservationRef mostIndependentRecent) {
    }
}

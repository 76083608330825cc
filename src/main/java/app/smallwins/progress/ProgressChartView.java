package app.smallwins.progress;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.vocabulary.Domain;
import app.smallwins.goal.GoalStatus;

@Schema(name = "ProgressChart", description = "Goal on paper / progress in real life: one row per active or met goal.")
public record ProgressChartView(UUID childId, List<Row> items,
        @Schema(description = "The wins no goal records (slept through the night, a new food, \"I had fun\"), newest "
                + "first, at most 10; first times are marked.") NotOnPaper notOnPaper) {

    @Schema(name = "NotOnPaper")
    public record NotOnPaper(@Schema(examples = "4 wins no goal records, and they count just as much.") String summary,
            List<ObservationRef> items) {
    }

    @Schema(name = "ProgressChartRow")
    public record Row(
            UUID goalId,
            @Schema(description = "The goal on paper, formal wording.") String title,
            @Schema(examples = "Identify basic colours", nullable = true) String plainLanguage,
            Domain domain,
            GoalStatus status,
            @Schema(description = "The headline: the first of `highlights`. While the gap is flagged it is the newest "
                    + "hard moment, never a success.", nullable = true) ObservationRef evidence,
            @Schema(description = "Up to three pieces of evidence, chosen for what they show (a hard moment while "
                    + "flagged, the most independent, a first time, a new setting, a new person), each with its why.")
            List<ObservationRef> highlights,
            @Schema(description = "The row in sentences.") String summary,
            ProgressRules.Direction trend,
            boolean masteryInRealLife,
            @Schema(description = "Whether the gap is flagged; `gap` says why.") boolean paperRealityGap,
            GoalProgressView.GapView gap) {
    }
}

package app.smallwins.progress;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.vocabulary.Domain;
import app.smallwins.goal.GoalStatus;

@Schema(name = "ProgressChart", description = "Goal on paper / progress in real life: one row per active or met goal.")
public record ProgressChartView(UUID childId, List<Row> items) {

    @Schema(name = "ProgressChartRow")
    public record Row(
            UUID goalId,
            @Schema(description = "The goal on paper, formal wording.") String title,
            @Schema(examples = "Identify basic colours", nullable = true) String plainLanguage,
            Domain domain,
            GoalStatus status,
            @Schema(description = "The most telling real-life evidence: the most independent recent win, preferring "
                    + "a first time or a new setting.", nullable = true) ObservationRef evidence,
            ProgressRules.Direction trend,
            boolean masteryInRealLife,
            boolean paperRealityGap) {
    }
}

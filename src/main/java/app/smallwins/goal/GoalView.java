package app.smallwins.goal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;
import app.smallwins.common.vocabulary.Domain;

@Schema(name = "Goal", description = "A goal on paper: formal wording, plain language, criteria, steps and supports.")
public record GoalView(
        UUID id,
        UUID childId,
        @Schema(examples = "Given a field of 4 colours, Arjun will identify basic colours with 80% accuracy.") String title,
        @Schema(examples = "Identify basic colours", nullable = true) String plainLanguage,
        Domain domain,
        @Schema(nullable = true, examples = "Matches colours, does not name them yet.") String baseline,
        @Schema(nullable = true) Mastery mastery,
        List<Step> steps,
        @Schema(examples = "[\"visual schedule\", \"first-then board\"]") List<String> strategies,
        GoalStatus status,
        @Schema(description = "When the status last changed (creation counts): the paper-reality gap looks from this "
                + "day on.") Instant statusChangedAt,
        @Schema(nullable = true) LocalDate startDate,
        @Schema(nullable = true) LocalDate targetDate,
        Author createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Row version; the ETag header carries the same value.") long version) {

    /** What progress reads of the goal. */
    public GoalSummary summary() {
        return new GoalSummary(id, title, plainLanguage, domain, status, mastery, statusChangedAt);
    }

    @Schema(name = "Step")
    public record Step(UUID id, @Schema(examples = "Points to the red block when asked") String description) {
    }
}

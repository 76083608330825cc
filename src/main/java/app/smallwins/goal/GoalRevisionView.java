package app.smallwins.goal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;

@Schema(name = "GoalRevision", description = "One change to a goal. Revision 1 is its creation.")
public record GoalRevisionView(
        UUID id,
        UUID goalId,
        long revision,
        Instant changedAt,
        Author changedBy,
        @Schema(description = "Each changed field with its value before and after.",
                examples = "{\"status\": {\"from\": \"ACTIVE\", \"to\": \"MET\"}}")
        Map<String, Change> changes) {

    @Schema(name = "FieldChange")
    public record Change(@Schema(nullable = true) Object from, @Schema(nullable = true) Object to) {
    }
}

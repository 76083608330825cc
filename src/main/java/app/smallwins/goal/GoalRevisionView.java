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
    public record Change(
            @Schema(description = "The value before: any JSON value, null when the field was empty.") Object from,
            @Schema(description = "The value after: any JSON value, null when the field was emptied.") Object to) {
    }
}

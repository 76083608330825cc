package app.smallwins.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Conversation")
public record ConversationView(
        UUID id,
        UUID childId,
        ConversationKind kind,
        @Schema(nullable = true, examples = "Arjun's mornings") String title,
        @Schema(description = "The people in a PRIVATE conversation; empty for TEAM (everyone on the team).")
        List<Participant> participants,
        Instant createdAt,
        Instant lastActivityAt,
        @Schema(description = "Messages by others the caller has not read.") long unread) {

    @Schema(name = "Participant")
    public record Participant(UUID userId, @Schema(examples = "Priya Sharma") String name) {
    }
}

package app.smallwins.messaging;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Unread", description = "Unread messages by others in one conversation.")
public record UnreadView(
        UUID conversationId,
        UUID childId,
        ConversationKind kind,
        @Schema(nullable = true) String title,
        long unread,
        @Schema(description = "How many of them are urgent; conversations with urgent messages come first.") long urgent,
        Instant lastMessageAt) {
}

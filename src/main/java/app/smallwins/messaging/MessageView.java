package app.smallwins.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;

@Schema(name = "Message")
public record MessageView(
        UUID id,
        UUID conversationId,
        UUID childId,
        Author author,
        @Schema(nullable = true, description = "Null once deleted.",
                examples = "Arjun sorted all the shapes by colour independently today!") String body,
        boolean urgent,
        @Schema(nullable = true, description = "The observation this message recorded, if it carried a win.")
        UUID observationId,
        Instant createdAt,
        @Schema(nullable = true, description = "Set when the author edited the body.") Instant editedAt,
        boolean deleted,
        @Schema(description = "Participants other than the author who have read it.") List<ConversationView.Participant> readBy) {
}

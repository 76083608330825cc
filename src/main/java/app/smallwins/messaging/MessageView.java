package app.smallwins.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;
import app.smallwins.media.MediaView;
import app.smallwins.user.Names;

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
        @Schema(description = "True when the message carried a win and was deleted: the win was retracted with it and "
                + "counts in no progress view.") boolean winRetracted,
        @Schema(description = "Participants other than the author who have read it.") List<ConversationView.Participant> readBy,
        @Schema(description = "Photos and videos attached, in order, as the caller may see them (after the family "
                + "withdraws consent only parents and admins do).") List<MediaView> attachments) {

    /** A message as a team member sees it: a deleted one as its placeholder, with who has read it. */
    static MessageView of(Message m, List<MessagingRepository.ReadPosition> reads, Names names,
            Map<UUID, List<MediaView>> attachments) {
        return of(MessageRow.of(m), reads, names, attachments);
    }

    static MessageView of(MessageRow m, List<MessagingRepository.ReadPosition> reads, Names names,
            Map<UUID, List<MediaView>> attachments) {
        boolean deleted = m.deletedAt() != null;
        List<ConversationView.Participant> readBy = reads.stream()
                .filter(r -> !r.userId().equals(m.authorId()) && !r.lastReadAt().isBefore(m.createdAt()))
                .map(r -> MessagingService.participant(r.userId(), names)).toList();
        return new MessageView(m.id(), m.conversationId(), m.childId(), names.author(m.authorId(), m.authorCapacity()),
                deleted ? null : m.body(), m.urgent(), m.observationId(), m.createdAt(), m.editedAt(), deleted,
                deleted && m.observationId() != null, readBy,
                deleted ? List.of() : attachments.getOrDefault(m.id(), List.of()));
    }
}

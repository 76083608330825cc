package app.smallwins.notification;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One notification planned for the caller, and what became of it: the answer to "I never got it". */
@Schema(name = "Notification")
public record NotificationView(
        UUID id,
        NotificationCategory category,
        Channel channel,
        NotificationStatus status,
        @Schema(nullable = true) UUID childId,
        @Schema(description = "When it was planned (its event, or its digest's time).") Instant createdAt,
        @Schema(nullable = true, description = "Held for quiet hours until then.") Instant heldUntil,
        @Schema(nullable = true, description = "When the mail server or push service took it.") Instant sentAt,
        @Schema(description = "An urgent message from staff reached the person during their quiet hours.")
        boolean bypassedQuietHours,
        @Schema(description = "Delivery attempts so far.") int attempts,
        @Schema(nullable = true, description = "Why the last attempt failed, in words.") String lastError,
        @Schema(nullable = true) UUID conversationId,
        @Schema(nullable = true) UUID messageId,
        @Schema(nullable = true) UUID observationId,
        @Schema(nullable = true) UUID goalId) {
}

package app.smallwins.notification;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PushSubscription", description = "A browser or phone the caller turned notifications on for.")
public record PushSubscriptionView(UUID id, String endpoint, Instant createdAt) {
}

package app.smallwins.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A browser's PushSubscription, as its {@code toJSON()} gives it. */
@Schema(name = "NewPushSubscription")
public record NewPushSubscription(
        @Schema(required = true, examples = "https://fcm.googleapis.com/fcm/send/dpH5lCsTSSM:APA91bH")
        @NotBlank @Size(max = 2048) String endpoint,
        @Schema(nullable = true, description = "When the browser says the subscription ends (ms since the epoch); "
                + "informational.")
        Long expirationTime,
        @Schema(required = true) @NotNull @Valid Keys keys) {

    @Schema(name = "PushSubscriptionKeys")
    public record Keys(
            @Schema(required = true, description = "The browser's P-256 public key, base64url (65 bytes decoded).",
                    examples = "BAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-P0A")
            @NotBlank @Size(max = 120) String p256dh,
            @Schema(required = true, description = "The browser's authentication secret, base64url (16 bytes decoded).",
                    examples = "AAECAwQFBgcICQoLDA0ODw")
            @NotBlank @Size(max = 60) String auth) {
    }
}

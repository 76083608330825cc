package app.smallwins.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VapidPublicKey")
public record VapidKeyView(
        @Schema(description = "The server's VAPID public key (base64url): pass it as `applicationServerKey` to "
                + "`pushManager.subscribe`.")
        String publicKey) {
}

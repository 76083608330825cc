package app.smallwins.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationMode", description = """
        When a category reaches a channel:
        - `INSTANT`: at once (held during quiet hours, then sent when they end).
        - `DIGEST`: in the daily digest.
        - `OFF`: never.""")
public enum Mode {
    INSTANT, DIGEST, OFF
}

package app.smallwins.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationChannel", description = """
        How a notification travels:
        - `EMAIL`: to the person's verified e-mail address.
        - `WEB_PUSH`: to every browser or phone the person turned notifications on for.""")
public enum Channel {
    EMAIL, WEB_PUSH
}

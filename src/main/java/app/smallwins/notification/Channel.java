package app.smallwins.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationChannel", description = """
        How a notification travels:
        - `EMAIL`: to the person's verified e-mail address.
        - `WEB_PUSH`: to every browser or phone the person turned notifications on for.""")
public enum Channel {
    EMAIL, WEB_PUSH;

    /** Whether a person can be reached this way: an address for mail; a subscribed device, with push on, for push. */
    boolean reaches(String email, boolean hasPushDevice, boolean pushOn) {
        return this == EMAIL ? email != null : hasPushDevice && pushOn;
    }
}

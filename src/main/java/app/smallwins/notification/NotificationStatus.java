package app.smallwins.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationStatus", description = """
        Where a notification is:
        - `HELD`: waiting for the person's quiet hours to end (`heldUntil`).
        - `QUEUED`: about to be sent, or being retried after a failure (`attempts`, `lastError`).
        - `SENT`: the mail server or push service took it (`sentAt`).
        - `FAILED`: it could not be delivered and will not be retried (`lastError` says why).""")
public enum NotificationStatus {
    HELD, QUEUED, SENT, FAILED
}

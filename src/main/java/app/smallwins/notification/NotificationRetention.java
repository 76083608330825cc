package app.smallwins.notification;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.SmallWinsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps the history to {@code smallwins.notifications.retention}: sent and failed notifications
 * older than that are deleted, in batches, by one node per round (a recurring job of the
 * queue). Held and queued ones stay whatever their age: they are still to be delivered.
 */
@ApplicationScoped
public class NotificationRetention {

    private static final int BATCH = 5_000;

    private final NotificationRepository notifications;
    private final Clock clock;
    private final SmallWinsConfig.Notifications config;

    NotificationRetention(NotificationRepository notifications, Clock clock, SmallWinsConfig config) {
        this.notifications = notifications;
        this.clock = clock;
        this.config = config.notifications();
    }

    /** One round; returns how many went. */
    public int purge() {
        Instant before = clock.instant().minus(config.retention());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> notifications.purgeFinishedBefore(before, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}

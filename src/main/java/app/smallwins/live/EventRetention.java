package app.smallwins.live;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import app.smallwins.common.SmallWinsConfig;
import app.smallwins.common.Times;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Deletes events older than the retention (7 days by default), in batches, and moves the
 * horizon that tells streams and polls behind it to refetch. Every node runs it; an advisory
 * lock makes the nodes take turns, and deleting what another node already deleted is harmless.
 */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);
    static final int BATCH = 10_000;

    private final LiveEventRepository events;
    private final Duration retention;

    EventRetention(LiveEventRepository events, SmallWinsConfig config) {
        this.events = events;
        this.retention = config.live().retention();
    }

    @Scheduled(identity = "live-event-retention", every = "${smallwins.live.purge-interval}", delayed = "1M",
            concurrentExecution = ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                LOG.infof("Deleted %d live events older than %s", deleted, retention);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Live event retention failed: %s", e.getClass().getName());
        }
    }

    /** Deletes events older than the retention; returns how many. */
    public int purge() {
        var before = Times.now().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> events.purgeOlderThan(before, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}

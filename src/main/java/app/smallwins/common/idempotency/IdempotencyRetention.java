package app.smallwins.common.idempotency;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import app.smallwins.common.SmallWinsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Forgets idempotency keys once no client can still be retrying: after the retention
 * (24 hours by default) a key's stored result is deleted, hourly by default, in batches. Every
 * node may run it; deleting the same old rows twice is harmless.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);
    static final int BATCH = 10_000;

    private final IdempotencyRepository records;
    private final Duration retention;

    IdempotencyRetention(IdempotencyRepository records, SmallWinsConfig config) {
        this.records = records;
        this.retention = config.idempotency().retention();
    }

    /** Every purge interval ({@code smallwins.idempotency.purge-interval}), first a minute after start. */
    @Scheduled(identity = "idempotency-retention", every = "${smallwins.idempotency.purge-interval}", delayed = "1M",
            concurrentExecution = ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeQuietly();
    }

    /** Deletes keys older than the retention; returns how many. */
    public int purge() {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> records.purgeOlderThan(retention, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private void purgeQuietly() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                LOG.infof("Forgot %d idempotency keys older than %s", deleted, retention);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Idempotency retention failed: %s", e.getClass().getName());
        }
    }
}

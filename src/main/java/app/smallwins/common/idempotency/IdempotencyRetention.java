package app.smallwins.common.idempotency;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import app.smallwins.common.Background;

/**
 * Forgets idempotency keys once no client can still be retrying: after the retention
 * (24 hours by default) a key's stored result is deleted, hourly, in small batches. Every
 * node may run it; deleting the same old rows twice is harmless.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);
    static final int BATCH = 10_000;

    @Inject
    IdempotencyRepository records;

    @ConfigProperty(name = "smallwins.idempotency.retention", defaultValue = "24H")
    Duration retention;

    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent event) {
        scheduler = Background.singleThread("idempotency-retention");
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, 1, 60, TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
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

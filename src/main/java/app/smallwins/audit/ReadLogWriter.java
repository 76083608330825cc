package app.smallwins.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import app.smallwins.common.Background;
import app.smallwins.common.security.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Writes read entries of the access log in batches, once per flush interval (1 s by
 * default). The bound on loss: a crash loses at most the reads queued since the last
 * flush; a normal shutdown flushes everything. When the queue grows past
 * {@value #FLUSH_AT} entries it is flushed at once, so memory stays bounded under load.
 */
@ApplicationScoped
public class ReadLogWriter {

    private static final Logger LOG = Logger.getLogger(ReadLogWriter.class);
    static final int FLUSH_AT = 5_000;
    /** While the database is unreachable, at most this many reads wait in memory. */
    static final int MAX_QUEUED = 100_000;

    record Read(UUID id, UUID childId, UUID actorId, Role capacity, String action, String targetType,
            UUID targetId, Instant at) {
    }

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "smallwins.access-log.flush-interval", defaultValue = "1S")
    Duration flushInterval;

    private final ConcurrentLinkedQueue<Read> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent event) {
        scheduler = Background.singleThread("access-log-writer");
        long millis = flushInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    void enqueue(Read read) {
        queue.add(read);
        if (queued.incrementAndGet() >= FLUSH_AT && scheduler != null) {
            scheduler.execute(this::flushQuietly);
        }
    }

    /** Writes everything queued so far; readers of the log call it to see their own node's latest reads. */
    public synchronized void flush() {
        List<Read> batch = new ArrayList<>();
        for (Read read; (read = queue.poll()) != null;) {
            batch.add(read);
        }
        if (batch.isEmpty()) {
            return;
        }
        queued.addAndGet(-batch.size());
        // Outside any caller's transaction: a failed write must not abort the request that asked for it.
        QuarkusTransaction.suspendingExisting().run(() -> write(batch));
    }

    private void write(List<Read> batch) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                insert(connection, batch);
            } catch (SQLException batchFailed) {
                if (!isDataError(batchFailed)) {
                    throw batchFailed;
                }
                // One bad entry (e.g. its user was rolled back) must not block the others forever.
                int dropped = 0;
                for (Read read : batch) {
                    try {
                        insert(connection, List.of(read));
                    } catch (SQLException rowFailed) {
                        if (!isDataError(rowFailed)) {
                            throw rowFailed;
                        }
                        dropped++;
                    }
                }
                LOG.warnf("Dropped %d access-log reads that no longer fit the database", dropped);
            }
        } catch (SQLException e) {
            // A passing database outage: put the batch back, up to the queue's bound.
            if (queued.get() + batch.size() <= MAX_QUEUED) {
                queue.addAll(batch);
                queued.addAndGet(batch.size());
            }
            LOG.warnf("Could not write %d access-log reads (SQL state %s); will retry", batch.size(), e.getSQLState());
        }
    }

    private static void insert(Connection connection, List<Read> reads) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into access_log (id, child_id, actor_id, capacity, action, target_type, target_id, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Read read : reads) {
                insert.setObject(1, read.id());
                insert.setObject(2, read.childId());
                insert.setObject(3, read.actorId());
                insert.setString(4, read.capacity().name());
                insert.setString(5, read.action());
                insert.setString(6, read.targetType());
                insert.setObject(7, read.targetId());
                insert.setTimestamp(8, Timestamp.from(read.at()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Integrity or data errors (SQL state classes 22 and 23): retrying the same rows cannot help. */
    private static boolean isDataError(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && (state.startsWith("23") || state.startsWith("22"))) {
                return true;
            }
        }
        return false;
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("Access-log flush failed: %s", e.getClass().getName());
        }
    }

    /** On ShutdownEvent, not @PreDestroy: by the time beans are destroyed the datasource is closed. */
    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdown();
        }
        flushQuietly();
    }
}

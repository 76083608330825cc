package app.smallwins.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.infrastructure.Infrastructure;

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
    public static final String BATCHES_METRIC = "smallwins.access_log.read_batches";
    /** While the database is unreachable, at most this many reads wait in memory. */
    static final int MAX_QUEUED = 100_000;

    private final AccessLogRepository entries;
    /** Statements that wrote reads ("smallwins.access_log.read_batches"), for operators and statement counts. */
    private final Counter batchesWritten;
    private final ConcurrentLinkedQueue<AccessLogRepository.Read> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** Set while an early flush (queue past {@value #FLUSH_AT}) waits on a worker thread, so only one does. */
    private final AtomicBoolean earlyFlushPending = new AtomicBoolean();

    ReadLogWriter(AccessLogRepository entries, MeterRegistry meters) {
        this.entries = entries;
        this.batchesWritten = Counter.builder(BATCHES_METRIC)
                .description("Statements that wrote batches of access-log reads").register(meters);
    }

    /** Every flush interval ({@code smallwins.access-log.flush-interval}); a run still writing is not overtaken. */
    @Scheduled(identity = "access-log-flush", every = "${smallwins.access-log.flush-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void flushOnSchedule() {
        flushQuietly();
    }

    void enqueue(AccessLogRepository.Read read) {
        queue.add(read);
        if (queued.incrementAndGet() >= FLUSH_AT && earlyFlushPending.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                earlyFlushPending.set(false);
                flushQuietly();
            });
        }
    }

    /** Writes everything queued so far; readers of the log call it to see their own node's latest reads. */
    public synchronized void flush() {
        List<AccessLogRepository.Read> batch = new ArrayList<>();
        for (AccessLogRepository.Read read; (read = queue.poll()) != null;) {
            batch.add(read);
        }
        if (batch.isEmpty()) {
            return;
        }
        queued.addAndGet(-batch.size());
        // Outside any caller's transaction: a failed write must not abort the request that asked for it.
        QuarkusTransaction.suspendingExisting().run(() -> write(batch));
    }

    private void write(List<AccessLogRepository.Read> batch) {
        try {
            insert(batch);
        } catch (PersistenceException batchFailed) {
            if (!isDataError(batchFailed)) {
                // A passing database outage: put the batch back, up to the queue's bound.
                if (queued.get() + batch.size() <= MAX_QUEUED) {
                    queue.addAll(batch);
                    queued.addAndGet(batch.size());
                }
                LOG.warnf("Could not write %d access-log reads (SQL state %s); will retry", batch.size(),
                        sqlState(batchFailed));
                return;
            }
            // One bad entry (e.g. its user was rolled back) must not block the others forever.
            int dropped = 0;
            for (AccessLogRepository.Read read : batch) {
                try {
                    insert(List.of(read));
                } catch (PersistenceException rowFailed) {
                    if (!isDataError(rowFailed)) {
                        throw rowFailed;
                    }
                    dropped++;
                }
            }
            LOG.warnf("Dropped %d access-log reads that no longer fit the database", dropped);
        }
    }

    /** Each batch in a transaction of its own, outside any request's: one statement, counted. */
    private void insert(List<AccessLogRepository.Read> reads) {
        QuarkusTransaction.requiringNew().run(() -> entries.insertReads(reads));
        batchesWritten.increment();
    }

    /** Integrity or data errors (SQL state classes 22 and 23): retrying the same rows cannot help. */
    private static boolean isDataError(Throwable e) {
        String state = sqlState(e);
        return state != null && (state.startsWith("23") || state.startsWith("22"));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null) {
                        return next.getSQLState();
                    }
                }
            }
        }
        return null;
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
        flushQuietly();
    }
}

package app.smallwins.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.SessionFactory;

import app.smallwins.audit.ReadLogWriter;
import app.smallwins.common.persistence.TypedRows;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the SQL statements the requests under test send: Hibernate's prepared statements, plus
 * the typed page reads of {@link TypedRows}, which run on the session's connection where
 * Hibernate's statistics do not see them, less the access log's read batches, which another
 * thread writes every second (one statement each) whatever request happens to be running.
 */
@ApplicationScoped
public class Statements {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    MeterRegistry meters;

    @Inject
    ReadLogWriter readLog;

    /** A starting point: Hibernate's statistics are cleared. */
    public record Mark(double typedReads, double readBatches) {
    }

    public Mark mark() {
        // A batch in flight on the flush thread could straddle the mark: let it finish first.
        readLog.flush();
        sessionFactory.getStatistics().clear();
        return new Mark(count(TypedRows.STATEMENTS_METRIC), count(ReadLogWriter.BATCHES_METRIC));
    }

    public long since(Mark mark) {
        // flush() waits for a batch in flight, so its statement and its count are both in or both out.
        readLog.flush();
        return sessionFactory.getStatistics().getPrepareStatementCount()
                + (long) (count(TypedRows.STATEMENTS_METRIC) - mark.typedReads())
                - (long) (count(ReadLogWriter.BATCHES_METRIC) - mark.readBatches());
    }

    private double count(String metric) {
        // The typed reads of requests only: the notification jobs read beside them all the time.
        return metric.equals(TypedRows.STATEMENTS_METRIC) ? meters.counter(metric, "origin", "request").count()
                : meters.counter(metric).count();
    }
}

package app.smallwins.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.SessionFactory;

import app.smallwins.common.persistence.TypedRows;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the SQL statements the app sends: Hibernate's prepared statements, plus the typed page
 * reads of {@link TypedRows}, which run on the session's connection where Hibernate's statistics
 * do not see them.
 */
@ApplicationScoped
public class Statements {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    MeterRegistry meters;

    /** A starting point: Hibernate's statistics are cleared. */
    public record Mark(double typedReads) {
    }

    public Mark mark() {
        sessionFactory.getStatistics().clear();
        return new Mark(typedReads());
    }

    public long since(Mark mark) {
        return sessionFactory.getStatistics().getPrepareStatementCount() + (long) (typedReads() - mark.typedReads());
    }

    private double typedReads() {
        return meters.counter(TypedRows.STATEMENTS_METRIC).count();
    }
}

package app.smallwins.common.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Typed reads on the transaction's own connection, for the hot page reads where Hibernate's
 * result processing cost more than the query itself (docs/benchmarks.md, "One way to the
 * database: what it costs"): each row is read into a record by the repository's own mapper,
 * in column order. Nothing else uses it; everything else reads through Hibernate.
 *
 * <p>Like a native query, it flushes pending changes first (unless the transaction only reads).
 * Called outside a transaction, {@link #list} runs its one statement on a pooled connection of
 * its own in autocommit: for the small reads that are a whole request (the children list, the
 * unread counts), one statement is its own transaction in PostgreSQL, with one snapshot, so
 * there is no BEGIN and COMMIT to send, no JTA transaction and no Hibernate session to open
 * (docs/benchmarks.md, "Small reads at the speed of their SQL").
 * Each statement is logged at DEBUG under {@value #LOG_CATEGORY} and counted in
 * {@value #STATEMENTS_METRIC}, beside Hibernate's own statistics, so statement counts stay
 * whole: tagged {@code origin=request} within a request, {@code origin=background} in the
 * jobs that run on their own threads (notifications).
 */
@ApplicationScoped
public class TypedRows {

    public static final String LOG_CATEGORY = "app.smallwins.sql";
    public static final String STATEMENTS_METRIC = "smallwins.sql.typed_reads";
    private static final Logger LOG = Logger.getLogger(LOG_CATEGORY);

    /** Reads the current row of a result set into a record. */
    @FunctionalInterface
    public interface Mapper<R> {
        R map(ResultSet row) throws SQLException;
    }

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final Counter statements;
    private final Counter backgroundStatements;

    TypedRows(EntityManager em, AgroalDataSource dataSource, MeterRegistry meters) {
        this.em = em;
        this.dataSource = dataSource;
        this.statements = Counter.builder(STATEMENTS_METRIC).tag("origin", "request")
                .description("SQL statements of typed reads, outside Hibernate's statistics").register(meters);
        this.backgroundStatements = Counter.builder(STATEMENTS_METRIC).tag("origin", "background")
                .description("SQL statements of typed reads, outside Hibernate's statistics").register(meters);
    }

    /**
     * The rows of one statement. Parameters, in order: UUID, UUID[] (bound as one uuid array,
     * for {@code = any(?)}), String, String[] (one text array), Integer, Long, Instant, Boolean,
     * and {@link NullOf} for a null. Within a transaction it reads on the transaction's
     * connection and sees its changes; outside one, on a connection of its own in autocommit.
     */
    public <R> List<R> list(String sql, List<?> parameters, Mapper<R> mapper) {
        Execution<List<R>> read = statement -> {
            List<R> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        };
        if (!QuarkusTransaction.isActive()) {
            return runAlone(sql, parameters, read);
        }
        Session session = em.unwrap(Session.class);
        if (session.getHibernateFlushMode() != FlushMode.MANUAL) {
            session.flush();
        }
        return run(session, sql, parameters, read);
    }

    /** Runs one insert, update or delete with the same parameters as {@link #list}; returns the rows it changed. */
    public int update(String sql, List<?> parameters) {
        Session session = em.unwrap(Session.class);
        session.flush();
        return run(session, sql, parameters, PreparedStatement::executeUpdate);
    }

    @FunctionalInterface
    private interface Execution<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    /** Prepares a statement on the transaction's connection, binds its parameters, logs and counts it. */
    private <T> T run(Session session, String sql, List<?> parameters, Execution<T> execution) {
        count(sql);
        return session.doReturningWork(connection -> execute(connection, sql, parameters, execution));
    }

    /**
     * The same on a pooled connection of its own, outside any transaction: the pool hands it out
     * in autocommit, so the statement is the whole transaction. The SQL exception stays the
     * cause (its SQL state is what tells a lost database, a 503, from anything else).
     */
    private <T> T runAlone(String sql, List<?> parameters, Execution<T> execution) {
        count(sql);
        try (Connection connection = dataSource.getConnection()) {
            return execute(connection, sql, parameters, execution);
        } catch (SQLException e) {
            throw new PersistenceException("typed read failed", e);
        }
    }

    private void count(String sql) {
        LOG.debug(sql);
        // Statements per request stay countable while the notification jobs work beside them.
        (Arc.container().requestContext().isActive() ? statements : backgroundStatements).increment();
    }

    private static <T> T execute(Connection connection, String sql, List<?> parameters, Execution<T> execution)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                bind(connection, statement, i + 1, parameters.get(i));
            }
            return execution.on(statement);
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value)
            throws SQLException {
        if (value instanceof UUID[] ids) {
            statement.setArray(index, connection.createArrayOf("uuid", ids));
        } else if (value instanceof Instant instant) {
            statement.setObject(index, SqlValues.utc(instant));
        } else if (value instanceof String[] texts) {
            statement.setArray(index, connection.createArrayOf("text", texts));
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof UUID id) {
            statement.setObject(index, id);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof NullOf type) {
            statement.setNull(index, type.sqlType());
        } else {
            throw new IllegalArgumentException("unsupported parameter type " + value.getClass());
        }
    }

    /** A null parameter, with its SQL type (java.sql.Types) so PostgreSQL can plan the statement. */
    public record NullOf(int sqlType) {
    }

    public static UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet row, int column) throws SQLException {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}

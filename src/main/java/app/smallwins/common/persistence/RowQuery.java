package app.smallwins.common.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;

import org.hibernate.FlushMode;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * A native read on a hot path whose rows are mapped by hand, for pages of many rows
 * (timeline, authors, the care-team check). Hibernate's entity results cost about a quarter of
 * a timeline request's CPU: resolving the result mapping from the result set's metadata, then
 * building and registering an entity per row. Here each row becomes an object in one call.
 * <p>
 * The statement runs through the session's own JDBC coordinator, so it is part of the
 * transaction, logged by {@code org.hibernate.SQL}, counted in Hibernate's statistics (the
 * query-count tests see it) and its errors are translated like any other query's. As with
 * a Hibernate native query, pending changes are flushed first when the session auto-flushes.
 * Objects mapped from rows are never attached to the session.
 * <p>
 * Parameters are named ({@code :child}); {@code ::} casts are left alone.
 */
public final class RowQuery {

    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    record Parsed(String sql, List<String> names) {
    }

    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();

    private final SessionImplementor session;
    private final Parsed parsed;
    private final Map<String, Object> values = new HashMap<>();

    private RowQuery(SessionImplementor session, Parsed parsed) {
        this.session = session;
        this.parsed = parsed;
    }

    public static RowQuery of(EntityManager em, String sql) {
        return new RowQuery(em.unwrap(SessionImplementor.class), PARSED.computeIfAbsent(sql, RowQuery::parse));
    }

    /**
     * Rows of one child's table by id: {@code select * from <table> where child_id = ? and
     * id = any(?)}, one array parameter, so the statement is the same for every page size.
     * No ids, no query.
     */
    public static <T> List<T> byIds(EntityManager em, String table, UUID childId, Collection<UUID> ids,
            Mapper<T> mapper) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return of(em, "select * from " + table + " where child_id = :child and id = any(:ids)")
                .set("child", childId).set("ids", SqlValues.uuids(ids)).list(mapper);
    }

    /**
     * Binds a named parameter: a UUID, an array of UUIDs (see {@link SqlValues#uuids}), an
     * Instant (as timestamptz), a number, a string or an enum (by name).
     */
    public RowQuery set(String name, Object value) {
        if (!parsed.names().contains(name)) {
            throw new IllegalArgumentException("No parameter :" + name + " in the statement");
        }
        values.put(name, value);
        return this;
    }

    public <T> List<T> list(Mapper<T> mapper) {
        FlushMode flushMode = session.getHibernateFlushMode();
        if (session.isTransactionInProgress() && (flushMode == FlushMode.AUTO || flushMode == FlushMode.ALWAYS)) {
            session.flush();
        }
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement statement = jdbc.getStatementPreparer().prepareStatement(parsed.sql());
        ResultSet rows = null;
        try {
            List<String> names = parsed.names();
            for (int i = 0; i < names.size(); i++) {
                bind(statement, i + 1, names.get(i));
            }
            rows = jdbc.getResultSetReturn().extract(statement, parsed.sql());
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "Could not read rows", parsed.sql());
        } finally {
            var resources = jdbc.getLogicalConnection().getResourceRegistry();
            if (rows != null) {
                resources.release(rows, statement);
            }
            resources.release(statement);
            jdbc.afterStatementExecution();
        }
    }

    private void bind(PreparedStatement statement, int index, String name) throws SQLException {
        if (!values.containsKey(name)) {
            throw new IllegalStateException("Parameter :" + name + " is not bound");
        }
        Object value = values.get(name);
        if (value instanceof UUID[] ids) {
            statement.setArray(index, statement.getConnection().createArrayOf("uuid", ids));
        } else if (value instanceof Instant instant) {
            statement.setObject(index, SqlValues.utc(instant));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, value);
        }
    }

    // ---- reading a row: null stays null -------------------------------------------------

    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static <E extends Enum<E>> E enumOf(ResultSet row, String column, Class<E> type) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** Named parameters to JDBC's {@code ?}, outside string literals; {@code ::type} casts stay. */
    static Parsed parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        boolean inLiteral = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
            if (c == '\'') {
                inLiteral = !inLiteral;
            } else if (!inLiteral && c == ':' && next == ':') {
                out.append("::");
                i++;
                continue;
            } else if (!inLiteral && c == ':' && Character.isJavaIdentifierStart(next)) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end - 1;
                continue;
            }
            out.append(c);
        }
        return new Parsed(out.toString(), List.copyOf(names));
    }
}

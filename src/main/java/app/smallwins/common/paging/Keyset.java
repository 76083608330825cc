package app.smallwins.common.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.persistence.TypedQuery;

/**
 * Keyset pagination in one place: every list is ordered on (a timestamp, the id) and a page
 * starts after the last row of the one before ({@link Cursor}), so each page is one range scan
 * of an index in that order, however deep the client pages.
 */
public final class Keyset {

    /** Rows per query when a whole list is read. */
    public static final int PAGE = 500;

    /** How a repository makes a typed JPQL query ({@code em::createQuery}). */
    @FunctionalInterface
    public interface Queries {
        <T> TypedQuery<T> typed(String jpql, Class<T> type);
    }

    private Keyset() {
    }

    /**
     * A page of a JPQL query, newest first: {@code select} (up to its where clause) with the
     * rows after the cursor and the order added, the cursor bound and {@code fetch} rows at most.
     * Bind the query's own parameters on the result. {@code queries} is the repository's
     * {@code em::createQuery}: only repositories write queries.
     */
    public static <T> TypedQuery<T> newestFirst(Queries queries, String select, Class<T> type, String at, String id,
            Cursor after, int fetch) {
        return page(queries, select + Cursor.olderThan(after, at, id) + " order by %s desc, %s desc".formatted(at, id), type,
                after, fetch);
    }

    /** The same, oldest first (the record export). */
    public static <T> TypedQuery<T> oldestFirst(Queries queries, String select, Class<T> type, String at, String id,
            Cursor after, int fetch) {
        return page(queries, select + Cursor.newerThan(after, at, id) + " order by %s, %s".formatted(at, id), type, after,
                fetch);
    }

    private static <T> TypedQuery<T> page(Queries queries, String jpql, Class<T> type, Cursor after, int fetch) {
        TypedQuery<T> query = queries.typed(jpql, type);
        Cursor.bind(query, after);
        return query.setMaxResults(fetch);
    }

    /**
     * Every row, in list order. {@code fetch(after, n)} answers up to n rows after the cursor
     * (null: from the start); {@code cursorOf} gives a row's position.
     */
    public static <T> List<T> all(BiFunction<Cursor, Integer, List<T>> fetch, Function<T, Cursor> cursorOf) {
        List<T> all = new ArrayList<>();
        for (Cursor after = null;;) {
            List<T> page = fetch.apply(after, PAGE + 1);
            all.addAll(page.subList(0, Math.min(PAGE, page.size())));
            if (page.size() <= PAGE) {
                return all;
            }
            after = cursorOf.apply(page.get(PAGE - 1));
        }
    }
}

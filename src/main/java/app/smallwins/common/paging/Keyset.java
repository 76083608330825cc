package app.smallwins.common.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Reading a whole keyset-paginated list, a page per query (the record export). */
public final class Keyset {

    /** Rows per query when a whole list is read. */
    public static final int PAGE = 500;

    private Keyset() {
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

package app.smallwins.common.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The list envelope every collection answers: newest first, with an opaque cursor to the next page. */
public record Page<T>(
        List<T> items,
        @Schema(description = "Pass as `cursor` to get the next page; null on the last page.", nullable = true)
        String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that
     * another page exists, and the cursor points after the last row returned.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, Cursor> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)).encode());
    }
}

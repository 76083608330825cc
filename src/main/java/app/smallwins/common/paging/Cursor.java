package app.smallwins.common.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import jakarta.persistence.Query;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.input.InputRules;
import app.smallwins.common.persistence.SqlValues;

/**
 * Position in a newest-first list: the sort timestamp and id of the last row seen.
 * Keyset pagination keeps every page one index range scan, however deep the client pages.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        String raw = at.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a client-supplied cursor; null when absent, 400 when it is not exactly what
     * {@link #encode} would have written for a position within the instant range of
     * docs/input-rules.md (so a forged date never reaches the database).
     */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            Cursor decoded = new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
            if (InputRules.inRange(decoded.at()) && decoded.encode().equals(cursor)) {
                return decoded;
            }
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            // reported below
        }
        throw ApiException.invalid("cursor", "is not a cursor this API returned");
    }

    /**
     * JPQL condition for the rows after this position in a newest-first list, on the given
     * sort columns (e.g. "c.createdAt", "c.id"); empty without a cursor. {@link Keyset} builds pages with it.
     */
    static String olderThan(Cursor after, String at, String id) {
        return after == null ? "" : " and (%1$s < :at or (%1$s = :at and %2$s < :id))".formatted(at, id);
    }

    /** The same for an oldest-first list. */
    static String newerThan(Cursor after, String at, String id) {
        return after == null ? "" : " and (%1$s > :at or (%1$s = :at and %2$s > :id))".formatted(at, id);
    }

    /**
     * Native SQL condition for the rows after this position in a newest-first list. Bind with
     * {@link #bindNative(Query, Cursor)}.
     */
    public static String olderThanNative(Cursor after, String at, String id) {
        return after == null ? "" : " and (%s, %s) < (:at, :id)".formatted(at, id);
    }

    /**
     * The same condition with JDBC places, for a typed read (TypedRows): the caller adds the
     * cursor's {@code at} and {@code id}, in that order, where the condition stands.
     */
    public static String olderThanTyped(Cursor after, String at, String id) {
        return after == null ? "" : " and (%s, %s) < (?, ?)".formatted(at, id);
    }

    /** Binds :at and :id of a JPQL keyset condition, when there is a cursor. */
    static void bind(Query query, Cursor after) {
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
    }

    /** Binds :at (as timestamptz) and :id of a native keyset condition, when there is a cursor. */
    public static void bindNative(Query query, Cursor after) {
        if (after != null) {
            query.setParameter("at", SqlValues.utc(after.at())).setParameter("id", after.id());
        }
    }
}

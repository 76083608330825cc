package app.smallwins.common.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.input.InputRules;

/**
 * Parses query parameters with a clear 400 naming the parameter. (JAX-RS would answer an
 * unconvertible query parameter with a bare 404, which tells a client nothing.) The values
 * follow the same rules as in request bodies (docs/input-rules.md); an empty one is absent.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InputRules.uuid(value);
        } catch (InputRules.InvalidInput e) {
            throw ApiException.invalid(name, e.getMessage());
        }
    }

    /** An RFC 3339 date-time with Z or an offset ("2026-11-24T15:00:00Z"), 1970 to 9999. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InputRules.instant(value);
        } catch (InputRules.InvalidInput e) {
            throw ApiException.invalid(name, e.getMessage());
        }
    }

    /** The last day a period view may end on: its period (a day, week or month) then ends within 9999. */
    public static final LocalDate LATEST_PERIOD_DAY = LocalDate.of(9999, 11, 30);

    /**
     * A day that a progress view or wins summary ends on or falls in: a date no later than
     * {@link #LATEST_PERIOD_DAY}, so every week or month it names has an end the API can write.
     */
    public static LocalDate periodDay(String name, String value) {
        LocalDate day = date(name, value);
        if (day != null && day.isAfter(LATEST_PERIOD_DAY)) {
            throw ApiException.invalid(name, "must be " + LATEST_PERIOD_DAY + " or earlier");
        }
        return day;
    }

    /** A date ("2026-11-24"), 1900 to 9999. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InputRules.date(value);
        } catch (InputRules.InvalidInput e) {
            throw ApiException.invalid(name, e.getMessage());
        }
    }
}

package app.smallwins.common.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The input rules of docs/input-rules.md, in code: what text, dates, instants and ids a
 * client may send. Request bodies (through {@link app.smallwins.common.json.StrictJson}),
 * query parameters and cursors all use these, so one value means the same everywhere.
 */
public final class InputRules {

    /** The earliest instant a client may send: nothing this API records happened before. */
    public static final Instant EARLIEST_INSTANT = Instant.parse("1970-01-01T00:00:00Z");
    /** Instants must be before this: every client library and PostgreSQL can represent them. */
    public static final Instant END_OF_INSTANTS = Instant.parse("+10000-01-01T00:00:00Z");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    public static final String INSTANT_RULE =
            "must be a date-time such as 2026-11-24T15:00:00Z, from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z";
    public static final String DATE_RULE = "must be a date such as 2019-03-14, from 1900-01-01 to 9999-12-31";
    public static final String TEXT_RULE = "must not contain control characters (tab and newline are allowed)";
    public static final String UNICODE_RULE = "must be valid Unicode text";

    /** RFC 3339: date, "T", time with seconds and optional fraction, then "Z" or an offset. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private InputRules() {
    }

    /**
     * Why this text is refused, or null when it is fine: control characters other than tab,
     * newline and a carriage return before a newline (C0, DEL, C1), and unpaired surrogates.
     */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPairedSurrogate(text, i)) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return UNICODE_RULE;
            } else if (isRefusedControl(text, i)) {
                return TEXT_RULE;
            }
        }
        return null;
    }

    /** The text with every character {@link #textProblem} refuses replaced by U+FFFD. */
    public static String scrub(String text) {
        if (text == null || textProblem(text) == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (isPairedSurrogate(text, i)) {
                out.append(text, i, i + 2);
                i++;
            } else if (Character.isSurrogate(text.charAt(i)) || isRefusedControl(text, i)) {
                out.append('\uFFFD');
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean isPairedSurrogate(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }

    private static boolean isRefusedControl(String text, int i) {
        char c = text.charAt(i);
        if (c == '\t' || c == '\n') {
            return false;
        }
        if (c == '\r') {
            return i + 1 >= text.length() || text.charAt(i + 1) != '\n';
        }
        return c < 0x20 || c >= 0x7f && c <= 0x9f;
    }

    /** An RFC 3339 date-time with "Z" or an offset, within the instant range; else {@link InvalidInput}. */
    public static Instant instant(String text) {
        if (text == null || !RFC_3339.matcher(text).matches()) {
            throw new InvalidInput(INSTANT_RULE);
        }
        try {
            Instant instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            if (instant.isBefore(EARLIEST_INSTANT) || !instant.isBefore(END_OF_INSTANTS)) {
                throw new InvalidInput(INSTANT_RULE);
            }
            return instant;
        } catch (DateTimeException e) {
            throw new InvalidInput(INSTANT_RULE);
        }
    }

    /** A "yyyy-MM-dd" date within the date range; else {@link InvalidInput}. */
    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new InvalidInput(DATE_RULE);
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                throw new InvalidInput(DATE_RULE);
            }
            return date;
        } catch (DateTimeException e) {
            throw new InvalidInput(DATE_RULE);
        }
    }

    /** Whether an instant is one a client could have sent (cursors carry stored instants back). */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST_INSTANT) && instant.isBefore(END_OF_INSTANTS);
    }

    /** A UUID in its 36-character hexadecimal form (either case); else {@link InvalidInput}. */
    public static UUID uuid(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            throw new InvalidInput("must be a UUID such as 3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c");
        }
        return UUID.fromString(text);
    }

    /** A value that breaks one of these rules; the message says what the value must look like. */
    public static final class InvalidInput extends IllegalArgumentException {

        public InvalidInput(String rule) {
            super(rule, null);
        }
    }
}

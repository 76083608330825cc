package app.smallwins.common.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps personal data out of every log handler (application.properties puts it on the
 * console, file, syslog and socket handlers), whichever library logs: an e-mail address
 * anywhere in a message or in an exception's message becomes {@code <e-mail>}, and
 * PostgreSQL's {@code Detail:} and {@code Where:} parts, which quote row values ("Key
 * (child_id, lower(invited_email))=(…, someone@example.org) already exists", "Failing row
 * contains (…)"), become {@code <redacted>}. The record is kept, so operators still see that
 * a constraint failed and where; an exception whose messages held personal data is replaced
 * by a copy with the same class names, redacted messages and the same stack frames.
 *
 * <p>Hibernate 7 logs SQL errors under {@code org.hibernate.orm.jdbc.error}, Narayana logs
 * failed commits with their cause, Vert.x and Quarkus log failed requests: a filter on the
 * handlers covers them all, where silencing categories covers only the ones known today.
 */
@LoggingFilter(name = "personal-data")
public class PersonalDataFilter implements Filter {

    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** PostgreSQL's server message parts that quote values, up to the end of the line or of a bracketed quote. */
    static final Pattern ROW_VALUES = Pattern.compile("(Detail|Where|DETAIL|WHERE): [^\\]\\r\\n]*");
    static final Pattern KEY_VALUES = Pattern.compile("(Key \\((?:[^()]|\\([^()]*\\))*\\))=\\((?:[^()]|\\([^()]*\\))*\\)");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = formatted(record);
        String clean = redact(message);
        if (clean != null && !clean.equals(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(clean, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(clean);
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && holdsPersonalData(thrown)) {
            record.setThrown(RedactedThrowable.of(thrown, Collections.newSetFromMap(new IdentityHashMap<>())));
        }
        return true;
    }

    /** The text with e-mail addresses and quoted row values removed; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (out.indexOf('@') >= 0) {
            out = EMAIL.matcher(out).replaceAll("<e-mail>");
        }
        if (out.contains("Key (")) {
            out = KEY_VALUES.matcher(out).replaceAll("$1=(<redacted>)");
        }
        if (out.contains(": ")) {
            out = ROW_VALUES.matcher(out).replaceAll("$1: <redacted>");
        }
        return out;
    }

    private static boolean holdsPersonalData(Throwable thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(redact(message))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (holdsPersonalData(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String formatted(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        if (message == null || parameters == null || parameters.length == 0) {
            return message;
        }
        try {
            return java.text.MessageFormat.format(message, parameters);
        } catch (IllegalArgumentException notAPattern) {
            return message;
        }
    }

    /** A stand-in for an exception: its class name, its message redacted, its stack frames and causes. */
    static final class RedactedThrowable extends RuntimeException {

        private final String original;

        private RedactedThrowable(String original, String message, Throwable cause) {
            super(message, cause, true, true);
            this.original = original;
        }

        static Throwable of(Throwable t, java.util.Set<Throwable> seen) {
            if (t == null || !seen.add(t)) {
                return null;
            }
            RedactedThrowable copy = new RedactedThrowable(t.getClass().getName(), redact(t.getMessage()),
                    of(t.getCause(), seen));
            copy.setStackTrace(t.getStackTrace());
            for (Throwable suppressed : t.getSuppressed()) {
                Throwable redacted = of(suppressed, seen);
                if (redacted != null) {
                    copy.addSuppressed(redacted);
                }
            }
            return copy;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? original : original + ": " + message;
        }
    }
}

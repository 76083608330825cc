package app.smallwins.common.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/** Converts values to and from native SQL results and parameters, whatever type the driver picks. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz parameter: bound with its offset, so the session time zone never shifts it. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A list of ids as one array parameter, for {@code x.id = any(:ids)}.
     * Unlike {@code in :ids}, whose SQL changes with the list's length and is translated anew
     * each time, the statement stays the same for every page, so Hibernate and PostgreSQL
     * reuse their plans.
     */
    public static UUID[] uuids(Collection<UUID> ids) {
        return ids.stream().distinct().toArray(UUID[]::new);
    }

    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getSimpleName());
    }

    public static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw new IllegalStateException("Unexpected date type " + value.getClass().getSimpleName());
    }
}

package app.smallwins.common.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

/** Values bound as native SQL parameters. */
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
}

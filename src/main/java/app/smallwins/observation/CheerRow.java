package app.smallwins.observation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import app.smallwins.common.persistence.TypedRows;
import app.smallwins.common.security.Role;

/** A cheer as its view shows it, read without an entity (a timeline page) or taken from one. */
record CheerRow(UUID id, UUID observationId, UUID authorId, Role authorCapacity, String note, Instant createdAt) {

    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS = "id, observation_id, author_id, author_capacity, note, created_at";

    static CheerRow of(Cheer c) {
        return new CheerRow(c.id, c.observationId, c.authorId, c.authorCapacity, c.note, c.createdAt);
    }

    static CheerRow read(ResultSet row) throws SQLException {
        return new CheerRow(TypedRows.uuid(row, 1), TypedRows.uuid(row, 2), TypedRows.uuid(row, 3),
                TypedRows.enumOf(Role.class, row, 4), row.getString(5), TypedRows.instant(row, 6));
    }
}

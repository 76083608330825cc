package app.smallwins.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import app.smallwins.common.persistence.TypedRows;
import app.smallwins.common.security.Role;

/** A message as its view shows it, read without an entity (a timeline page) or taken from one. */
record MessageRow(UUID id, UUID conversationId, UUID childId, UUID authorId, Role authorCapacity, String body,
        boolean urgent, UUID observationId, Instant createdAt, Instant editedAt, Instant deletedAt) {

    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS = "id, conversation_id, child_id, author_id, author_capacity, body, urgent, "
            + "observation_id, created_at, edited_at, deleted_at";

    static MessageRow of(Message m) {
        return new MessageRow(m.id, m.conversationId, m.childId, m.authorId, m.authorCapacity, m.body, m.urgent,
                m.observationId, m.createdAt, m.editedAt, m.deletedAt);
    }

    static MessageRow read(ResultSet row) throws SQLException {
        return new MessageRow(TypedRows.uuid(row, 1), TypedRows.uuid(row, 2), TypedRows.uuid(row, 3),
                TypedRows.uuid(row, 4), TypedRows.enumOf(Role.class, row, 5), row.getString(6), row.getBoolean(7),
                TypedRows.uuid(row, 8), TypedRows.instant(row, 9), TypedRows.instant(row, 10),
                TypedRows.instant(row, 11));
    }
}

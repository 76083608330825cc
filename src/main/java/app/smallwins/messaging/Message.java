package app.smallwins.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.smallwins.common.persistence.RowQuery;
import app.smallwins.common.security.Role;

@Entity
@Table(name = "message")
public class Message {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_capacity", nullable = false)
    public Role authorCapacity;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "observation_id")
    public UUID observationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The columns of {@code select *}, read by hand on hot read paths ({@link RowQuery}); never attached. */
    static Message fromRow(ResultSet row) throws SQLException {
        Message m = new Message();
        m.id = RowQuery.uuid(row, "id");
        m.childId = RowQuery.uuid(row, "child_id");
        m.conversationId = RowQuery.uuid(row, "conversation_id");
        m.authorId = RowQuery.uuid(row, "author_id");
        m.authorCapacity = RowQuery.enumOf(row, "author_capacity", Role.class);
        m.body = row.getString("body");
        m.urgent = row.getBoolean("urgent");
        m.observationId = RowQuery.uuid(row, "observation_id");
        m.createdAt = RowQuery.instant(row, "created_at");
        m.editedAt = RowQuery.instant(row, "edited_at");
        m.deletedAt = RowQuery.instant(row, "deleted_at");
        return m;
    }
}

package app.smallwins.observation;

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

/** A team member celebrating a win, with a short, specific note. One per person per win. */
@Entity
@Table(name = "cheer")
public class Cheer {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "observation_id", nullable = false)
    public UUID observationId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_capacity", nullable = false)
    public Role authorCapacity;

    @Column(nullable = false)
    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The columns of {@code select *}, read by hand on hot read paths ({@link RowQuery}); never attached. */
    static Cheer fromRow(ResultSet row) throws SQLException {
        Cheer c = new Cheer();
        c.id = RowQuery.uuid(row, "id");
        c.childId = RowQuery.uuid(row, "child_id");
        c.observationId = RowQuery.uuid(row, "observation_id");
        c.authorId = RowQuery.uuid(row, "author_id");
        c.authorCapacity = RowQuery.enumOf(row, "author_capacity", Role.class);
        c.note = row.getString("note");
        c.createdAt = RowQuery.instant(row, "created_at");
        return c;
    }
}

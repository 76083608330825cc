package app.smallwins.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.smallwins.common.security.Role;

/** One read or change of a child's record by a person. Append-only. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "actor_id", nullable = false)
    public UUID actorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role capacity;

    @Column(nullable = false)
    public String action;

    @Column(name = "target_type", nullable = false)
    public String targetType;

    @Column(name = "target_id")
    public UUID targetId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Why the record left the app as a document (a disclosure); null for other reads and changes. */
    public String purpose;
}

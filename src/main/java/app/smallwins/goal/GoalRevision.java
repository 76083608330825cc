package app.smallwins.goal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.smallwins.common.security.Role;

/** One change to a goal: who, when, and each changed field's old and new value (JSON). */
@Entity
@Table(name = "goal_revision")
public class GoalRevision {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(nullable = false)
    public long revision;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    public UUID changedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role capacity;

    @Column(nullable = false)
    public String changes;
}

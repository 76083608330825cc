package app.smallwins.team;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.smallwins.common.security.Role;

/**
 * A person's place on a child's care team. Until the invited person first signs in with the
 * verified e-mail it was sent to, {@code userId} is null. Removal keeps the row (who was on
 * the team, and when, stays part of the record).
 */
@Entity
@Table(name = "team_membership")
public class TeamMembership {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "invited_email")
    public String invitedEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public String relationship;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "removed_at")
    public Instant removedAt;
}

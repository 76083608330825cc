package app.smallwins.observation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}

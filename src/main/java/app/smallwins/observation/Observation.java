package app.smallwins.observation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;

/** Something a team member saw the child do (or not do), in real life. */
@Entity
@Table(name = "observation")
public class Observation {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "goal_id")
    public UUID goalId;

    @Column(name = "step_id")
    public UUID stepId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObservationKind kind;

    @Column(nullable = false)
    public String text;

    @Enumerated(EnumType.STRING)
    public Domain domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Setting setting;

    @Enumerated(EnumType.STRING)
    @Column(name = "prompt_level")
    public PromptLevel promptLevel;

    @Enumerated(EnumType.STRING)
    public Regulation regulation;

    @Column(name = "first_time", nullable = false)
    public boolean firstTime;

    public String support;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ObservationSource source;

    /** The message that carried this win, when it was recorded through a conversation. */
    @Column(name = "message_id")
    public UUID messageId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_capacity", nullable = false)
    public Role authorCapacity;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public UUID deletedBy;

    @Version
    @Column(nullable = false)
    public long version;
}

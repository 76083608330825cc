package app.smallwins.media;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.smallwins.common.security.Role;

/** One change of a child's media consent. Append-only: the newest row is the consent. */
@Entity
@Table(name = "media_consent_change")
public class MediaConsentChange {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Consent consent;

    @Column(name = "allow_sharing_outside_team", nullable = false)
    public boolean allowSharingOutsideTeam;

    /** Who changed it; null for the deployment's default, recorded when the record was opened. */
    @Column(name = "changed_by")
    public UUID changedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "changed_capacity")
    public Role changedCapacity;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}

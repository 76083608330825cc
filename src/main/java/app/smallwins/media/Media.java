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
import app.smallwins.media.process.MediaKind;

/** A photo or video of a child; its bytes live in the media store (see {@link MediaKeys}). */
@Entity
@Table(name = "media")
public class Media {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MediaKind kind;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(name = "duration_seconds")
    public Double durationSeconds;

    /** SHA-256 of the stored original, hex: its strong ETag. */
    @Column(nullable = false)
    public String sha256;

    @Column(name = "uploaded_by", nullable = false)
    public UUID uploadedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "uploaded_capacity", nullable = false)
    public Role uploadedCapacity;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    /** When the bytes were erased (consent withdrawn for the retention period); null while kept. */
    @Column(name = "erased_at")
    public Instant erasedAt;
}

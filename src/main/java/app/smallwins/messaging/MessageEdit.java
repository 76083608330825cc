package app.smallwins.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A body a message had before it was edited (kept for admins). */
@Entity
@Table(name = "message_edit")
public class MessageEdit {

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(nullable = false)
    public String body;

    @Column(name = "replaced_at", nullable = false)
    public Instant replacedAt;
}

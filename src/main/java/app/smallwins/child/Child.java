package app.smallwins.child;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "child")
public class Child {

    @Id
    public UUID id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "preferred_name")
    public String preferredName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Convert(converter = CommunicationModesConverter.class)
    @Column(name = "communication_modes", nullable = false)
    public List<CommunicationMode> communicationModes = List.of();

    @Column(name = "communication_notes")
    public String communicationNotes;

    @Column(name = "what_helps")
    public String whatHelps;

    @Column(name = "celebrate_with")
    public String celebrateWith;

    @Column(name = "time_zone", nullable = false)
    public String timeZone = "UTC";

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Version
    @Column(nullable = false)
    public long version;
}

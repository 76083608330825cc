package app.smallwins.child;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;


import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.security.Role;

@Schema(name = "Child", description = "A child's profile, with the caller's capacity on it.")
public record ChildView(
        UUID id,
        @Schema(examples = "Arjun Sharma") String displayName,
        @Schema(examples = "Arjun", nullable = true) String preferredName,
        @Schema(nullable = true) LocalDate dateOfBirth,
        Communication communication,
        @Schema(nullable = true, examples = "A visual schedule; a quiet corner when the room gets loud.") String whatHelps,
        @Schema(nullable = true, description = "The praise or reward that lands with this child.",
                examples = "High fives and a minute with the spinning top.") String celebrateWith,
        @Schema(examples = "Europe/London") String timeZone,
        @Schema(description = "The capacity the caller acts in on this child.") Role capacity,
        @Schema(description = "Set once an admin archived the record.", nullable = true) Instant archivedAt,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Row version; the ETag header carries the same value.") long version) {

    public static ChildView of(Child child, Role capacity) {
        return new ChildView(child.id, child.displayName, child.preferredName, child.dateOfBirth,
                new Communication(child.communicationModes, child.communicationNotes), child.whatHelps,
                child.celebrateWith, child.timeZone, capacity, child.archivedAt, child.createdAt, child.updatedAt,
                child.version);
    }
}

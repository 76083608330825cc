package app.smallwins.observation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An observation in the record export: deleted ones stay in the record, marked. */
@Schema(name = "ExportedObservation")
public record ExportedObservation(ObservationView observation,
        @Schema(nullable = true, description = "Set when the observation was deleted; it stays in the record.")
        Instant deletedAt) {
}

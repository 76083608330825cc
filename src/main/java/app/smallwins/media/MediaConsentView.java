package app.smallwins.media;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;

@Schema(name = "MediaConsent", description = "Whether photos and videos of the child may be recorded, and who said so "
        + "when. Set by the child's parents and admins.")
public record MediaConsentView(
        UUID id,
        UUID childId,
        Consent consent,
        @Schema(description = "Whether media may ever be shared beyond the care team (for later features; false "
                + "whenever consent is NONE).") boolean allowSharingOutsideTeam,
        @Schema(nullable = true, description = "Who set it; null for the deployment's default, recorded when the "
                + "record was opened.") Author changedBy,
        Instant changedAt) {
}

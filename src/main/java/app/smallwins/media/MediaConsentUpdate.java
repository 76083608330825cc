package app.smallwins.media;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MediaConsentUpdate", description = "The family's answer: may the team record photos and videos of "
        + "the child?")
public record MediaConsentUpdate(
        @NotNull Consent consent,
        @Schema(description = "Sharing beyond the care team, for later features; must be false with NONE. Default "
                + "false.") Boolean allowSharingOutsideTeam) {
}

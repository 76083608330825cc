package app.smallwins.timeline;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.observation.CheerView;
import app.smallwins.observation.ObservationView;

@Schema(name = "TimelineItem", description = "One entry of the child's timeline; exactly one of the payloads is set, "
        + "matching `type`.")
public record TimelineItem(
        Type type,
        @Schema(description = "The id of the observation, cheer or message.") UUID id,
        @Schema(description = "When it happened (observations) or was written (cheers, messages).") Instant at,
        @Schema(nullable = true) ObservationView observation,
        @Schema(nullable = true) CheerView cheer) {

    public enum Type {
        OBSERVATION, CHEER
    }
}

package app.smallwins.timeline;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.messaging.MessageView;
import app.smallwins.observation.CheerView;
import app.smallwins.observation.ObservationView;

@Schema(name = "TimelineItem", description = "One entry of the child's timeline: an observation, a cheer or a team message; exactly one payload is set, "
        + "matching `type`.")
public record TimelineItem(
        Type type,
        @Schema(description = "The id of the observation, cheer or message.") UUID id,
        @Schema(description = "When it happened (observations) or was written (cheers, messages).") Instant at,
        @Schema(nullable = true) ObservationView observation,
        @Schema(nullable = true) CheerView cheer,
        @Schema(nullable = true, description = "A team-conversation message (one that carried a win shows as "
                + "its observation instead).") MessageView message) {

    @Schema(name = "TimelineItemType", description = """
            What a timeline item carries:
            - `OBSERVATION`: an observation; `observation` is set.
            - `CHEER`: a cheer on a win; `cheer` is set.
            - `MESSAGE`: a team-conversation message; `message` is set.""")
    public enum Type {
        OBSERVATION, CHEER, MESSAGE
    }
}

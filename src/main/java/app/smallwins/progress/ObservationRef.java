package app.smallwins.progress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.observation.ObservationKind;

/** An observation cited as evidence. */
@Schema(name = "EvidenceObservation")
public record ObservationRef(
        UUID id,
        @Schema(nullable = true) UUID goalId,
        ObservationKind kind,
        @Schema(examples = "Pointed to the sky and said 'blue'.") String text,
        @Schema(nullable = true) Domain domain,
        Setting setting,
        @Schema(nullable = true) PromptLevel promptLevel,
        @Schema(nullable = true) Regulation regulation,
        boolean firstTime,
        @Schema(description = "No earlier win on the same goal (or, without a goal, at all) in this setting.")
        boolean newSetting,
        Instant occurredAt,
        Author author,
        @Schema(description = "Why it is shown: never empty.") List<EvidenceReason> why,
        @Schema(description = "The same, in a sentence.", examples = "A first time, with no prompt, the first win at home.")
        String because) {
}

package app.smallwins.observation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;

@Schema(name = "NewObservation", description = "A win, setback or note, with or without a goal. "
        + "The author and their capacity come from the token.")
public record NewObservation(
        @NotNull ObservationKind kind,
        @Schema(examples = "Pointed to the sky and said 'blue'.") @NotBlank @Size(max = 4000) String text,
        @Schema(description = "A goal of this child.", nullable = true) UUID goalId,
        @Schema(description = "A current step of that goal.", nullable = true) UUID stepId,
        @Schema(description = "Defaults to the goal's domain.", nullable = true) Domain domain,
        @NotNull Setting setting,
        @Schema(nullable = true) PromptLevel promptLevel,
        @Schema(nullable = true) Regulation regulation,
        @Schema(description = "The child could not do this before.") Boolean firstTime,
        @Schema(description = "How the adult supported it.", examples = "Pointed at the colour chart first.")
        @Size(max = 2000) String support,
        @Schema(description = "When it happened; defaults to now. Not in the future.") Instant occurredAt,
        @Schema(description = "Photos and videos of the child to attach, in order (ids from POST "
                + "/children/{childId}/media; at most 10).", nullable = true)
        @Size(max = 10) List<@NotNull UUID> mediaIds) {

    ObservationDraft draft() {
        return new ObservationDraft(kind, text, goalId, stepId, domain, setting, promptLevel, regulation,
                Boolean.TRUE.equals(firstTime), support, occurredAt, mediaIds);
    }
}

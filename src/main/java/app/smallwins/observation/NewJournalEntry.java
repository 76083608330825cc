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

/** The parent's evening win journal: two questions, recorded as a WIN at HOME. */
@Schema(name = "NewJournalEntry", description = "Answers to the two evening questions; recorded as a WIN at HOME.")
public record NewJournalEntry(
        @Schema(description = "What did my child do today that they couldn't do before, or did better?",
                examples = "Pointed to the sky and said 'blue' on the way home.")
        @NotBlank @Size(max = 4000) String text,
        @Schema(description = "How did I support that?", examples = "I waited and pointed up with him.")
        @Size(max = 2000) String support,
        @Schema(nullable = true) UUID goalId,
        @Schema(nullable = true) UUID stepId,
        @Schema(description = "They couldn't do this before.") Boolean firstTime,
        @Schema(description = "Defaults to now.") Instant occurredAt,
        @Schema(description = "Optional: how much help was needed.", nullable = true) PromptLevel promptLevel,
        @Schema(nullable = true) Regulation regulation,
        @Schema(nullable = true) Domain domain,
        @Schema(description = "Photos and videos of the child to attach, in order (ids from POST "
                + "/children/{childId}/media; at most 10).", nullable = true)
        @Size(max = 10) List<@NotNull UUID> mediaIds) {

    ObservationDraft draft() {
        return new ObservationDraft(ObservationKind.WIN, text, goalId, stepId, domain, Setting.HOME, promptLevel,
                regulation, Boolean.TRUE.equals(firstTime), support, occurredAt, mediaIds);
    }
}

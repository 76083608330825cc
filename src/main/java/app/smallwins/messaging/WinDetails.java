package app.smallwins.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.observation.ObservationDraft;
import app.smallwins.observation.ObservationKind;

/** An observation body without text: the message body is the text. */
@Schema(name = "WinDetails", description = "Records the message as an observation too (kind defaults to WIN).")
public record WinDetails(
        @Schema(nullable = true, description = "Defaults to WIN.") ObservationKind kind,
        @Schema(nullable = true) UUID goalId,
        @Schema(nullable = true) UUID stepId,
        @Schema(nullable = true) Domain domain,
        @NotNull Setting setting,
        @Schema(nullable = true) PromptLevel promptLevel,
        @Schema(nullable = true) Regulation regulation,
        Boolean firstTime,
        @Size(max = 2000) String support,
        @Schema(description = "Defaults to now.") Instant occurredAt) {

    /** The win the message carries, with the message's text and photos. */
    ObservationDraft draft(String text, List<UUID> mediaIds) {
        return new ObservationDraft(kind == null ? ObservationKind.WIN : kind, text, goalId, stepId, domain, setting,
                promptLevel, regulation, Boolean.TRUE.equals(firstTime), support, occurredAt, mediaIds);
    }
}

package app.smallwins.observation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;
import app.smallwins.media.MediaView;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.user.Names;

@Schema(name = "Observation", description = "What the child did in real life, who saw it, where, and with how much help.")
public record ObservationView(
        UUID id,
        UUID childId,
        ObservationKind kind,
        @Schema(examples = "Pointed to the sky and said 'blue'.") String text,
        @Schema(nullable = true) UUID goalId,
        @Schema(nullable = true) UUID stepId,
        @Schema(nullable = true) Domain domain,
        Setting setting,
        @Schema(nullable = true) PromptLevel promptLevel,
        @Schema(nullable = true) Regulation regulation,
        boolean firstTime,
        @Schema(nullable = true) String support,
        Instant occurredAt,
        @Schema(description = "DIRECT, JOURNAL (the parent's win journal) or MESSAGE.") ObservationSource source,
        @Schema(description = "The message that carried this win, if any.", nullable = true) UUID messageId,
        Author author,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "True once the author changed it after recording.") boolean edited,
        List<CheerView> cheers,
        @Schema(description = "Photos and videos attached, in order, as the caller may see them (after the family "
                + "withdraws consent only parents and admins do).") List<MediaView> attachments,
        @Schema(description = "Row version; the ETag header carries the same value.") long version) {

    /** An observation with its cheers, oldest first, as a team member sees it. */
    static ObservationView of(Observation o, List<Cheer> cheers, Names names, List<MediaView> attachments) {
        return of(ObservationRow.of(o), cheers.stream().map(CheerRow::of).toList(), names, attachments);
    }

    static ObservationView of(ObservationRow o, List<CheerRow> cheers, Names names, List<MediaView> attachments) {
        return new ObservationView(o.id(), o.childId(), o.kind(), o.text(), o.goalId(), o.stepId(), o.domain(),
                o.setting(), o.promptLevel(), o.regulation(), o.firstTime(), o.support(), o.occurredAt(), o.source(),
                o.messageId(), names.author(o.authorId(), o.authorCapacity()), o.createdAt(), o.updatedAt(),
                !o.updatedAt().equals(o.createdAt()), cheers.stream().map(c -> CheerView.of(c, names)).toList(),
                attachments, o.version());
    }
}

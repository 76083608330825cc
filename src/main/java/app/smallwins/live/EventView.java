package app.smallwins.live;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event as clients see it: what changed and where, never its content. */
@Schema(name = "LiveEvent", description = """
        Something changed on a child's record that the reader may see. It carries the ids of what
        changed and nothing else: read the rest with the ordinary GETs (whose access rules decided
        who gets the event). Ids that do not apply to an event's type are null.

        | type | when | ids |
        |---|---|---|
        | `message.posted` | a message was posted in a conversation the reader is in | conversationId, messageId |
        | `message.edited` | its author corrected it | conversationId, messageId |
        | `message.deleted` | its author deleted it (a placeholder stays) | conversationId, messageId |
        | `observation.recorded` | a win, setback, note or journal entry was recorded | observationId, goalId if linked |
        | `observation.changed` | its author changed it | observationId, goalId if linked |
        | `observation.deleted` | it was deleted, or retracted with its message | observationId, goalId if linked |
        | `cheer.added` | someone cheered a win | observationId, cheerId |
        | `goal.created` | a goal was written | goalId |
        | `goal.changed` | a goal was changed, its status included | goalId |
        | `progress.flagged` | real life stopped matching a goal marked met (the paper-reality gap) | goalId |
        | `progress.cleared` | that gap closed | goalId |
        | `team.changed` | someone joined or left the team (also sent to the person who left) | membershipId |
        | `media-consent.changed` | the family gave or withdrew consent to photos and videos | |
        | `unread.changed` | the reader's own read marker moved (another device read) | conversationId |
        | `reset` | the reader's last event is older than the retention: refetch, then go on from this id | |
        """)
public record EventView(
        @Schema(description = "Position in the deployment's stream: increases with every event. Pass it back as "
                + "`Last-Event-ID` (the stream) or `after` (polling).", pattern = "^[0-9]+$", example = "4711")
        String id,
        @Schema(enumeration = { "message.posted", "message.edited", "message.deleted", "observation.recorded",
                "observation.changed", "observation.deleted", "cheer.added", "goal.created", "goal.changed",
                "progress.flagged", "progress.cleared", "team.changed", "media-consent.changed", "unread.changed",
                "reset" })
        String type,
        @Schema(description = "The child whose record changed (null on `reset`).", nullable = true)
        UUID childId,
        Instant occurredAt,
        @Schema(nullable = true) UUID conversationId,
        @Schema(nullable = true) UUID messageId,
        @Schema(nullable = true) UUID observationId,
        @Schema(nullable = true) UUID cheerId,
        @Schema(nullable = true) UUID goalId,
        @Schema(nullable = true) UUID membershipId) {

    static EventView of(LiveEventRepository.Row row) {
        return new EventView(Long.toString(row.id()), row.type(), row.childId(), row.occurredAt(),
                row.conversationId(), row.messageId(), row.observationId(), row.cheerId(), row.goalId(),
                row.membershipId());
    }

    /** Tells a client it is too far behind to replay: refetch, then continue after {@code newest}. */
    static EventView reset(long newest, Instant at) {
        return new EventView(Long.toString(newest), EventType.RESET, null, at, null, null, null, null, null, null);
    }
}

package app.smallwins.live;

import java.util.UUID;

/** The ids of what changed: all an event tells. Clients read the rest with the ordinary GETs. */
public record EventRefs(UUID conversationId, UUID messageId, UUID observationId, UUID cheerId, UUID goalId,
        UUID membershipId) {

    public static EventRefs message(UUID conversationId, UUID messageId) {
        return new EventRefs(conversationId, messageId, null, null, null, null);
    }

    public static EventRefs conversation(UUID conversationId) {
        return new EventRefs(conversationId, null, null, null, null, null);
    }

    /** An observation and the goal it is linked to (null when none), whose progress it moves. */
    public static EventRefs observation(UUID observationId, UUID goalId) {
        return new EventRefs(null, null, observationId, null, goalId, null);
    }

    public static EventRefs cheer(UUID observationId, UUID cheerId) {
        return new EventRefs(null, null, observationId, cheerId, null, null);
    }

    public static EventRefs goal(UUID goalId) {
        return new EventRefs(null, null, null, null, goalId, null);
    }

    /** Nothing but the child, which every event names: a change of the record as a whole (media consent). */
    public static EventRefs child() {
        return new EventRefs(null, null, null, null, null, null);
    }

    public static EventRefs membership(UUID membershipId) {
        return new EventRefs(null, null, null, null, null, membershipId);
    }
}

package app.smallwins.live;

import java.util.Arrays;
import java.util.stream.Collectors;

import app.smallwins.common.security.Permission;
import app.smallwins.common.security.Role;

/**
 * What changed, as the stream names it, with the permission that reads the resource: an event
 * reaches a team member only when their capacity holds it, the rule of the GET it announces.
 */
public enum EventType {
    MESSAGE_POSTED("message.posted", Permission.READ_CONVERSATIONS),
    MESSAGE_EDITED("message.edited", Permission.READ_CONVERSATIONS),
    MESSAGE_DELETED("message.deleted", Permission.READ_CONVERSATIONS),
    OBSERVATION_RECORDED("observation.recorded", Permission.READ_RECORD),
    OBSERVATION_CHANGED("observation.changed", Permission.READ_RECORD),
    OBSERVATION_DELETED("observation.deleted", Permission.READ_RECORD),
    CHEER_ADDED("cheer.added", Permission.READ_RECORD),
    GOAL_CREATED("goal.created", Permission.READ_RECORD),
    GOAL_CHANGED("goal.changed", Permission.READ_RECORD),
    PROGRESS_FLAGGED("progress.flagged", Permission.READ_RECORD),
    PROGRESS_CLEARED("progress.cleared", Permission.READ_RECORD),
    TEAM_CHANGED("team.changed", Permission.READ_RECORD),
    MEDIA_CONSENT_CHANGED("media-consent.changed", Permission.READ_RECORD),
    UNREAD_CHANGED("unread.changed", Permission.READ_CONVERSATIONS);

    /** Sent alone when a client's last event is older than the retention: refetch, then go on from this id. */
    public static final String RESET = "reset";

    private final String wireName;
    private final String roles;

    EventType(String wireName, Permission readBy) {
        this.wireName = wireName;
        this.roles = Arrays.stream(Role.values()).filter(r -> r.isTeamRole() && readBy.grantedTo(r))
                .map(Role::name).collect(Collectors.joining(","));
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the change may move what the progress rules say (an observation or a goal changed). */
    boolean movesProgress() {
        return name().startsWith("OBSERVATION_") || name().startsWith("GOAL_");
    }

    /** The team roles whose capacity may read what the event announces, as stored (comma-separated). */
    String roles() {
        return roles;
    }
}

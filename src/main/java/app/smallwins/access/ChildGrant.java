package app.smallwins.access;

import app.smallwins.common.security.Permission;
import app.smallwins.common.security.Role;
import java.util.UUID;

/** Proof that a caller passed the access check on a child, with the capacity they act in. */
public record ChildGrant(UUID childId, Caller caller, Role capacity) {

    /** No person: the server applying its own rules to a child (a scheduled check), reading as an admin would. */
    private static final Caller SERVER = new Caller(null, "small-wins", "Small Wins", java.util.Set.of(Role.admin));

    /** For the server's own scheduled rules on a child; never for a request, whose grant comes from {@link ChildAccess}. */
    public static ChildGrant forServerRules(UUID childId) {
        return new ChildGrant(childId, SERVER, Role.admin);
    }

    /**
     * For the server preparing a team member's own notification (their weekly summary): the
     * caller has checked the membership; reads are logged as the member's.
     */
    public static ChildGrant forMember(UUID childId, UUID userId, Role capacity) {
        return new ChildGrant(childId, new Caller(userId, null, null, java.util.Set.of(capacity)), capacity);
    }

    public boolean may(Permission permission) {
        return permission.grantedTo(capacity);
    }
}

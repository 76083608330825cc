package app.smallwins.access;

import app.smallwins.common.security.Permission;
import app.smallwins.common.security.Role;
import java.util.UUID;

/** Proof that a caller passed the access check on a child, with the capacity they act in. */
public record ChildGrant(UUID childId, Caller caller, Role capacity) {

    public boolean may(Permission permission) {
        return permission.grantedTo(capacity);
    }
}

package app.smallwins.access;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.security.Permission;
import app.smallwins.common.security.Role;

/**
 * The one answer to "what may this caller do with this child?". Every child-scoped
 * service call starts here.
 * <ul>
 * <li>no or invalid token: 401 (raised before this point);</li>
 * <li>not an admin and not on the child's team in a role the token also carries, or the
 * child is archived: 404, so a child's existence is never revealed;</li>
 * <li>on the team but the capacity lacks the permission: 403.</li>
 * </ul>
 */
@ApplicationScoped
public class ChildAccess {

    private final CurrentCaller currentCaller;
    private final ChildAccessRepository children;

    ChildAccess(CurrentCaller currentCaller, ChildAccessRepository children) {
        this.currentCaller = currentCaller;
        this.children = children;
    }

    public ChildGrant require(UUID childId, Permission permission) {
        Caller caller = currentCaller.get();
        List<ChildAccessRepository.Standing> rows = children.standing(childId, caller);
        if (rows.isEmpty()) {
            throw childNotFound();
        }
        boolean archived = rows.get(0).archivedAt() != null;
        Role capacity = capacityOf(caller, archived, rows.get(0).role());
        if (!permission.grantedTo(capacity)) {
            throw ApiException.forbidden("Your capacity on this child (" + capacity + ") does not permit this");
        }
        if (archived && permission.changesRecord()) {
            throw ApiException.conflict("This child's record is archived and can no longer be changed");
        }
        return new ChildGrant(childId, caller, capacity);
    }

    /** An admin acts as admin; anyone else through a current membership (one the token's roles carry). */
    private static Role capacityOf(Caller caller, boolean archived, Role membershipRole) {
        if (caller.isAdmin()) {
            return Role.admin;
        }
        if (archived || membershipRole == null) {
            throw childNotFound();
        }
        return membershipRole;
    }

    public static ApiException childNotFound() {
        return ApiException.notFound("Child");
    }
}

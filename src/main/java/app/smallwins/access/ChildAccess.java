package app.smallwins.access;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.persistence.RowQuery;
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

    @Inject
    CurrentCaller currentCaller;

    @Inject
    EntityManager em;

    private record Membership(boolean archived, String role) {
    }

    public ChildGrant require(UUID childId, Permission permission) {
        Caller caller = currentCaller.get();
        List<Membership> rows = RowQuery.of(em, """
                select c.archived_at is not null as archived, m.role
                from child c
                left join team_membership m
                       on m.child_id = c.id and m.user_id = :user and m.removed_at is null
                where c.id = :child""")
                .set("child", childId)
                .set("user", caller.userId())
                .list(row -> new Membership(row.getBoolean("archived"), row.getString("role")));
        if (rows.isEmpty()) {
            throw childNotFound();
        }
        boolean archived = rows.get(0).archived();
        Role capacity = capacityOf(caller, archived, rows.get(0).role());
        if (!permission.grantedTo(capacity)) {
            throw ApiException.forbidden("Your capacity on this child (" + capacity + ") does not permit this");
        }
        if (archived && permission.changesRecord()) {
            throw ApiException.conflict("This child's record is archived and can no longer be changed");
        }
        return new ChildGrant(childId, caller, capacity);
    }

    private static Role capacityOf(Caller caller, boolean archived, String membershipRole) {
        if (caller.isAdmin()) {
            return Role.admin;
        }
        Role role = membershipRole == null ? null : Role.fromClaim(membershipRole).orElse(null);
        if (archived || role == null || !caller.roles().contains(role)) {
            throw childNotFound();
        }
        return role;
    }

    public static ApiException childNotFound() {
        return ApiException.notFound("Child");
    }
}

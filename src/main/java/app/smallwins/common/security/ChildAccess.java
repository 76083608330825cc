package app.smallwins.common.security;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.smallwins.common.error.ApiException;

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

    public ChildGrant require(UUID childId, Permission permission) {
        Caller caller = currentCaller.get();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.archived_at is not null, m.role
                from child c
                left join team_membership m
                       on m.child_id = c.id and m.user_id = ?2 and m.removed_at is null
                where c.id = ?1""")
                .setParameter(1, childId)
                .setParameter(2, caller.userId())
                .getResultList();
        if (rows.isEmpty()) {
            throw childNotFound();
        }
        boolean archived = (Boolean) rows.get(0)[0];
        Role capacity = capacityOf(caller, archived, (String) rows.get(0)[1]);
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

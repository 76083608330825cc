package app.smallwins.child;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.paging.Cursor;
import app.smallwins.common.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ChildRepository implements PanacheRepositoryBase<Child, UUID> {

    /** A child the caller sees, with the capacity they see it in. */
    public record Visible(Child child, Role capacity) {
    }

    private static final String NEWEST_FIRST = " order by c.createdAt desc, c.id desc";

    /** Every active child, for admins: one keyset-paginated query. */
    public List<Visible> pageAll(Cursor after, int fetch) {
        var query = getEntityManager().createQuery("select c from Child c where c.archivedAt is null"
                + Cursor.olderThan(after, "c.createdAt", "c.id") + NEWEST_FIRST, Child.class);
        Cursor.bind(query, after);
        return query.setMaxResults(fetch).getResultStream().map(c -> new Visible(c, Role.admin)).toList();
    }

    /**
     * The active children on whose team the user holds one of the given roles. The filter is
     * in SQL, so a page never holds rows the caller may not see.
     */
    public List<Visible> pageForMember(UUID userId, Set<Role> tokenRoles, Cursor after, int fetch) {
        if (tokenRoles.isEmpty()) {
            return List.of();
        }
        var query = getEntityManager().createQuery("""
                select c, m.role from Child c
                join TeamMembership m on m.childId = c.id
                where m.userId = :user and m.removedAt is null and m.role in :roles
                  and c.archivedAt is null"""
                + Cursor.olderThan(after, "c.createdAt", "c.id") + NEWEST_FIRST, Object[].class)
                .setParameter("user", userId)
                .setParameter("roles", tokenRoles);
        Cursor.bind(query, after);
        return query.setMaxResults(fetch).getResultStream()
                .map(row -> new Visible((Child) row[0], (Role) row[1])).toList();
    }
}

package app.smallwins.child;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.access.Caller;
import app.smallwins.access.CurrentMembership;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Keyset;
import app.smallwins.common.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ChildRepository implements PanacheRepositoryBase<Child, UUID> {

    /** A child the caller sees, with the capacity they see it in. */
    public record Visible(Child child, Role capacity) {
    }


    public String timeZone(UUID childId) {
        return find("id", childId).project(ZoneOnly.class).singleResult().timeZone();
    }

    public ChildSummary summary(UUID childId) {
        return find("id", childId).project(ChildSummary.Row.class).singleResult().summary();
    }

    /** A child's time zone alone. */
    public record ZoneOnly(String timeZone) {
    }

    /** Every active child, for admins: one keyset-paginated query. */
    public List<Visible> pageAll(Cursor after, int fetch) {
        return Keyset.newestFirst(getEntityManager()::createQuery, "select c from Child c where c.archivedAt is null", Child.class,
                "c.createdAt", "c.id", after, fetch).getResultList().stream().map(c -> new Visible(c, Role.admin)).toList();
    }

    /**
     * The active children on whose team the caller holds a current membership. The filter is
     * in SQL, so a page never holds rows the caller may not see.
     */
    public List<Visible> pageForMember(Caller caller, Cursor after, int fetch) {
        return CurrentMembership.bind(Keyset.newestFirst(getEntityManager()::createQuery, """
                select new app.smallwins.child.ChildRepository$Visible(c, m.role) from Child c
                join TeamMembership m on m.childId = c.id
                where m.userId = :user and c.archivedAt is null
                  and """ + CurrentMembership.jpql("m"), Visible.class, "c.createdAt", "c.id", after, fetch), caller)
                .setParameter("user", caller.userId())
                .getResultList();
    }
}

package app.smallwins.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import app.smallwins.common.security.Role;

/** The one query behind every child-scoped request: the child, and the caller's standing on its team. */
@ApplicationScoped
public class ChildAccessRepository {

    private final EntityManager em;

    ChildAccessRepository(EntityManager em) {
        this.em = em;
    }

    /** Whether the child is archived, and the caller's current membership role (null when none). */
    public record Standing(Instant archivedAt, Role role) {
    }

    /** Empty when there is no such child. */
    public List<Standing> standing(UUID childId, Caller caller) {
        return CurrentMembership.bind(em.createQuery("""
                select new app.smallwins.access.ChildAccessRepository$Standing(c.archivedAt, m.role)
                from Child c left join TeamMembership m on m.childId = c.id and m.userId = :user
                  and """ + CurrentMembership.jpql("m") + " where c.id = :child", Standing.class), caller)
                .setParameter("child", childId)
                .setParameter("user", caller.userId())
                .getResultList();
    }
}

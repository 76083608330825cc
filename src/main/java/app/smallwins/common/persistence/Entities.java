package app.smallwins.common.persistence;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/** Loading entities of one page by id, the way that costs the same for every page. */
public final class Entities {

    private Entities() {
    }

    /**
     * The entities with these ids that pass the filter (the child they must belong to), in the
     * ids' order, missing ones left out. One statement through Hibernate's multi-id loader, which
     * binds the ids as one array ({@code id = any(?)}): a JPQL {@code in :ids} would be translated
     * anew on every call (Hibernate caches no plan with a parameter list) and sent to PostgreSQL
     * as a different statement for every page length.
     */
    public static <E> List<E> byIds(EntityManager em, Class<E> type, List<?> ids, Predicate<E> belongs) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).findMultiple(type, ids).stream().filter(Objects::nonNull).filter(belongs)
                .toList();
    }
}

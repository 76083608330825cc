package app.smallwins.observation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Keyset;
import app.smallwins.common.persistence.SqlValues;
import app.smallwins.common.persistence.TypedRows;
import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Setting;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Observations and cheers; every query is scoped by child and skips deleted observations. */
@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, UUID> {

    private final EntityManager em;
    private final TypedRows rows;

    ObservationRepository(EntityManager em, TypedRows rows) {
        this.em = em;
        this.rows = rows;
    }

    /** List filters; null means "any". */
    public record Filter(UUID goalId, ObservationKind kind, Setting setting, Role authorRole,
            ObservationSource source, Instant from, Instant to) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null, null);
    }

    public Optional<Observation> findLive(UUID childId, UUID observationId) {
        return find("id = ?1 and childId = ?2 and deletedAt is null", observationId, childId).firstResultOptional();
    }

    /** Newest first by when it happened; keyset-paginated on (occurredAt, id). */
    public List<Observation> page(UUID childId, Filter filter, Cursor after, int fetch) {
        StringBuilder jpql = new StringBuilder(
                "select o from Observation o where o.childId = :child and o.deletedAt is null");
        if (filter.goalId() != null) {
            jpql.append(" and o.goalId = :goal");
        }
        if (filter.kind() != null) {
            jpql.append(" and o.kind = :kind");
        }
        if (filter.setting() != null) {
            jpql.append(" and o.setting = :setting");
        }
        if (filter.authorRole() != null) {
            jpql.append(" and o.authorCapacity = :role");
        }
        if (filter.source() != null) {
            jpql.append(" and o.source = :source");
        }
        if (filter.from() != null) {
            jpql.append(" and o.occurredAt >= :from");
        }
        if (filter.to() != null) {
            jpql.append(" and o.occurredAt < :to");
        }
        var query = Keyset.newestFirst(em::createQuery, jpql.toString(), Observation.class, "o.occurredAt", "o.id", after, fetch)
                .setParameter("child", childId);
        if (filter.goalId() != null) {
            query.setParameter("goal", filter.goalId());
        }
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
        if (filter.setting() != null) {
            query.setParameter("setting", filter.setting());
        }
        if (filter.authorRole() != null) {
            query.setParameter("role", filter.authorRole());
        }
        if (filter.source() != null) {
            query.setParameter("source", filter.source());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        return query.getResultList();
    }

    /** Every observation of the child, deleted ones included (for the record export), oldest first. */
    public List<Observation> pageIncludingDeleted(UUID childId, Cursor after, int fetch) {
        return Keyset.oldestFirst(em::createQuery, "select o from Observation o where o.childId = :child", Observation.class,
                "o.occurredAt", "o.id", after, fetch).setParameter("child", childId).getResultList();
    }

    /** These observations of the child, as rows for a page of the timeline (TypedRows: why, there). */
    List<ObservationRow> rowsByIds(UUID childId, List<UUID> ids) {
        return ids.isEmpty() ? List.of() : rows.list("select " + ObservationRow.COLUMNS
                + " from observation where child_id = ? and id = any(?)", List.of(childId, SqlValues.uuids(ids)),
                ObservationRow::read);
    }

    /** The cheers on a page of observations, oldest first per observation: one query. */
    public Map<UUID, List<Cheer>> cheersOf(UUID childId, Collection<UUID> observationIds) {
        if (observationIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Cheer> cheers = em.createNativeQuery("""
                select * from cheer where child_id = :child and observation_id = any(:observations)
                order by created_at, id""", Cheer.class)
                .setParameter("child", childId).setParameter("observations", SqlValues.uuids(observationIds))
                .getResultList();
        return cheers.stream().collect(Collectors.groupingBy(c -> c.observationId));
    }

    /**
     * For a timeline page, in one query: the cheers on the page's observations and the cheers
     * the page shows as items of their own, oldest first. A cheer can be both. Two branches,
     * not one OR: each keeps its own index (cheer_by_observation, the primary key), where an OR
     * lets PostgreSQL read every cheer of the child.
     */
    List<CheerRow> cheersOnOrByIds(UUID childId, Collection<UUID> observationIds, Collection<UUID> cheerIds) {
        if (observationIds.isEmpty() && cheerIds.isEmpty()) {
            return List.of();
        }
        return rows.list("select " + CheerRow.COLUMNS + " from cheer where child_id = ? and observation_id = any(?)"
                + " union select " + CheerRow.COLUMNS + " from cheer where child_id = ? and id = any(?)"
                + " order by created_at, id",
                List.of(childId, SqlValues.uuids(observationIds), childId, SqlValues.uuids(cheerIds)), CheerRow::read);
    }

    public Optional<Cheer> findCheer(UUID childId, UUID observationId, UUID cheerId) {
        return getEntityManager().createQuery("""
                select c from Cheer c where c.id = :id and c.childId = :child and c.observationId = :obs""", Cheer.class)
                .setParameter("id", cheerId).setParameter("child", childId).setParameter("obs", observationId)
                .getResultList().stream().findFirst();
    }

    /** Adds the person's cheer unless they already cheered this win; safe under races. */
    public Cheer cheerOnce(Cheer cheer) {
        em.flush();
        em.createNativeQuery("""
                insert into cheer (id, child_id, observation_id, author_id, author_capacity, note, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (observation_id, author_id) do nothing""")
                .setParameter(1, cheer.id).setParameter(2, cheer.childId).setParameter(3, cheer.observationId)
                .setParameter(4, cheer.authorId).setParameter(5, cheer.authorCapacity.name())
                .setParameter(6, cheer.note).setParameter(7, cheer.createdAt)
                .executeUpdate();
        return em.createQuery("""
                select c from Cheer c where c.childId = :child and c.observationId = :obs and c.authorId = :author""",
                Cheer.class)
                .setParameter("child", cheer.childId).setParameter("obs", cheer.observationId)
                .setParameter("author", cheer.authorId).getSingleResult();
    }
}

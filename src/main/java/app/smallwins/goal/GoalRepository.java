package app.smallwins.goal;

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
import app.smallwins.common.vocabulary.Domain;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Goals, their steps and their revisions; every query is scoped by child. */
@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    private final EntityManager em;

    GoalRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Goal> findForChild(UUID childId, UUID goalId) {
        return find("id = ?1 and childId = ?2", goalId, childId).firstResultOptional();
    }

    public List<Goal> page(UUID childId, GoalStatus status, Domain domain, Cursor after, int fetch) {
        StringBuilder jpql = new StringBuilder("select g from Goal g where g.childId = :child");
        if (status != null) {
            jpql.append(" and g.status = :status");
        }
        if (domain != null) {
            jpql.append(" and g.domain = :domain");
        }
        var query = Keyset.newestFirst(em::createQuery, jpql.toString(), Goal.class, "g.createdAt", "g.id", after, fetch)
                .setParameter("child", childId);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (domain != null) {
            query.setParameter("domain", domain);
        }
        return query.getResultList();
    }

    /** The child's goals with one of these statuses, oldest first. */
    public List<Goal> withStatus(UUID childId, Collection<GoalStatus> statuses) {
        return list("childId = ?1 and status in ?2 order by createdAt, id", childId, statuses);
    }

    /** The current steps of several goals of one child, in order: one query. */
    public Map<UUID, List<GoalStep>> currentSteps(UUID childId, Collection<UUID> goalIds) {
        if (goalIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("""
                select s from GoalStep s
                where s.childId = :child and s.goalId in :goals and s.retiredAt is null
                order by s.goalId, s.position""", GoalStep.class)
                .setParameter("child", childId)
                .setParameter("goals", goalIds)
                .getResultList().stream()
                .collect(Collectors.groupingBy(s -> s.goalId, Collectors.toList()));
    }

    public Optional<GoalStep> findStep(UUID childId, UUID goalId, UUID stepId) {
        return em.createQuery("select s from GoalStep s where s.id = :id and s.childId = :child and s.goalId = :goal",
                GoalStep.class)
                .setParameter("id", stepId).setParameter("child", childId).setParameter("goal", goalId)
                .getResultList().stream().findFirst();
    }

    public void persistStep(GoalStep step) {
        em.persist(step);
    }

    public void persistRevision(GoalRevision revision) {
        em.persist(revision);
    }

    /** Every revision of every goal of the child, newest first per goal: one query (for the export). */
    public List<GoalRevision> allRevisions(UUID childId) {
        return em.createQuery("select r from GoalRevision r where r.childId = :child order by r.goalId, r.revision desc",
                GoalRevision.class).setParameter("child", childId).getResultList();
    }

    public List<GoalRevision> revisions(UUID childId, UUID goalId, Cursor after, int fetch) {
        return Keyset.newestFirst(em::createQuery, "select r from GoalRevision r where r.childId = :child and r.goalId = :goal",
                GoalRevision.class, "r.changedAt", "r.id", after, fetch)
                .setParameter("child", childId).setParameter("goal", goalId).getResultList();
    }
}

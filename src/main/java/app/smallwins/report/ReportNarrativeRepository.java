package app.smallwins.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Keyset;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The team's narratives of a child's report periods. */
@ApplicationScoped
public class ReportNarrativeRepository implements PanacheRepositoryBase<ReportNarrative, UUID> {

    /** Every saved narrative of the period, all goals, newest first: the report keeps the first of each goal. */
    public List<ReportNarrative> ofPeriod(UUID childId, LocalDate from, LocalDate to) {
        return list("childId = ?1 and periodFrom = ?2 and periodTo = ?3 order by writtenAt desc, id desc", childId, from,
                to);
    }

    /** One goal's narratives of the period, newest first: its history. */
    public List<ReportNarrative> history(UUID childId, UUID goalId, LocalDate from, LocalDate to, Cursor after,
            int fetch) {
        return Keyset.newestFirst(getEntityManager()::createQuery, """
                select n from ReportNarrative n
                where n.childId = :child and n.goalId = :goal and n.periodFrom = :from and n.periodTo = :to""",
                ReportNarrative.class, "n.writtenAt", "n.id", after, fetch)
                .setParameter("child", childId).setParameter("goal", goalId).setParameter("from", from)
                .setParameter("to", to).getResultList();
    }
}

package app.smallwins.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import app.smallwins.common.persistence.SqlValues;
import app.smallwins.common.persistence.TypedRows;
import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.observation.ObservationKind;

/**
 * The SQL behind the progress views. Each method is one statement whatever the number of
 * goals or observations; the observation_by_goal and observation_by_child indexes keep them
 * to range scans on one child.
 */
@ApplicationScoped
public class ProgressRepository {

    private final EntityManager em;
    /** SQL rank of independence: 0 for INDEPENDENT … 6 for FULL_PHYSICAL, 7 when unknown. */
    static final String PROMPT_RANK = "case o.prompt_level "
            + Arrays.stream(PromptLevel.values()).map(p -> "when '" + p.name() + "' then " + p.ordinal())
                    .collect(Collectors.joining(" "))
            + " else 7 end";

    /**
     * No earlier live win in the same setting, on the same goal (or on no goal, for goal-less
     * wins). Written as two branches so each can use observation_wins_by_setting.
     */
    static final String NEW_SETTING = """
            case when o.goal_id is null
              then not exists (select 1 from observation p
                               where p.child_id = o.child_id and p.goal_id is null and p.setting = o.setting
                                 and p.kind = 'WIN' and p.deleted_at is null
                                 and (p.occurred_at, p.id) < (o.occurred_at, o.id))
              else not exists (select 1 from observation p
                               where p.child_id = o.child_id and p.goal_id = o.goal_id and p.setting = o.setting
                                 and p.kind = 'WIN' and p.deleted_at is null
                                 and (p.occurred_at, p.id) < (o.occurred_at, o.id))
            end""";

    static final int TELLING_CANDIDATES = 50;

    private static final String REF_COLUMNS = """
            o.id, o.goal_id, o.kind, o.text, o.domain, o.setting, o.prompt_level, o.regulation, o.first_time,
            """ + NEW_SETTING + " as new_setting, o.occurred_at, o.author_id, o.author_capacity";

    private final TypedRows typedRows;

    ProgressRepository(EntityManager em, TypedRows typedRows) {
        this.em = em;
        this.typedRows = typedRows;
    }

    /** A cited observation before its author is named. */
    public record Row(UUID id, UUID goalId, ObservationKind kind, String text, Domain domain, Setting setting,
            PromptLevel promptLevel, Regulation regulation, boolean firstTime, boolean newSetting, Instant occurredAt,
            UUID authorId, Role authorCapacity, boolean recent) {

        Row recentSince(Instant from) {
            return new Row(id, goalId, kind, text, domain, setting, promptLevel, regulation, firstTime, newSetting,
                    occurredAt, authorId, authorCapacity, !occurredAt.isBefore(from));
        }
    }

    /**
     * Evidence cells of the given goals between two instants, grouped by local day in the zone.
     * Read with {@link TypedRows}: a year of a busy goal is hundreds of cells, and Hibernate's
     * per-column result processing cost more than the query. The goal ids stay {@code in (…)}
     * (docs/benchmarks.md, "Goal lists stay in"): one statement per number of goals.
     */
    public List<EvidenceCell> cells(UUID childId, Collection<UUID> goalIds, String zone, Instant from, Instant to) {
        if (goalIds.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(zone, childId));
        parameters.addAll(goalIds);
        parameters.add(from);
        parameters.add(to);
        return typedRows.list(CELLS + " and o.goal_id in (" + places(goalIds) + ")" + CELLS_RANGE, parameters,
                ProgressRepository::cell);
    }

    /** Evidence cells of all the child's observations between two instants, goal or no goal (wins summaries). */
    public List<EvidenceCell> childCells(UUID childId, String zone, Instant from, Instant to) {
        return typedRows.list(CELLS + CELLS_RANGE, List.of(zone, childId, from, to), ProgressRepository::cell);
    }

    private static final String CELLS = """
            select o.goal_id, cast(o.occurred_at at time zone ? as date) as day, o.kind, o.prompt_level,
                   o.setting, o.regulation, o.author_id, o.author_capacity, count(*) as n
            from observation o
            where o.child_id = ? and o.deleted_at is null""";

    private static final String CELLS_RANGE = """

              and o.occurred_at >= ? and o.occurred_at < ?
            group by 1, 2, 3, 4, 5, 6, 7, 8""";

    private static EvidenceCell cell(ResultSet row) throws SQLException {
        return new EvidenceCell(TypedRows.uuid(row, 1), row.getObject(2, LocalDate.class),
                TypedRows.enumOf(ObservationKind.class, row, 3), TypedRows.enumOf(PromptLevel.class, row, 4),
                TypedRows.enumOf(Setting.class, row, 5), TypedRows.enumOf(Regulation.class, row, 6),
                TypedRows.uuid(row, 7), TypedRows.enumOf(Role.class, row, 8), row.getLong(9));
    }

    /**
     * The child's hard moments in [from, to), goal or no goal: setbacks, and entries that record
     * the child dysregulated or shut down. Newest first, at most `limit` (the gap needs two).
     */
    public List<Row> hardMoments(UUID childId, Instant from, Instant to, int limit) {
        return newest(childId, "o.occurred_at >= ? and o.occurred_at < ?"
                + " and (o.kind = 'SETBACK' or o.regulation in ('DYSREGULATED', 'SHUTDOWN'))",
                List.of(from, to), limit);
    }

    /** The newest wins no goal records, up to `to`: the chart's "not on paper". */
    public List<Row> notOnPaper(UUID childId, Instant to, int limit) {
        return newest(childId, "o.kind = 'WIN' and o.goal_id is null and o.occurred_at < ?", List.of(to), limit);
    }

    /** The wins no goal records in [from, to), newest first: the report's "not on paper". */
    public List<Row> notOnPaperIn(UUID childId, Instant from, Instant to, int limit) {
        return newest(childId, "o.kind = 'WIN' and o.goal_id is null and o.occurred_at >= ? and o.occurred_at < ?",
                List.of(from, to), limit);
    }

    /** A family entry that bears on a goal, with how the parent supported it. */
    public record FamilyRow(UUID forGoal, Row row, String support) {
    }

    /**
     * What the family recorded in [from, to) that bears on each goal: entries by a parent or at
     * home, linked to the goal, or unlinked in the goal's domain. Linked ones first, then first
     * times, then the newest; at most `perGoal` each. One statement for all the goals.
     */
    public List<FamilyRow> familyEvidence(UUID childId, Collection<UUID> goalIds, Instant from, Instant to,
            int perGoal) {
        if (goalIds.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(from, to, perGoal, childId));
        parameters.addAll(goalIds);
        return typedRows.list("select " + REF_COLUMNS + ", o.support, g.id"
                + " from goal g cross join lateral (select * from observation o"
                + " where o.child_id = g.child_id and o.deleted_at is null and o.occurred_at >= ? and o.occurred_at < ?"
                + " and (o.goal_id = g.id or (o.goal_id is null and o.domain = g.domain))"
                + " and (o.author_capacity = 'parent' or o.setting = 'HOME')"
                + " order by (o.goal_id is not null) desc, o.first_time desc, o.occurred_at desc, o.id desc limit ?) o"
                + " where g.child_id = ? and g.id in (" + places(goalIds) + ")"
                + " order by g.id, (o.goal_id is not null) desc, o.first_time desc, o.occurred_at desc, o.id desc",
                parameters, r -> new FamilyRow(TypedRows.uuid(r, 15), row(r), r.getString(14)));
    }

    /** The period's wins (or only its first times), newest first, at most `limit`. */
    public List<Row> winsIn(UUID childId, Instant from, Instant to, boolean firstTimesOnly, int limit) {
        return newest(childId, "o.kind = 'WIN' and o.occurred_at >= ? and o.occurred_at < ?"
                + (firstTimesOnly ? " and o.first_time" : ""), List.of(from, to), limit);
    }

    /** The child's newest live observations matching `where` (its placeholders bound to `bound`), at most `limit`. */
    private List<Row> newest(UUID childId, String where, List<?> bound, int limit) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(childId);
        parameters.addAll(bound);
        parameters.add(limit);
        return typedRows.list("select " + REF_COLUMNS
                + " from observation o where o.child_id = ? and o.deleted_at is null and " + where
                + " order by o.occurred_at desc, o.id desc limit ?", parameters,
                ProgressRepository::row);
    }

    /** First-time wins on the goals in the range, newest first, at most `perGoal` each. */
    public List<Row> firstTimes(UUID childId, Collection<UUID> goalIds, Instant from, Instant to, int perGoal) {
        return latest(childId, goalIds, "o.kind = 'WIN' and o.first_time", from, to, perGoal);
    }

    /**
     * Candidates for the most telling win per goal up to `to`: recent ones (since `recentFrom`)
     * first, then the most independent, then the latest; at most {@value #TELLING_CANDIDATES}
     * per goal. The final choice (preferring a first time or a new setting) is
     * {@link EvidencePicks#MOST_TELLING}, applied to these few rows only.
     */
    public List<Row> tellingCandidates(UUID childId, Collection<UUID> goalIds, Instant recentFrom, Instant to) {
        if (goalIds.isEmpty()) {
            return List.of();
        }
        // Rank on plain columns first; the costlier new-setting check runs on the kept rows only.
        List<Object> parameters = new ArrayList<>(List.of(recentFrom, childId));
        parameters.addAll(goalIds);
        parameters.add(to);
        parameters.add(TELLING_CANDIDATES);
        return typedRows.list("select " + REF_COLUMNS + " from (select o.*, row_number() over (partition by o.goal_id"
                + " order by (o.occurred_at >= ?) desc, " + PROMPT_RANK + ", o.occurred_at desc, o.id desc) as rank"
                + " from observation o where o.child_id = ? and o.goal_id in (" + places(goalIds) + ")"
                + " and o.deleted_at is null and o.kind = 'WIN' and o.occurred_at < ?) o where o.rank <= ?"
                + " order by o.occurred_at desc, o.id desc", parameters, ProgressRepository::row);
    }

    /** The period's wins in one domain (null: none given): how many, first times, and without a goal. */
    public record WinCount(String domain, Long wins, Long firstTimes, Long withoutGoal) {
    }

    /** The period's wins: counts per domain, first times and wins with no goal. */
    public List<WinCount> winCounts(UUID childId, Instant from, Instant to) {
        return session().createNativeQuery("""
                select o.domain, count(*) as wins, count(*) filter (where o.first_time) as first_times,
                       count(*) filter (where o.goal_id is null) as without_goal
                from observation o
                where o.child_id = :child and o.kind = 'WIN' and o.deleted_at is null
                  and o.occurred_at >= :from and o.occurred_at < :to
                group by o.domain order by count(*) desc, o.domain""", WinCount.class)
                .addScalar("domain", String.class).addScalar("wins", Long.class)
                .addScalar("first_times", Long.class).addScalar("without_goal", Long.class)
                .setParameter("child", childId).setParameter("from", SqlValues.utc(from)).setParameter("to", SqlValues.utc(to))
                .getResultList();
    }

    /** Cheers the team gave to the period's wins (whenever they were given). */
    public long cheersGiven(UUID childId, Instant from, Instant to) {
        return session().createNativeQuery("""
                select count(*) from cheer c join observation o on o.id = c.observation_id and o.child_id = c.child_id
                where c.child_id = :child and o.deleted_at is null and o.kind = 'WIN'
                  and o.occurred_at >= :from and o.occurred_at < :to""", Long.class)
                .setParameter("child", childId).setParameter("from", SqlValues.utc(from)).setParameter("to", SqlValues.utc(to))
                .getSingleResult();
    }

    /** The period's highlights: first times, then higher independence, then new settings, then latest. */
    public List<Row> highlights(UUID childId, Instant from, Instant to, int limit) {
        return typedRows.list("select " + REF_COLUMNS + """

                from observation o
                where o.child_id = ? and o.kind = 'WIN' and o.deleted_at is null
                  and o.occurred_at >= ? and o.occurred_at < ?
                order by o.first_time desc, """ + PROMPT_RANK + ", new_setting desc, o.occurred_at desc, o.id desc"
                + " limit ?", List.of(childId, from, to, limit), ProgressRepository::row);
    }

    /**
     * The newest observations of each goal in [from, to) that match `where`, newest first. Each
     * goal is one backward walk of observation_by_goal that stops after `perGoal` matches, so
     * the cost follows the rows shown, not how many observations the goal has in the range.
     */
    private List<Row> latest(UUID childId, Collection<UUID> goalIds, String where, Instant from, Instant to,
            int perGoal) {
        if (goalIds.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(from, to, perGoal, childId));
        parameters.addAll(goalIds);
        return typedRows.list("select " + REF_COLUMNS
                + " from goal g cross join lateral (select * from observation o"
                + " where o.child_id = g.child_id and o.goal_id = g.id and o.deleted_at is null"
                + " and o.occurred_at >= ? and o.occurred_at < ? and " + where
                + " order by o.occurred_at desc, o.id desc limit ?) o"
                + " where g.child_id = ? and g.id in (" + places(goalIds) + ")"
                + " order by o.occurred_at desc, o.id desc", parameters, ProgressRepository::row);
    }

    /** One placeholder per goal: goal lists stay {@code in (…)} (docs/benchmarks.md). */
    private static String places(Collection<UUID> goalIds) {
        return String.join(", ", Collections.nCopies(goalIds.size(), "?"));
    }

    /** A cited observation ({@link #REF_COLUMNS}, in order), read column by column. */
    private static Row row(ResultSet r) throws SQLException {
        return new Row(TypedRows.uuid(r, 1), TypedRows.uuid(r, 2), TypedRows.enumOf(ObservationKind.class, r, 3),
                r.getString(4), TypedRows.enumOf(Domain.class, r, 5), TypedRows.enumOf(Setting.class, r, 6),
                TypedRows.enumOf(PromptLevel.class, r, 7), TypedRows.enumOf(Regulation.class, r, 8), r.getBoolean(9),
                r.getBoolean(10), TypedRows.instant(r, 11), TypedRows.uuid(r, 12), TypedRows.enumOf(Role.class, r, 13),
                false);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }


    // --- The paper-reality gap as last announced (GapWatch) ---
    // Reads go through TypedRows: Hibernate keeps a plan per native query with a result class,
    // and those keys never match again, so its plan cache filled up and its lookups dominated
    // a write's CPU (docs/benchmarks.md, "Live events").

    /** Whether a gap can flip for the child: a goal marked met or maintaining, or a gap still announced. One query. */
    boolean hasGapsToWatch(UUID childId) {
        return typedRows.list("""
                select exists (select 1 from goal where child_id = ? and status in ('MET', 'MAINTAINING'))
                    or exists (select 1 from goal_gap_flag where child_id = ? and flagged)""",
                List.of(childId, childId), row -> row.getBoolean(1)).get(0);
    }

    /**
     * Makes the transactions that check one child's gaps take turns, so a flip is announced
     * once: a lock on the child's id, held to commit (advisory, in its own two-key space).
     */
    void lockGapFlags(UUID childId) {
        typedRows.list("select 1 from pg_advisory_xact_lock(1397227335, hashtext(cast(? as text)))", List.of(childId),
                row -> row.getInt(1));
    }

    /** The child's goals whose gap was last announced as flagged. */
    Set<UUID> flaggedGoals(UUID childId) {
        return new java.util.HashSet<>(typedRows.list(
                "select goal_id from goal_gap_flag where child_id = ? and flagged", List.of(childId),
                row -> TypedRows.uuid(row, 1)));
    }

    void setGapFlag(UUID childId, UUID goalId, boolean flagged) {
        em.createNativeQuery("""
                insert into goal_gap_flag (goal_id, child_id, flagged, changed_at) values (:goal, :child, :flagged, now())
                on conflict (goal_id) do update set flagged = excluded.flagged, changed_at = excluded.changed_at""")
                .setParameter("goal", goalId).setParameter("child", childId).setParameter("flagged", flagged)
                .executeUpdate();
    }

    /** Claims this round of the time-driven check for the calling node, if no node did within the interval. */
    boolean claimGapRound(java.time.Duration interval) {
        return em.createNativeQuery("""
                update gap_watch_round set checked_at = now()
                where checked_at < now() - make_interval(secs => :seconds)""")
                .setParameter("seconds", (double) interval.toSeconds()).executeUpdate() == 1;
    }

    /** Children whose gaps may flip with time: a goal marked met or maintaining, or a gap still announced. */
    List<UUID> childrenWithGapsToWatch() {
        return typedRows.list("""
                select child_id from goal where status in ('MET', 'MAINTAINING')
                union
                select child_id from goal_gap_flag where flagged""", List.of(), row -> TypedRows.uuid(row, 1));
    }
}

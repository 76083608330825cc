package app.smallwins.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.child.ChildService;
import app.smallwins.common.Author;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.persistence.ReadOnly;
import app.smallwins.common.security.Permission;
import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.goal.GoalService;
import app.smallwins.goal.GoalStatus;
import app.smallwins.goal.GoalSummary;
import app.smallwins.user.Names;
import app.smallwins.user.People;

/**
 * Turns a child's observations into progress views: SQL aggregates the evidence into
 * cells in a fixed number of statements, {@link ProgressRules} reads them.
 */
@ApplicationScoped
public class ProgressService {

    private final ChildAccess access;
    private final EntityManager em;
    private final ChildService children;
    private final GoalService goals;
    private final ProgressRepository progress;
    private final AccessLog accessLog;
    private final People people;
    /** Default range of the per-goal view: the last 12 weeks. */
    static final int DEFAULT_WEEKS = 12;
    /** Maintenance looks back at most a year. */
    static final int LOOKBACK_WEEKS = 52;
    /** "Recent" evidence for the chart: the last 90 days are preferred. */
    static final int RECENT_DAYS = 90;
    static final int HIGHLIGHTS = 5;

    /**
     * The most telling win: recent (last 90 days) first, then the most independent, then a
     * first time or a new setting, then the latest.
     */
    static final java.util.Comparator<ProgressRepository.Row> MOST_TELLING = java.util.Comparator
            .comparing((ProgressRepository.Row r) -> r.recent() ? 0 : 1)
            .thenComparing(r -> r.promptLevel() == null ? PromptLevel.values().length : r.promptLevel().ordinal())
            .thenComparing(r -> r.firstTime() || r.newSetting() ? 0 : 1)
            .thenComparing(ProgressRepository.Row::occurredAt, java.util.Comparator.reverseOrder());

    ProgressService(ChildAccess access, EntityManager em, ChildService children, GoalService goals,
            ProgressRepository progress, AccessLog accessLog, People people) {
        this.access = access;
        this.em = em;
        this.children = children;
        this.goals = goals;
        this.progress = progress;
        this.accessLog = accessLog;
        this.people = people;
    }

    @Transactional
    public GoalProgressView goalProgress(UUID childId, UUID goalId, LocalDate from, LocalDate to,
            ProgressRules.Bucket bucket) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        ReadOnly.rest(em);
        ZoneId zone = children.timeZone(grant);
        GoalSummary goal = goals.summary(grant, goalId);
        LocalDate asOf = to != null ? to : LocalDate.now(zone);
        LocalDate start = from != null ? from : asOf.minusWeeks(DEFAULT_WEEKS).plusDays(1);
        if (start.isAfter(asOf)) {
            throw ApiException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, asOf) > 366 * 3) {
            throw ApiException.invalid("from", "the range may span at most three years");
        }
        Instant end = startOf(asOf.plusDays(1), zone);
        LocalDate lookback = min(start, asOf.minusWeeks(LOOKBACK_WEEKS));
        List<EvidenceCell> cells = progress.cells(childId, List.of(goalId), zone.getId(), startOf(lookback, zone), end);

        List<ProgressRules.BucketStats> buckets = ProgressRules.buckets(cells, bucket, start, asOf);
        ProgressRules.Trend trend = ProgressRules.trend(buckets);
        PromptLevel level = ProgressRules.requiredLevel(goal.mastery());
        ProgressRules.People seen = ProgressRules.seenAt(cells, level, start, asOf);
        ProgressRules.Maintenance maintenance = ProgressRules.maintenance(cells, level, asOf);
        ProgressRules.MasteryCheck mastery = ProgressRules.mastery(goal.mastery(), cells, asOf);
        LocalDate gapStart = ProgressRules.gapWindowStart(asOf);
        List<ProgressRepository.Row> warnings = progress.warnings(childId, List.of(goalId), startOf(gapStart, zone),
                end, 20);
        boolean levelEvidence = !ProgressRules.seenAt(cells, level, gapStart, asOf).people().isEmpty();
        ProgressRules.Gap gap = ProgressRules.gap(goal.status(), warnings.size(), levelEvidence);
        List<ProgressRepository.Row> firstTimes = progress.firstTimes(childId, List.of(goalId),
                startOf(start, zone), end, 5);
        Instant recentFrom = startOf(asOf.minusDays(RECENT_DAYS), zone);
        List<ProgressRepository.Row> telling = progress.tellingCandidates(childId, List.of(goalId), recentFrom, end)
                .stream().map(r -> r.recentSince(recentFrom)).sorted(MOST_TELLING).limit(1).toList();

        Set<UUID> authorIds = new LinkedHashSet<>(seen.people());
        warnings.forEach(r -> authorIds.add(r.authorId()));
        firstTimes.forEach(r -> authorIds.add(r.authorId()));
        telling.forEach(r -> authorIds.add(r.authorId()));
        Names names = people.names(authorIds);
        Map<UUID, Role> capacities = cells.stream()
                .collect(Collectors.toMap(EvidenceCell::authorId, EvidenceCell::authorCapacity, (a, b) -> a));

        accessLog.read(grant, "goal.progress", "GOAL", goalId);
        List<Author> seenPeople = seen.people().stream()
                .map(id -> names.author(id, capacities.get(id))).toList();
        return new GoalProgressView(goalId, goal.status(), start, asOf, bucket, zone.getId(),
                buckets.stream().map(b -> new GoalProgressView.BucketView(b.start(), b.end(), b.wins(), b.setbacks(),
                        b.notes(), b.byPromptLevel(), b.scored(), b.independenceScore(), b.variability())).toList(),
                new GoalProgressView.TrendView(trend.direction(), trend.slopePerBucket(), trend.dataPoints(),
                        trend.residual(), trend.noisy()),
                new GoalProgressView.GeneralizationView(List.copyOf(seen.settings()), seenPeople,
                        seenPeople.stream().map(Author::capacity).distinct().sorted().toList()),
                new GoalProgressView.MaintenanceView(level, maintenance.consecutiveWeeks(), maintenance.since()),
                new GoalProgressView.MasteryView(goal.mastery(), mastery.met(), mastery.missing(), mastery.weeksHeld(),
                        mastery.settingsSeen(), mastery.peopleSeen(), mastery.successRatio()),
                new GoalProgressView.GapView(gap.flagged(), gap.reasons(), ProgressRules.GAP_WINDOW_DAYS,
                        gap.reasons().contains("SETBACKS_OR_DYSREGULATION") ? refs(warnings, names) : List.of()),
                new GoalProgressView.EvidenceView(refs(firstTimes, names),
                        telling.isEmpty() ? null : ref(telling.get(0), names)));
    }

    @Transactional
    public ProgressChartView chart(UUID childId) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        ReadOnly.rest(em);
        ZoneId zone = children.timeZone(grant);
        List<GoalSummary> rows = goals.summaries(grant,
                EnumSet.of(GoalStatus.ACTIVE, GoalStatus.MET, GoalStatus.MAINTAINING));
        List<UUID> ids = rows.stream().map(GoalSummary::id).toList();
        LocalDate asOf = LocalDate.now(zone);
        Instant end = startOf(asOf.plusDays(1), zone);
        LocalDate gapStart = ProgressRules.gapWindowStart(asOf);
        LocalDate trendStart = asOf.minusWeeks(DEFAULT_WEEKS).plusDays(1);
        Map<UUID, List<EvidenceCell>> cells = progress
                .cells(childId, ids, zone.getId(), startOf(asOf.minusWeeks(LOOKBACK_WEEKS), zone), end)
                .stream().collect(Collectors.groupingBy(EvidenceCell::goalId));
        Map<UUID, Long> warnings = progress.warnings(childId, ids, startOf(gapStart, zone), end,
                ProgressRules.GAP_WARNINGS).stream()
                .collect(Collectors.groupingBy(ProgressRepository.Row::goalId, Collectors.counting()));
        Instant recentFrom = startOf(asOf.minusDays(RECENT_DAYS), zone);
        Map<UUID, ProgressRepository.Row> telling = progress.tellingCandidates(childId, ids, recentFrom, end).stream()
                .map(r -> r.recentSince(recentFrom))
                .collect(Collectors.toMap(ProgressRepository.Row::goalId, r -> r,
                        java.util.function.BinaryOperator.minBy(MOST_TELLING)));
        Names names = people.names(telling.values().stream().map(ProgressRepository.Row::authorId).toList());

        accessLog.read(grant, "progress.chart", "CHILD", childId);
        List<ProgressChartView.Row> items = new ArrayList<>();
        for (GoalSummary goal : rows) {
            List<EvidenceCell> goalCells = cells.getOrDefault(goal.id(), List.of());
            PromptLevel level = ProgressRules.requiredLevel(goal.mastery());
            var trend = ProgressRules.trend(
                    ProgressRules.buckets(goalCells, ProgressRules.Bucket.WEEK, trendStart, asOf));
            var mastery = ProgressRules.mastery(goal.mastery(), goalCells, asOf);
            boolean levelEvidence = !ProgressRules.seenAt(goalCells, level, gapStart, asOf).people().isEmpty();
            var gap = ProgressRules.gap(goal.status(), warnings.getOrDefault(goal.id(), 0L).intValue(), levelEvidence);
            ProgressRepository.Row best = telling.get(goal.id());
            items.add(new ProgressChartView.Row(goal.id(), goal.title(), goal.plainLanguage(), goal.domain(), goal.status(),
                    best == null ? null : ref(best, names), trend.direction(), mastery.met(), gap.flagged()));
        }
        return new ProgressChartView(childId, items);
    }

    @Transactional
    public WinsSummaryView wins(UUID childId, WinsSummaryView.Period period, LocalDate date) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        ReadOnly.rest(em);
        ZoneId zone = children.timeZone(grant);
        LocalDate day = date != null ? date : LocalDate.now(zone);
        LocalDate first = switch (period) {
            case DAY -> day;
            case WEEK -> ProgressRules.weekOf(day);
            case MONTH -> day.withDayOfMonth(1);
        };
        LocalDate next = switch (period) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
        };
        Instant from = startOf(first, zone);
        Instant to = startOf(next, zone);
        List<ProgressRepository.WinCount> counts = progress.winCounts(childId, from, to);
        long wins = 0;
        long firstTimes = 0;
        long withoutGoal = 0;
        List<WinsSummaryView.DomainCount> byDomain = new ArrayList<>();
        for (ProgressRepository.WinCount count : counts) {
            wins += count.wins();
            firstTimes += count.firstTimes();
            withoutGoal += count.withoutGoal();
            byDomain.add(new WinsSummaryView.DomainCount(count.domain() == null ? null : Domain.valueOf(count.domain()),
                    count.wins(), count.firstTimes()));
        }
        long cheers = progress.cheersGiven(childId, from, to);
        List<ProgressRepository.Row> highlights = progress.highlights(childId, from, to, HIGHLIGHTS);
        Names names = people.names(highlights.stream().map(ProgressRepository.Row::authorId).toList());
        accessLog.read(grant, "wins.summary", "CHILD", childId);
        return new WinsSummaryView(childId, period, day, zone.getId(), from, to, wins, firstTimes, withoutGoal, cheers,
                byDomain, highlights.stream().map(r -> {
                    ObservationRef ref = ref(r, names);
                    List<String> why = new ArrayList<>();
                    if (r.firstTime()) {
                        why.add("FIRST_TIME");
                    }
                    if (r.promptLevel() == PromptLevel.INDEPENDENT) {
                        why.add("INDEPENDENT");
                    }
                    if (r.newSetting()) {
                        why.add("NEW_SETTING");
                    }
                    return new ObservationRef(ref.id(), ref.goalId(), ref.kind(), ref.text(), ref.domain(),
                            ref.setting(), ref.promptLevel(), ref.regulation(), ref.firstTime(), ref.newSetting(),
                            ref.occurredAt(), ref.author(), List.copyOf(why));
                }).toList());
    }

    private static List<ObservationRef> refs(List<ProgressRepository.Row> rows, Names names) {
        return rows.stream().map(r -> ref(r, names)).toList();
    }

    private static ObservationRef ref(ProgressRepository.Row r, Names names) {
        return new ObservationRef(r.id(), r.goalId(), r.kind(), r.text(), r.domain(), r.setting(), r.promptLevel(),
                r.regulation(), r.firstTime(), r.newSetting(), r.occurredAt(),
                names.author(r.authorId(), r.authorCapacity()), List.of());
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

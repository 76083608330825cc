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
import java.util.Optional;
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
import app.smallwins.child.ChildSummary;
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
import app.smallwins.goal.GoalView;
import app.smallwins.goal.Mastery;
import app.smallwins.observation.ObservationKind;
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
    /** The access log's action for the week a weekly summary e-mail reads (background work, not a request). */
    public static final String WEEKLY_EMAIL_READ = "wins.summary.email";
    /** Default range of the per-goal view: the last 12 weeks. */
    static final int DEFAULT_WEEKS = 12;
    /** "Recent" evidence for the chart: the last 90 days are preferred. */
    static final int RECENT_DAYS = 90;
    static final int HIGHLIGHTS = 5;
    /** Hard moments read for the gap: far more than the two that flag it. */
    static final int HARD_MOMENTS = 100;
    static final int NOT_ON_PAPER = 10;
    static final int DAY_ITEMS = 50;
    static final int FIRST_TIME_WINS = 20;
    static final EnumSet<GoalStatus> GAP_CHECKED = EnumSet.of(GoalStatus.MET, GoalStatus.MAINTAINING);
    static final EnumSet<GoalStatus> CHARTED = EnumSet.of(GoalStatus.ACTIVE, GoalStatus.MET, GoalStatus.MAINTAINING);

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
        ChildSummary child = children.summary(grant);
        ZoneId zone = child.timeZone();
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
        LocalDate lookback = min(start, asOf.minusWeeks(ProgressRules.LOOKBACK_WEEKS));
        List<EvidenceCell> cells = progress.cells(childId, List.of(goalId), zone.getId(), startOf(lookback, zone), end);
        Evidence evidence = new Evidence(zone, asOf, progress.hardMoments(childId,
                startOf(asOf.minusDays(ProgressRules.GAP_WINDOW_DAYS - 1), zone), end, HARD_MOMENTS));

        List<ProgressRules.BucketStats> buckets = ProgressRules.buckets(cells, bucket, start, asOf);
        ProgressRules.Trend trend = ProgressRules.trend(buckets);
        ProgressRules.Bar bar = ProgressRules.Bar.of(goal.mastery());
        PromptLevel level = bar.level();
        ProgressRules.People seen = ProgressRules.seenAt(cells, level, start, asOf);
        ProgressRules.Maintenance maintenance = ProgressRules.maintenance(cells, bar, asOf);
        ProgressRules.MasteryCheck mastery = ProgressRules.mastery(goal.mastery(), cells, asOf, maintenance);
        ProgressRules.Gap gap = evidence.gap(goal, cells);
        ProgressRules.RegulationSummary regulation = ProgressRules.regulation(cells, start, asOf,
                c -> c.qualifies(level));
        List<ProgressRepository.Row> firstTimes = progress.firstTimes(childId, List.of(goalId),
                startOf(start, zone), end, 5);
        List<ProgressRepository.Row> candidates = tellingCandidates(childId, List.of(goalId), zone, asOf)
                .getOrDefault(goalId, List.of());
        EvidencePicks.Novelty novelty = evidence.novelty(cells);
        Optional<EvidencePicks.Pick> telling = EvidencePicks.mostTelling(candidates, novelty);

        Set<UUID> authorIds = new LinkedHashSet<>(seen.people());
        List<ProgressRepository.Row> moments = evidence.rows(gap);
        moments.forEach(r -> authorIds.add(r.authorId()));
        firstTimes.forEach(r -> authorIds.add(r.authorId()));
        telling.ifPresent(p -> authorIds.add(p.row().authorId()));
        Names names = people.names(authorIds);
        Map<UUID, Role> capacities = capacities(cells);

        accessLog.read(grant, "goal.progress", "GOAL", goalId);
        Narrator narrator = new Narrator(Words.english(), child.name());
        Narrator.GapWords gapWords = narrator.gap(goal, gap, evidence.statusDay(goal), level, moments);
        boolean anyAttempts = cells.stream().anyMatch(EvidenceCell::isAttempt);
        String summary = Words.sentences(List.of(narrator.recent(cells, level, asOf), narrator.trend(trend, buckets),
                narrator.mastery(goal.mastery(), mastery, maintenance), gap.flagged() ? gapWords.summary() : ""));
        List<Author> seenPeople = seen.people().stream()
                .map(id -> names.author(id, capacities.get(id))).toList();
        Cite cite = new Cite(narrator, names, goal.status());
        return new GoalProgressView(goalId, goal.status(), start, asOf, bucket, zone.getId(), summary,
                narrator.nextStep(goal.mastery(), mastery, gapWords, seen, capacities, anyAttempts),
                buckets.stream().map(ProgressService::bucketView).toList(),
                new GoalProgressView.TrendView(trend.direction(), trend.slopePerBucket(), trend.dataPoints(),
                        trend.residual(), trend.noisy()),
                new GoalProgressView.GeneralizationView(List.copyOf(seen.settings()), seenPeople,
                        seenPeople.stream().map(Author::capacity).distinct().sorted().toList()),
                new GoalProgressView.MaintenanceView(level, maintenance.consecutiveWeeks(), maintenance.since(),
                        bar.minAttemptsPerWeek(), maintenance.quietWeeks()),
                new GoalProgressView.MasteryView(goal.mastery(), mastery.met(), mastery.missing(), mastery.weeksHeld(),
                        mastery.settingsSeen(), mastery.peopleSeen(), mastery.successRatio()),
                gapView(goal, gap, gapWords, moments, cite),
                RegulationView.of(regulation, narrator.regulation(regulation)),
                new GoalProgressView.EvidenceView(
                        firstTimes.stream().map(r -> cite.ref(r, EvidencePicks.reasons(r, novelty, false))).toList(),
                        telling.map(cite::ref).orElse(null)));
    }

    /**
     * The goals whose paper-reality gap the rules flag today (rule 8 of docs/progress.md, as the
     * chart and goal progress show it), among the child's goals marked met or maintaining (the
     * only ones it applies to): the live events progress.flagged and progress.cleared. Three
     * queries, none when no goal is marked met.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<UUID> flaggedGoals(ChildGrant grant) {
        List<GoalSummary> checked = goals.summaries(grant, GAP_CHECKED);
        if (checked.isEmpty()) {
            return Set.of();
        }
        ZoneId zone = children.timeZone(grant);
        LocalDate asOf = LocalDate.now(zone);
        GoalsEvidence read = goalsEvidence(grant.childId(), checked, zone,
                asOf.minusWeeks(ProgressRules.LOOKBACK_WEEKS), asOf);
        return checked.stream().filter(g -> read.evidence().gap(g, read.of(g.id())).flagged())
                .map(GoalSummary::id).collect(Collectors.toSet());
    }

    @Transactional
    public ProgressChartView chart(UUID childId) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        ReadOnly.rest(em);
        ChildSummary child = children.summary(grant);
        ZoneId zone = child.timeZone();
        List<GoalSummary> rows = goals.summaries(grant, CHARTED);
        List<UUID> ids = rows.stream().map(GoalSummary::id).toList();
        LocalDate asOf = LocalDate.now(zone);
        Instant end = startOf(asOf.plusDays(1), zone);
        LocalDate trendStart = asOf.minusWeeks(DEFAULT_WEEKS).plusDays(1);
        GoalsEvidence read = goalsEvidence(childId, rows, zone, asOf.minusWeeks(ProgressRules.LOOKBACK_WEEKS), asOf);
        Evidence evidence = read.evidence();
        Map<UUID, List<ProgressRepository.Row>> candidates = tellingCandidates(childId, ids, zone, asOf);
        Map<UUID, List<ProgressRepository.Row>> firstTimes = progress.firstTimes(childId, ids,
                startOf(asOf.minusWeeks(ProgressRules.LOOKBACK_WEEKS), zone), end, 1).stream()
                .collect(Collectors.groupingBy(ProgressRepository.Row::goalId));
        List<ProgressRepository.Row> notOnPaper = progress.notOnPaper(childId, end, NOT_ON_PAPER);

        record Charted(GoalSummary goal, List<EvidenceCell> cells, ProgressRules.Gap gap,
                List<EvidencePicks.Pick> picks) {
        }
        List<Charted> charted = new ArrayList<>();
        Set<UUID> authorIds = new LinkedHashSet<>();
        for (GoalSummary goal : rows) {
            List<EvidenceCell> goalCells = read.of(goal.id());
            ProgressRules.Gap gap = evidence.gap(goal, goalCells);
            List<EvidencePicks.Pick> picks = EvidencePicks.forGoal(evidence.rows(gap),
                    candidates.getOrDefault(goal.id(), List.of()), firstTimes.getOrDefault(goal.id(), List.of()),
                    evidence.novelty(goalCells));
            picks.forEach(p -> authorIds.add(p.row().authorId()));
            evidence.rows(gap).forEach(r -> authorIds.add(r.authorId()));
            charted.add(new Charted(goal, goalCells, gap, picks));
        }
        notOnPaper.forEach(r -> authorIds.add(r.authorId()));
        Names names = people.names(authorIds);

        accessLog.read(grant, "progress.chart", "CHILD", childId);
        Narrator narrator = new Narrator(Words.english(), child.name());
        List<ProgressChartView.Row> items = new ArrayList<>();
        for (Charted c : charted) {
            GoalSummary goal = c.goal();
            ProgressRules.Bar bar = ProgressRules.Bar.of(goal.mastery());
            List<ProgressRules.BucketStats> buckets = ProgressRules.buckets(c.cells(), ProgressRules.Bucket.WEEK,
                    trendStart, asOf);
            ProgressRules.Trend trend = ProgressRules.trend(buckets);
            ProgressRules.MasteryCheck mastery = ProgressRules.mastery(goal.mastery(), c.cells(), asOf);
            List<ProgressRepository.Row> moments = evidence.rows(c.gap());
            Narrator.GapWords gapWords = narrator.gap(goal, c.gap(), evidence.statusDay(goal), bar.level(), moments);
            Cite cite = new Cite(narrator, names, goal.status());
            List<ObservationRef> highlights = c.picks().stream().map(cite::ref).toList();
            ObservationRef headline = highlights.isEmpty() || (c.gap().flagged() && Narrator.isWin(c.picks().get(0).row()))
                    ? null : highlights.get(0);
            String summary = Words.sentences(List.of(narrator.recent(c.cells(), bar.level(), asOf),
                    narrator.trend(trend, buckets), c.gap().flagged() ? gapWords.summary() : ""));
            items.add(new ProgressChartView.Row(goal.id(), goal.title(), goal.plainLanguage(), goal.domain(),
                    goal.status(), headline, highlights, summary, trend.direction(), mastery.met(), c.gap().flagged(),
                    gapView(goal, c.gap(), gapWords, moments, cite)));
        }
        Cite cite = new Cite(narrator, names, null);
        return new ProgressChartView(childId, items, new ProgressChartView.NotOnPaper(
                narrator.notOnPaper(notOnPaper.size()), notOnPaper.stream().map(r -> cite.ref(r, notOnPaperWhy(r)))
                        .toList()));
    }

    @Transactional
    public WinsSummaryView wins(UUID childId, WinsSummaryView.Period period, LocalDate date) {
        return wins(access.require(childId, Permission.READ_RECORD), period, date, "wins.summary");
    }

    /**
     * The week a team member's weekly summary e-mail tells, as their grant sees it. The access
     * log names the read {@value #WEEKLY_EMAIL_READ}: the e-mail read the record for them, on
     * the queue's clock, not they in the app.
     */
    @Transactional
    public WinsSummaryView weekForEmail(ChildGrant grant, LocalDate date) {
        return wins(grant, WinsSummaryView.Period.WEEK, date, WEEKLY_EMAIL_READ);
    }

    private WinsSummaryView wins(ChildGrant grant, WinsSummaryView.Period period, LocalDate date, String action) {
        UUID childId = grant.childId();
        ReadOnly.rest(em);
        ChildSummary child = children.summary(grant);
        ZoneId zone = child.timeZone();
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
        List<ProgressRepository.Row> listed = switch (period) {
            case DAY -> progress.winsIn(childId, from, to, false, DAY_ITEMS);
            case WEEK, MONTH -> progress.winsIn(childId, from, to, true, FIRST_TIME_WINS);
        };
        List<WinsSummaryView.Milestone> milestones = period == WinsSummaryView.Period.MONTH
                ? newlyMastered(grant, zone, first, next.minusDays(1)) : List.of();
        LocalDate last = next.minusDays(1);
        ProgressRules.RegulationSummary regulation = ProgressRules.regulation(
                progress.childCells(childId, zone.getId(), from, to), first, last,
                c -> c.kind() == ObservationKind.WIN);
        Set<UUID> authorIds = new LinkedHashSet<>();
        highlights.forEach(r -> authorIds.add(r.authorId()));
        listed.forEach(r -> authorIds.add(r.authorId()));
        Names names = people.names(authorIds);
        accessLog.read(grant, action, "CHILD", childId);

        Narrator narrator = new Narrator(Words.english(), child.name());
        Cite cite = new Cite(narrator, names, null);
        String summary = switch (period) {
            case DAY -> narrator.day(listed, wins);
            case WEEK -> narrator.week(wins, byDomain.stream().map(WinsSummaryView.DomainCount::domain)
                    .filter(java.util.Objects::nonNull).toList(), listed, firstTimes);
            case MONTH -> narrator.month(wins, listed, firstTimes, milestones.stream()
                    .map(m -> m.plainLanguage() != null ? m.plainLanguage() : m.title()).toList());
        };
        return new WinsSummaryView(childId, period, day, zone.getId(), from, to, wins, firstTimes, withoutGoal, cheers,
                byDomain, highlights.stream().map(r -> cite.ref(r, highlightWhy(r))).toList(), summary,
                narrator.celebration(period, child.celebrateWith(), wins),
                period == WinsSummaryView.Period.DAY ? listed.stream().map(r -> cite.ref(r, dayWhy(r))).toList()
                        : List.of(),
                period == WinsSummaryView.Period.DAY ? List.of()
                        : listed.stream().map(r -> cite.ref(r, highlightWhy(r))).toList(),
                milestones, RegulationView.of(regulation, narrator.regulation(regulation)));
    }

    /** Family entries quoted per goal in the report. */
    static final int FAMILY_QUOTES = 5;
    /** Wins no goal records, and first times, listed in the report. */
    static final int REPORT_LISTED = 20;

    /**
     * The progress part of the IEP progress report over [from, to] (docs/progress.md, rule 14):
     * per goal on paper, the weeks, the code and its reason, the gap, the narrative (the team's
     * where written, else the generated draft) and the family's evidence; then real life beyond
     * the goals and the questions for the meeting. Seven statements whatever the number of goals
     * or observations. The caller checked access and logs the disclosure.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportGoal.Evidence report(ChildGrant grant, ChildSummary child, LocalDate from, LocalDate to,
            List<GoalView> onPaper, Map<UUID, ReportGoal.Written> written) {
        UUID childId = grant.childId();
        ZoneId zone = child.timeZone();
        List<UUID> ids = onPaper.stream().map(GoalView::id).toList();
        Instant start = startOf(from, zone);
        Instant end = startOf(to.plusDays(1), zone);
        GoalsEvidence read = goalsEvidence(childId, onPaper.stream().map(GoalView::summary).toList(), zone,
                min(from, to.minusWeeks(ProgressRules.LOOKBACK_WEEKS)), to);
        Evidence evidence = read.evidence();
        Map<UUID, List<ProgressRepository.Row>> candidates = tellingCandidates(childId, ids, zone, to);
        Map<UUID, List<ProgressRepository.Row>> firstTimes = progress.firstTimes(childId, ids, start, end, 1).stream()
                .collect(Collectors.groupingBy(ProgressRepository.Row::goalId));
        Map<UUID, List<ProgressRepository.FamilyRow>> family = progress
                .familyEvidence(childId, ids, start, end, FAMILY_QUOTES).stream()
                .collect(Collectors.groupingBy(ProgressRepository.FamilyRow::forGoal));
        List<ProgressRepository.Row> notOnPaper = progress.notOnPaperIn(childId, start, end, REPORT_LISTED);
        List<ProgressRepository.Row> periodFirsts = progress.winsIn(childId, start, end, true, REPORT_LISTED);

        record Judged(GoalView view, GoalSummary goal, List<EvidenceCell> cells, ProgressRules.Gap gap,
                List<EvidencePicks.Pick> picks, ProgressRules.People seen) {
        }
        List<Judged> judged = new ArrayList<>();
        Set<UUID> authorIds = new LinkedHashSet<>();
        for (GoalView view : onPaper) {
            GoalSummary goal = view.summary();
            List<EvidenceCell> goalCells = read.of(goal.id());
            ProgressRules.Gap gap = evidence.gap(goal, goalCells);
            List<EvidencePicks.Pick> picks = EvidencePicks.forGoal(evidence.rows(gap),
                    candidates.getOrDefault(goal.id(), List.of()), firstTimes.getOrDefault(goal.id(), List.of()),
                    evidence.novelty(goalCells));
            ProgressRules.People seen = ProgressRules.seenAt(goalCells, ProgressRules.requiredLevel(goal.mastery()),
                    from, to);
            picks.forEach(p -> authorIds.add(p.row().authorId()));
            evidence.rows(gap).forEach(r -> authorIds.add(r.authorId()));
            authorIds.addAll(seen.people());
            judged.add(new Judged(view, goal, goalCells, gap, picks, seen));
        }
        family.values().forEach(rows -> rows.forEach(r -> authorIds.add(r.row().authorId())));
        notOnPaper.forEach(r -> authorIds.add(r.authorId()));
        periodFirsts.forEach(r -> authorIds.add(r.authorId()));
        Names names = people.names(authorIds);

        Narrator narrator = new Narrator(Words.english(), child.name());
        List<ReportGoal> goals = new ArrayList<>();
        List<ReportGoal.Question> questions = new ArrayList<>();
        for (Judged j : judged) {
            GoalSummary goal = j.goal();
            Mastery criteria = goal.mastery();
            ProgressRules.Bar bar = ProgressRules.Bar.of(criteria);
            List<ProgressRules.BucketStats> weeks = ProgressRules.buckets(j.cells(), ProgressRules.Bucket.WEEK, from, to);
            ProgressRules.Trend trend = ProgressRules.trend(weeks);
            ProgressRules.Maintenance run = ProgressRules.maintenance(j.cells(), bar, to);
            ProgressRules.MasteryCheck mastery = ProgressRules.mastery(criteria, j.cells(), to, run);
            ProgressRules.Verdict verdict = ProgressRules.progressCode(criteria, mastery, run, j.gap(), weeks, to,
                    j.view().targetDate());
            ProgressRules.RegulationSummary regulation = ProgressRules.regulation(j.cells(), from, to,
                    c -> c.qualifies(bar.level()));
            List<ProgressRepository.Row> moments = evidence.rows(j.gap());
            Narrator.GapWords gapWords = narrator.gap(goal, j.gap(), evidence.statusDay(goal), bar.level(), moments);
            Map<UUID, Role> capacities = capacities(j.cells());
            boolean anyAttempts = weeks.stream().anyMatch(w -> w.scored() > 0);
            String generated = Words.sentences(List.of(narrator.trend(trend, weeks),
                    narrator.mastery(criteria, mastery, run), j.gap().flagged() ? gapWords.summary() : "",
                    narrator.nextStep(criteria, mastery, gapWords, j.seen(), capacities, anyAttempts)));
            ReportGoal.Written team = written.get(goal.id());
            Cite cite = new Cite(narrator, names, goal.status());
            List<Author> seenPeople = j.seen().people().stream().map(id -> names.author(id, capacities.get(id))).toList();
            goals.add(new ReportGoal(j.view(), narrator.criteria(criteria),
                    measurement(narrator, j.cells(), weeks, from, to),
                    weeks.stream().map(ProgressService::bucketView).toList(),
                    new GoalProgressView.TrendView(trend.direction(), trend.slopePerBucket(), trend.dataPoints(),
                            trend.residual(), trend.noisy()),
                    new GoalProgressView.GeneralizationView(List.copyOf(j.seen().settings()), seenPeople,
                            seenPeople.stream().map(Author::capacity).distinct().sorted().toList()),
                    new GoalProgressView.MaintenanceView(bar.level(), run.consecutiveWeeks(), run.since(),
                            bar.minAttemptsPerWeek(), run.quietWeeks()),
                    new GoalProgressView.MasteryView(criteria, mastery.met(), mastery.missing(), mastery.weeksHeld(),
                            mastery.settingsSeen(), mastery.peopleSeen(), mastery.successRatio()),
                    RegulationView.of(regulation, narrator.regulation(regulation)), verdict.code(),
                    narrator.verdict(verdict, criteria, mastery, run, j.gap().flagged(), j.view().targetDate()),
                    ReportGoal.Figures.of(verdict), gapView(goal, j.gap(), gapWords, moments, cite),
                    j.picks().stream().map(cite::ref).toList(),
                    team == null ? new ReportGoal.Narrative(generated, ReportGoal.Narrative.Source.GENERATED, generated,
                            null, null, 0)
                            : new ReportGoal.Narrative(team.text(), ReportGoal.Narrative.Source.TEAM, generated,
                                    team.author(), team.writtenAt(), team.revisions()),
                    family.getOrDefault(goal.id(), List.of()).stream()
                            .map(f -> familyQuote(f, goal.id(), names, zone)).toList()));
            questions.addAll(questions(narrator, j.view(), mastery, verdict, gapWords, j.gap(), anyAttempts, from, to));
        }
        questions.sort(java.util.Comparator.comparing(ReportGoal.Question::kind));
        Cite cite = new Cite(narrator, names, null);
        return new ReportGoal.Evidence(goals, new ReportGoal.NotOnPaper(
                narrator.notOnPaperPeriod(notOnPaper.size(), periodFirsts.size()),
                notOnPaper.stream().map(r -> cite.ref(r, notOnPaperWhy(r))).toList(),
                periodFirsts.stream().map(r -> cite.ref(r, highlightWhy(r))).toList()), questions);
    }

    private static List<ReportGoal.Question> questions(Narrator narrator, GoalView goal,
            ProgressRules.MasteryCheck mastery, ProgressRules.Verdict verdict, Narrator.GapWords gapWords,
            ProgressRules.Gap gap, boolean anyAttempts, LocalDate from, LocalDate to) {
        String name = goal.plainLanguage() != null && !goal.plainLanguage().isBlank() ? goal.plainLanguage().strip()
                : goal.title().strip();
        List<ReportGoal.Question> asked = new ArrayList<>();
        if (gap.flagged()) {
            asked.add(new ReportGoal.Question(ReportGoal.QuestionKind.GAP_FLAGGED, goal.id(), gapWords.question()));
        } else if (GAP_CHECKED.contains(goal.status()) && !mastery.met()) {
            asked.add(new ReportGoal.Question(ReportGoal.QuestionKind.WEAK_EVIDENCE, goal.id(),
                    narrator.questionWeakEvidence(name, goal.status(), goal.mastery(), mastery)));
        }
        if (!anyAttempts) {
            asked.add(new ReportGoal.Question(ReportGoal.QuestionKind.NO_DATA, goal.id(),
                    narrator.questionNoData(name, from, to)));
        } else if (verdict.code() == ProgressRules.ProgressCode.INSUFFICIENT) {
            asked.add(new ReportGoal.Question(ReportGoal.QuestionKind.INSUFFICIENT, goal.id(),
                    narrator.questionInsufficient(name, goal.targetDate())));
        }
        return asked;
    }

    private static ReportGoal.Measurement measurement(Narrator narrator, List<EvidenceCell> cells,
            List<ProgressRules.BucketStats> weeks, LocalDate from, LocalDate to) {
        long observations = 0;
        long dataPoints = 0;
        Map<Role, Long> byRole = new java.util.EnumMap<>(Role.class);
        Map<app.smallwins.common.vocabulary.Setting, Long> bySetting = new java.util.EnumMap<>(
                app.smallwins.common.vocabulary.Setting.class);
        for (EvidenceCell cell : cells) {
            if (cell.day().isBefore(from) || cell.day().isAfter(to)) {
                continue;
            }
            observations += cell.count();
            dataPoints += cell.isAttempt() ? cell.count() : 0;
            byRole.merge(cell.authorCapacity(), cell.count(), Long::sum);
            bySetting.merge(cell.setting(), cell.count(), Long::sum);
        }
        int withData = (int) weeks.stream().filter(w -> w.scored() > 0).count();
        return new ReportGoal.Measurement(observations, dataPoints, withData, weeks.size(), byRole, bySetting,
                narrator.measurement(observations, dataPoints, withData, weeks.size(), byRole, bySetting, from, to));
    }

    private static GoalProgressView.BucketView bucketView(ProgressRules.BucketStats b) {
        return new GoalProgressView.BucketView(b.start(), b.end(), b.wins(), b.setbacks(), b.notes(), b.byPromptLevel(),
                b.scored(), b.independenceScore(), b.variability());
    }

    private static ReportGoal.FamilyQuote familyQuote(ProgressRepository.FamilyRow f, UUID goalId, Names names,
            ZoneId zone) {
        ProgressRepository.Row r = f.row();
        return new ReportGoal.FamilyQuote(r.id(), r.kind(), r.text(), f.support(), r.setting(), r.promptLevel(),
                r.firstTime(), goalId.equals(r.goalId()), r.occurredAt(), LocalDate.ofInstant(r.occurredAt(), zone),
                names.author(r.authorId(), r.authorCapacity()));
    }

    /** Goals whose mastery criteria hold at the month's end (or today) and did not the day before it began. */
    private List<WinsSummaryView.Milestone> newlyMastered(ChildGrant grant, ZoneId zone, LocalDate first,
            LocalDate last) {
        LocalDate until = min(last, LocalDate.now(zone));
        List<GoalSummary> rows = goals.summaries(grant, CHARTED).stream().filter(g -> g.mastery() != null).toList();
        if (rows.isEmpty() || until.isBefore(first)) {
            return List.of();
        }
        Map<UUID, List<EvidenceCell>> cells = progress.cells(grant.childId(), rows.stream().map(GoalSummary::id).toList(),
                zone.getId(), startOf(first.minusWeeks(ProgressRules.LOOKBACK_WEEKS + 1), zone),
                startOf(until.plusDays(1), zone)).stream().collect(Collectors.groupingBy(EvidenceCell::goalId));
        List<WinsSummaryView.Milestone> result = new ArrayList<>();
        for (GoalSummary goal : rows) {
            List<EvidenceCell> goalCells = cells.getOrDefault(goal.id(), List.of());
            if (ProgressRules.mastery(goal.mastery(), goalCells, until).met()
                    && !ProgressRules.mastery(goal.mastery(), goalCells, first.minusDays(1)).met()) {
                result.add(new WinsSummaryView.Milestone(goal.id(), goal.title(), goal.plainLanguage()));
            }
        }
        return result;
    }

    /** The goals' evidence cells, by goal, and what the gap needs of the child. */
    private record GoalsEvidence(Map<UUID, List<EvidenceCell>> cells, Evidence evidence) {

        List<EvidenceCell> of(UUID goalId) {
            return cells.getOrDefault(goalId, List.of());
        }
    }

    /**
     * What every view of several goals reads first: their cells from `from` up to `asOf`, and,
     * when one of them is marked met or maintaining, the child's hard moments of the gap's
     * window (rule 8). One statement, or two.
     */
    private GoalsEvidence goalsEvidence(UUID childId, List<GoalSummary> goals, ZoneId zone, LocalDate from,
            LocalDate asOf) {
        Instant end = startOf(asOf.plusDays(1), zone);
        Map<UUID, List<EvidenceCell>> cells = progress
                .cells(childId, goals.stream().map(GoalSummary::id).toList(), zone.getId(), startOf(from, zone), end)
                .stream().collect(Collectors.groupingBy(EvidenceCell::goalId));
        return new GoalsEvidence(cells, new Evidence(zone, asOf, goals.stream().anyMatch(Evidence::gapChecked)
                ? progress.hardMoments(childId, startOf(asOf.minusDays(ProgressRules.GAP_WINDOW_DAYS - 1), zone), end,
                        HARD_MOMENTS)
                : List.of()));
    }

    /** Candidates for each goal's most telling win up to `asOf`, those of the last 90 days marked recent. */
    private Map<UUID, List<ProgressRepository.Row>> tellingCandidates(UUID childId, List<UUID> ids, ZoneId zone,
            LocalDate asOf) {
        Instant recentFrom = startOf(asOf.minusDays(RECENT_DAYS), zone);
        return progress.tellingCandidates(childId, ids, recentFrom, startOf(asOf.plusDays(1), zone)).stream()
                .map(r -> r.recentSince(recentFrom)).collect(Collectors.groupingBy(ProgressRepository.Row::goalId));
    }

    private static GoalProgressView.GapView gapView(GoalSummary goal, ProgressRules.Gap gap,
            Narrator.GapWords words, List<ProgressRepository.Row> moments, Cite cite) {
        boolean checked = Evidence.gapChecked(goal);
        return new GoalProgressView.GapView(gap.flagged(), gap.reasons(), ProgressRules.GAP_WINDOW_DAYS,
                checked ? gap.windowStart() : null,
                moments.stream().map(r -> cite.ref(r, EnumSet.of(Narrator.hardness(r)))).toList(),
                moments.stream().map(ProgressRepository.Row::id).toList(), words.summary(), words.question());
    }

    private static Set<EvidenceReason> highlightWhy(ProgressRepository.Row r) {
        return EvidencePicks.reasons(r, EvidencePicks.Novelty.AS_READ, false);
    }

    private static Set<EvidenceReason> dayWhy(ProgressRepository.Row r) {
        Set<EvidenceReason> why = EvidencePicks.reasons(r, EvidencePicks.Novelty.AS_READ, false);
        why.remove(EvidenceReason.LATEST);
        why.add(EvidenceReason.IN_PERIOD);
        return why;
    }

    private static Set<EvidenceReason> notOnPaperWhy(ProgressRepository.Row r) {
        Set<EvidenceReason> why = EnumSet.of(EvidenceReason.NOT_ON_PAPER);
        if (r.firstTime()) {
            why.add(EvidenceReason.FIRST_TIME);
        }
        return why;
    }

    private static Map<UUID, Role> capacities(List<EvidenceCell> cells) {
        return cells.stream().collect(Collectors.toMap(EvidenceCell::authorId, EvidenceCell::authorCapacity, (a, b) -> a));
    }

    /** Cites rows as evidence: the author named, the reasons said in a sentence. */
    private record Cite(Narrator narrator, Names names, GoalStatus status) {

        ObservationRef ref(EvidencePicks.Pick pick) {
            return ref(pick.row(), pick.why());
        }

        ObservationRef ref(ProgressRepository.Row r, Set<EvidenceReason> why) {
            return new ObservationRef(r.id(), r.goalId(), r.kind(), r.text(), r.domain(), r.setting(), r.promptLevel(),
                    r.regulation(), r.firstTime(), r.newSetting(), r.occurredAt(),
                    names.author(r.authorId(), r.authorCapacity()), List.copyOf(why),
                    narrator.because(why, r, status));
        }
    }

    /** The child's hard moments of the last 28 days, read once, and what they mean for each goal. */
    private record Evidence(ZoneId zone, LocalDate asOf, List<ProgressRepository.Row> hardMoments,
            List<ProgressRules.HardMoment> moments) {

        Evidence(ZoneId zone, LocalDate asOf, List<ProgressRepository.Row> hardMoments) {
            this(zone, asOf, hardMoments, hardMoments.stream().map(r -> new ProgressRules.HardMoment(r.id(), r.goalId(),
                    LocalDate.ofInstant(r.occurredAt(), zone), r.domain(), r.setting())).toList());
        }

        static boolean gapChecked(GoalSummary goal) {
            return goal.status() == GoalStatus.MET || goal.status() == GoalStatus.MAINTAINING;
        }

        LocalDate statusDay(GoalSummary goal) {
            return LocalDate.ofInstant(goal.statusChangedAt(), zone);
        }

        ProgressRules.Gap gap(GoalSummary goal, List<EvidenceCell> goalCells) {
            return ProgressRules.gap(goal.status(), statusDay(goal), goal.id(), goal.domain(),
                    ProgressRules.Bar.of(goal.mastery()).level(), moments, goalCells, asOf);
        }

        /** The rows behind a gap's evidence, newest first. */
        List<ProgressRepository.Row> rows(ProgressRules.Gap gap) {
            Set<UUID> ids = new LinkedHashSet<>();
            gap.evidence().forEach(m -> ids.add(m.id()));
            return hardMoments.stream().filter(r -> ids.contains(r.id())).toList();
        }

        /**
         * What is new about a win on the goal, from the goal's year of cells: a setting or an adult
         * with no win on it before, once the goal has an earlier win at all (its very first win is
         * new in every way, which says nothing).
         */
        EvidencePicks.Novelty novelty(List<EvidenceCell> goalCells) {
            Map<UUID, LocalDate> firstByPerson = new java.util.HashMap<>();
            LocalDate firstWin = null;
            for (EvidenceCell cell : goalCells) {
                if (cell.kind() == ObservationKind.WIN) {
                    firstByPerson.merge(cell.authorId(), cell.day(), (a, b) -> a.isBefore(b) ? a : b);
                    firstWin = firstWin == null || cell.day().isBefore(firstWin) ? cell.day() : firstWin;
                }
            }
            LocalDate earliest = firstWin;
            return new EvidencePicks.Novelty() {
                @Override
                public boolean newSetting(ProgressRepository.Row row) {
                    return row.newSetting() && earliest != null && day(row).isAfter(earliest);
                }

                @Override
                public boolean newPerson(ProgressRepository.Row row) {
                    LocalDate first = firstByPerson.get(row.authorId());
                    return row.kind() == ObservationKind.WIN && first != null && first.isAfter(earliest)
                            && day(row).equals(first);
                }
            };
        }

        private LocalDate day(ProgressRepository.Row row) {
            return LocalDate.ofInstant(row.occurredAt(), zone);
        }
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

package app.smallwins.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.goal.GoalStatus;
import app.smallwins.goal.Mastery;
import app.smallwins.observation.ObservationKind;

/**
 * The progress rules, as pure functions of evidence cells. docs/progress.md states the
 * same rules in plain language; the unit tests pin them on hand-built evidence.
 */
public final class ProgressRules {

    /** Weeks start on Monday, in the child's time zone. */
    public static final DayOfWeek FIRST_DAY_OF_WEEK = DayOfWeek.MONDAY;
    /** A slope within ±0.02 score per bucket is flat. */
    public static final double FLAT_SLOPE = 0.02;
    /** A trend whose bucket scores sit 0.15 or more from its line, on average, is noisy. */
    public static final double NOISY_RESIDUAL = 0.15;
    /** Fewer scored buckets than this give no direction. */
    public static final int MIN_TREND_POINTS = 3;
    /** How far back the paper-vs-reality check looks at most. */
    public static final int GAP_WINDOW_DAYS = 28;
    /** Two hard moments within this many days flag a gap; a window this long without a win at the level does too. */
    public static final int GAP_CLUSTER_DAYS = 14;
    /** A run of weeks looks back at most a year. */
    public static final int LOOKBACK_WEEKS = 52;
    /** A quiet stretch (no data, too few attempts) longer than this ends a run: the skill is not being seen. */
    public static final int MAX_QUIET_WEEKS = 6;

    private ProgressRules() {
    }

    @Schema(name = "ProgressBucketUnit", description = """
            The length of each period of a progress view:
            - `WEEK`: Monday to Sunday in the child's time zone.
            - `MONTH`: calendar months in the child's time zone.""")
    public enum Bucket {
        WEEK, MONTH;

        public LocalDate startOf(LocalDate day) {
            return this == WEEK ? weekOf(day) : day.withDayOfMonth(1);
        }

        public LocalDate next(LocalDate start) {
            return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
        }
    }

    @Schema(name = "TrendDirection", description = """
            Where the independence score is heading (docs/progress.md):
            - `RISING`: more independent over the range.
            - `FLAT`: about the same.
            - `FALLING`: less independent; a setback is data, not failure.
            - `NOT_ENOUGH_DATA`: fewer than three periods with a score.""")
    public enum Direction {
        RISING, FLAT, FALLING, NOT_ENOUGH_DATA
    }

    public record BucketStats(LocalDate start, LocalDate end, long wins, long setbacks, long notes,
            Map<PromptLevel, Long> byPromptLevel, long scored, Double independenceScore, Double variability) {
    }

    public record Trend(Direction direction, Double slopePerBucket, int dataPoints, Double residual, boolean noisy) {
    }

    public record People(Set<Setting> settings, Set<UUID> people) {
    }

    /**
     * What a week of evidence says about a run of weeks (rule 6):
     * - `COUNTS`: enough attempts, at the goal's bar: the week extends the run.
     * - `NO_DATA`: no attempts at all (a holiday, an absence): neither extends nor breaks it.
     * - `TOO_FEW`: attempts at the bar, but fewer than the goal asks a week: neither.
     * - `BELOW_BAR`: attempts, and the bar not met: the week breaks the run.
     */
    public enum WeekVerdict {
        COUNTS, NO_DATA, TOO_FEW, BELOW_BAR
    }

    /** One week judged: its attempts (scored observations), those at the bar, and the verdict. */
    public record Week(LocalDate start, long attempts, long atBar, WeekVerdict verdict) {
    }

    /**
     * The run of weeks up to a day: how many weeks counted, from which week, and the quiet weeks
     * (no data or too few attempts) it held across.
     */
    public record Maintenance(int consecutiveWeeks, LocalDate since, int quietWeeks, List<Week> weeks) {
    }

    /** The bar a goal sets for its evidence: the prompt level, attempts a week, and the share at the level. */
    public record Bar(PromptLevel level, int minAttemptsPerWeek, BigDecimal successRatio) {

        public static Bar of(Mastery criteria) {
            return criteria == null ? new Bar(PromptLevel.INDEPENDENT, Mastery.DEFAULT_MIN_ATTEMPTS, null)
                    : new Bar(criteria.promptLevel(), criteria.minAttemptsPerWeekOrDefault(), criteria.successRatio());
        }

        /** Whether `atBar` out of `attempts` meets the share: the success ratio, or all of them without one. */
        boolean met(long atBar, long attempts) {
            return successRatio == null ? atBar == attempts
                    : (double) atBar / attempts >= successRatio.doubleValue();
        }
    }

    public record MasteryCheck(boolean met, List<String> missing, int weeksHeld, int settingsSeen, int peopleSeen,
            Double successRatio) {
    }

    /**
     * Why a goal's paper status disagrees with the child in real life:
     * - `SETBACKS_OR_DYSREGULATION`: two or more setbacks or dysregulated/shutdown moments within
     *   14 days, linked to the goal, in its domain, or where it is practised.
     * - `NO_EVIDENCE_AT_MASTERY_LEVEL`: no win at the goal's level since it was marked.
     */
    @Schema(name = "GapReason", description = """
            Why the goal on paper and the child in real life disagree (docs/progress.md, rule 8):
            - `SETBACKS_OR_DYSREGULATION`: since the goal was marked met or maintaining, two or more setbacks,
              dysregulated or shutdown moments within 14 days, linked to the goal, in its domain, or in a setting
              where it is practised.
            - `NO_EVIDENCE_AT_MASTERY_LEVEL`: no win at the goal's level since it was marked (looked for once two
              weeks have passed).""")
    public enum GapReason {
        SETBACKS_OR_DYSREGULATION, NO_EVIDENCE_AT_MASTERY_LEVEL
    }

    /** A hard moment of the child's (setback, dysregulated or shutdown), linked to a goal or not. */
    public record HardMoment(UUID id, UUID goalId, LocalDate day, Domain domain, Setting setting) {
    }

    /**
     * The gap check: flagged or not, why, the hard moments that raised it (newest first), where they
     * happened, and the window looked at (from the day the goal was marked, at most 28 days).
     */
    public record Gap(boolean flagged, List<GapReason> reasons, List<HardMoment> evidence, LocalDate windowStart,
            Set<Setting> settings) {

        static Gap none(LocalDate windowStart) {
            return new Gap(false, List.of(), List.of(), windowStart, Set.of());
        }
    }

    /** Shares of the regulation states among the entries that recorded one. */
    public record Shares(long entries, long recorded, double calm, double unsettled, double dysregulated,
            double shutdown) {
    }

    /** How often the skill was shown among the attempts made in a regulation state. */
    public record SkillWhen(long attempts, long shown, Double ratio) {
    }

    /** Regulation beside the skill (rule 9): overall, per week, by setting, and the skill calm versus not. */
    public record RegulationSummary(Shares overall, Map<LocalDate, Shares> byWeek, Map<Setting, Shares> bySetting,
            SkillWhen calm, SkillWhen notCalm) {
    }

    public static LocalDate weekOf(LocalDate day) {
        // previousOrSame(MONDAY), without the adjuster's lambda: it runs for every cell.
        return day.minusDays(day.getDayOfWeek().getValue() - FIRST_DAY_OF_WEEK.getValue());
    }

    /** Per-bucket counts, mean independence score and its spread, for every bucket in [from, to]. */
    public static List<BucketStats> buckets(List<EvidenceCell> cells, Bucket unit, LocalDate from, LocalDate to) {
        // One pass over the cells into their buckets (a year of a busy goal is a thousand cells).
        Map<LocalDate, long[]> counts = new HashMap<>();
        Map<LocalDate, double[]> sums = new HashMap<>();
        Map<LocalDate, Map<PromptLevel, Long>> levels = new HashMap<>();
        for (EvidenceCell cell : cells) {
            if (cell.day().isBefore(from) || cell.day().isAfter(to)) {
                continue;
            }
            LocalDate start = unit.startOf(cell.day());
            long[] c = counts.computeIfAbsent(start, s -> new long[4]);
            c[cell.kind().ordinal()] += cell.count();
            if (cell.promptLevel() != null) {
                levels.computeIfAbsent(start, s -> new EnumMap<>(PromptLevel.class))
                        .merge(cell.promptLevel(), cell.count(), Long::sum);
            }
            Double score = IndependenceScale.score(cell.kind(), cell.promptLevel());
            if (score != null) {
                c[3] += cell.count();
                double[] sum = sums.computeIfAbsent(start, s -> new double[2]);
                sum[0] += score * cell.count();
                sum[1] += score * score * cell.count();
            }
        }
        List<BucketStats> result = new ArrayList<>();
        for (LocalDate start = unit.startOf(from); !start.isAfter(to); start = unit.next(start)) {
            LocalDate end = unit.next(start).minusDays(1);
            long[] c = counts.getOrDefault(start, new long[4]);
            double[] sum = sums.getOrDefault(start, new double[2]);
            long scored = c[3];
            Double mean = scored == 0 ? null : round(sum[0] / scored);
            Double spread = scored == 0 ? null
                    : round(Math.sqrt(Math.max(0, sum[1] / scored - (sum[0] / scored) * (sum[0] / scored))));
            result.add(new BucketStats(start, end, c[ObservationKind.WIN.ordinal()],
                    c[ObservationKind.SETBACK.ordinal()], c[ObservationKind.NOTE.ordinal()],
                    levels.getOrDefault(start, new EnumMap<>(PromptLevel.class)), scored, mean, spread));
        }
        return result;
    }

    /**
     * Least-squares line through the scored buckets (x = bucket index, so empty buckets keep
     * their place in time); noisy when the scores sit far from the line.
     */
    public static Trend trend(List<BucketStats> buckets) {
        List<double[]> points = scored(buckets);
        int n = points.size();
        if (n < 2) {
            return new Trend(Direction.NOT_ENOUGH_DATA, null, n, null, false);
        }
        double[] line = line(points);
        double intercept = line[0];
        double slope = line[1];
        double squares = 0;
        for (double[] p : points) {
            double residual = p[1] - (intercept + slope * p[0]);
            squares += residual * residual;
        }
        double residual = Math.sqrt(squares / n);
        Direction direction = n < MIN_TREND_POINTS ? Direction.NOT_ENOUGH_DATA
                : slope > FLAT_SLOPE ? Direction.RISING
                : slope < -FLAT_SLOPE ? Direction.FALLING
                : Direction.FLAT;
        return new Trend(direction, round(slope), n, round(residual), residual >= NOISY_RESIDUAL);
    }

    /** Distinct settings and people with whom a win was seen at the level, in [from, to]. */
    public static People seenAt(List<EvidenceCell> cells, PromptLevel level, LocalDate from, LocalDate to) {
        Set<Setting> settings = new TreeSet<>();
        Set<UUID> people = new LinkedHashSet<>();
        for (EvidenceCell cell : cells) {
            if (cell.qualifies(level) && !cell.day().isBefore(from) && !cell.day().isAfter(to)) {
                settings.add(cell.setting());
                people.add(cell.authorId());
            }
        }
        return new People(settings, people);
    }

    /** Judges one week's evidence against the bar (rule 6). */
    public static WeekVerdict judge(long attempts, long atBar, Bar bar) {
        if (attempts == 0) {
            return WeekVerdict.NO_DATA;
        }
        if (!bar.met(atBar, attempts)) {
            return WeekVerdict.BELOW_BAR;
        }
        return attempts < bar.minAttemptsPerWeek() ? WeekVerdict.TOO_FEW : WeekVerdict.COUNTS;
    }

    /**
     * The run of weeks that count, up to the week of {@code asOf}: quiet weeks (no data, too
     * few attempts) are passed over, a week below the bar ends it, and so does a quiet stretch
     * longer than {@value #MAX_QUIET_WEEKS} weeks. The week in progress only ever adds to the run:
     * it is not over yet. Looks back {@value #LOOKBACK_WEEKS} weeks at most.
     */
    public static Maintenance maintenance(List<EvidenceCell> cells, Bar bar, LocalDate asOf) {
        Map<LocalDate, long[]> tally = new TreeMap<>();
        for (EvidenceCell cell : cells) {
            if (cell.day().isAfter(asOf) || !cell.isAttempt()) {
                continue;
            }
            long[] t = tally.computeIfAbsent(weekOf(cell.day()), w -> new long[2]);
            t[0] += cell.count();
            if (cell.qualifies(bar.level())) {
                t[1] += cell.count();
            }
        }
        LocalDate current = weekOf(asOf);
        List<Week> judged = new ArrayList<>();
        int count = 0;
        int quiet = 0;
        int quietInRow = 0;
        LocalDate since = null;
        for (int i = 0; i < LOOKBACK_WEEKS; i++) {
            LocalDate week = current.minusWeeks(i);
            long[] t = tally.getOrDefault(week, new long[2]);
            WeekVerdict verdict = judge(t[0], t[1], bar);
            judged.add(new Week(week, t[0], t[1], verdict));
            if (verdict == WeekVerdict.COUNTS) {
                count++;
                quiet += quietInRow;
                quietInRow = 0;
                since = week;
            } else if (verdict == WeekVerdict.BELOW_BAR && i > 0) {
                break;
            } else if (i > 0 && ++quietInRow > MAX_QUIET_WEEKS) {
                break;
            }
        }
        return new Maintenance(count, since, quiet, List.copyOf(judged));
    }

    /**
     * Whether the goal's mastery criteria hold on the evidence up to {@code asOf}, judged over
     * the current run of weeks (see {@link #maintenance}).
     */
    public static MasteryCheck mastery(Mastery criteria, List<EvidenceCell> cells, LocalDate asOf) {
        return mastery(criteria, cells, asOf, maintenance(cells, Bar.of(criteria), asOf));
    }

    /** The same, over a run already judged with the goal's bar ({@code Bar.of(criteria)}). */
    public static MasteryCheck mastery(Mastery criteria, List<EvidenceCell> cells, LocalDate asOf, Maintenance run) {
        if (criteria == null) {
            return new MasteryCheck(false, List.of("criteria"), 0, 0, 0, null);
        }
        // Over the run; before there is one, over the weeks a run would need, ending this week.
        LocalDate since = run.consecutiveWeeks() > 0 ? run.since()
                : weekOf(asOf).minusWeeks(criteria.consecutiveWeeksOrDefault() - 1);
        People seen = seenAt(cells, criteria.promptLevel(), since, asOf);
        int settingsSeen = seen.settings().size();
        int peopleSeen = seen.people().size();
        LocalDate ratioFrom = since;
        long qualifying = 0;
        long attempts = 0;
        for (EvidenceCell cell : cells) {
            if (cell.day().isBefore(ratioFrom) || cell.day().isAfter(asOf) || !cell.isAttempt()) {
                continue;
            }
            attempts += cell.count();
            if (cell.qualifies(criteria.promptLevel())) {
                qualifying += cell.count();
            }
        }
        Double ratio = attempts == 0 ? null : round((double) qualifying / attempts);
        List<String> missing = new ArrayList<>();
        if (run.consecutiveWeeks() < criteria.consecutiveWeeksOrDefault()) {
            missing.add("consecutiveWeeks");
        }
        if (settingsSeen < criteria.settingsOrDefault()) {
            missing.add("settings");
        }
        if (peopleSeen < criteria.peopleOrDefault()) {
            missing.add("people");
        }
        BigDecimal required = criteria.successRatio();
        if (required != null && (ratio == null || ratio < required.doubleValue())) {
            missing.add("successRatio");
        }
        return new MasteryCheck(missing.isEmpty(), List.copyOf(missing), run.consecutiveWeeks(), settingsSeen,
                peopleSeen, ratio);
    }

    /**
     * The paper-reality gap of a goal marked MET or MAINTAINING (rule 8), looking at the child,
     * not only at the entries linked to the goal. The window runs from the day the status
     * changed to {@code asOf}, at most {@value #GAP_WINDOW_DAYS} days. In it:
     * - two or more hard moments within {@value #GAP_CLUSTER_DAYS} days of each other, each
     *   linked to the goal, in its domain, or in a setting where the goal is practised; or
     * - no win at the goal's level, once the window is {@value #GAP_CLUSTER_DAYS} days long.
     *
     * @param moments the child's hard moments, newest first
     * @param goalCells the goal's evidence (its settings tell where it is practised)
     */
    public static Gap gap(GoalStatus status, LocalDate statusDay, UUID goalId, Domain domain, PromptLevel level,
            List<HardMoment> moments, List<EvidenceCell> goalCells, LocalDate asOf) {
        LocalDate windowStart = max(statusDay, asOf.minusDays(GAP_WINDOW_DAYS - 1));
        if (status != GoalStatus.MET && status != GoalStatus.MAINTAINING) {
            return Gap.none(windowStart);
        }
        Set<Setting> practised = new TreeSet<>();
        goalCells.forEach(cell -> practised.add(cell.setting()));
        List<HardMoment> relevant = moments.stream()
                .filter(m -> !m.day().isBefore(windowStart) && !m.day().isAfter(asOf))
                .filter(m -> goalId.equals(m.goalId()) || (domain != null && domain == m.domain())
                        || practised.contains(m.setting()))
                .toList();
        List<GapReason> reasons = new ArrayList<>();
        List<HardMoment> evidence = List.of();
        if (clustered(relevant)) {
            reasons.add(GapReason.SETBACKS_OR_DYSREGULATION);
            evidence = relevant;
        }
        boolean windowLongEnough = ChronoUnit.DAYS.between(windowStart, asOf) + 1 >= GAP_CLUSTER_DAYS;
        if (windowLongEnough && seenAt(goalCells, level, windowStart, asOf).people().isEmpty()) {
            reasons.add(GapReason.NO_EVIDENCE_AT_MASTERY_LEVEL);
        }
        Set<Setting> settings = new TreeSet<>();
        evidence.forEach(m -> settings.add(m.setting()));
        return new Gap(!reasons.isEmpty(), List.copyOf(reasons), evidence, windowStart, settings);
    }

    /** Two moments within {@value #GAP_CLUSTER_DAYS} days of each other (newest first in). */
    private static boolean clustered(List<HardMoment> newestFirst) {
        for (int i = 1; i < newestFirst.size(); i++) {
            if (ChronoUnit.DAYS.between(newestFirst.get(i).day(), newestFirst.get(i - 1).day()) < GAP_CLUSTER_DAYS) {
                return true;
            }
        }
        return false;
    }

    /**
     * Regulation beside the skill over [from, to]: the share of each state among the entries
     * that recorded one, overall, per week and by setting; and among the attempts, how often the
     * skill was shown while calm and while not (unsettled, dysregulated or shut down).
     *
     * @param shown whether an attempt showed the skill (for a goal: a win at its level)
     */
    public static RegulationSummary regulation(List<EvidenceCell> cells, LocalDate from, LocalDate to,
            java.util.function.Predicate<EvidenceCell> shown) {
        long[] overall = new long[5];
        Map<LocalDate, long[]> byWeek = new HashMap<>();
        Map<Setting, long[]> bySetting = new EnumMap<>(Setting.class);
        long[] calm = new long[2];
        long[] notCalm = new long[2];
        for (EvidenceCell cell : cells) {
            if (cell.day().isBefore(from) || cell.day().isAfter(to)) {
                continue;
            }
            int state = cell.regulation() == null ? -1 : 1 + cell.regulation().ordinal();
            tally(overall, state, cell.count());
            tally(byWeek.computeIfAbsent(weekOf(cell.day()), w -> new long[5]), state, cell.count());
            tally(bySetting.computeIfAbsent(cell.setting(), w -> new long[5]), state, cell.count());
            if (cell.regulation() != null && cell.isAttempt()) {
                long[] when = cell.regulation() == Regulation.CALM ? calm : notCalm;
                when[0] += cell.count();
                if (shown.test(cell)) {
                    when[1] += cell.count();
                }
            }
        }
        Map<LocalDate, Shares> weeks = new java.util.LinkedHashMap<>();
        new TreeMap<>(byWeek).forEach((week, tally) -> weeks.put(week, shares(tally)));
        Map<Setting, Shares> settings = new java.util.LinkedHashMap<>();
        bySetting.forEach((setting, tally) -> settings.put(setting, shares(tally)));
        return new RegulationSummary(shares(overall), weeks, settings, skillWhen(calm), skillWhen(notCalm));
    }

    /** Counts an entry in a tally: [0] every entry, [1 + state] by regulation state (-1: none recorded). */
    private static void tally(long[] tally, int state, long count) {
        tally[0] += count;
        if (state > 0) {
            tally[state] += count;
        }
    }

    private static Shares shares(long[] tally) {
        long recorded = tally[1] + tally[2] + tally[3] + tally[4];
        return new Shares(tally[0], recorded, share(tally[1], recorded), share(tally[2], recorded),
                share(tally[3], recorded), share(tally[4], recorded));
    }

    private static SkillWhen skillWhen(long[] tally) {
        return new SkillWhen(tally[0], tally[1], tally[0] == 0 ? null : round((double) tally[1] / tally[0]));
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : round((double) part / whole);
    }

    // --- Rule 14: the progress code of the IEP progress report ---

    @Schema(name = "ProgressCode", description = """
            Progress toward the goal over the report's period (docs/progress.md, rule 14):
            - `MASTERED`: the mastery criteria hold in real life on the period's last day, and the paper-reality gap \
            is not flagged.
            - `SUFFICIENT`: on track to meet the goal by its target date: the weekly line of independence is at the \
            goal's level, or rising to reach it in time.
            - `INSUFFICIENT`: not on track: the line is falling, or at its pace it does not reach the goal's level in \
            time, or the target date has passed.
            - `NOT_ENOUGH_DATA`: fewer than three weeks of the period had tries recorded.""")
    public enum ProgressCode {
        MASTERED, SUFFICIENT, INSUFFICIENT, NOT_ENOUGH_DATA
    }

    @Schema(name = "ProgressCodeBasis", description = """
            Why a goal got its code (the report says it in a sentence):
            - `MASTERED`: the criteria hold and the gap is not flagged.
            - `FEW_WEEKS`: fewer than three weeks with tries.
            - `TARGET_PASSED`: the target date is on or before the period's last day.
            - `FALLING`: the weekly line falls.
            - `AT_LEVEL`: the line already stands at the goal's level, with time left for the weeks in a row.
            - `TOO_LITTLE_TIME`: at the level, but the weeks in a row still needed do not fit before the target date.
            - `REACHES_LEVEL`: the line rises to the goal's level in time.
            - `SHORT_OF_LEVEL`: at its pace, the line does not reach the goal's level in time.""")
    public enum CodeBasis {
        MASTERED, FEW_WEEKS, TARGET_PASSED, FALLING, AT_LEVEL, TOO_LITTLE_TIME, REACHES_LEVEL, SHORT_OF_LEVEL
    }

    /**
     * A goal's progress code and the figures behind it: weeks of the period with tries, where
     * the weekly line stands on the period's last week and its slope, the score of the goal's
     * level, the day the level must be reached by (the target date less the weeks in a row still
     * needed), the line's value on that day, and the weeks it takes to reach the level.
     */
    public record Verdict(ProgressCode code, CodeBasis basis, int weeksWithTries, Double levelNow,
            Double slopePerWeek, double levelNeeded, LocalDate reachBy, Double levelThen, Integer weeksToLevel) {
    }

    /**
     * Rule 14: the code of a goal over a report period whose weekly buckets are {@code weeks},
     * ending on {@code to}, with the mastery check, run and gap judged on that day.
     */
    public static Verdict progressCode(Mastery criteria, MasteryCheck mastery, Maintenance run, Gap gap,
            List<BucketStats> weeks, LocalDate to, LocalDate targetDate) {
        double needed = IndependenceScale.score(ObservationKind.WIN, requiredLevel(criteria));
        List<double[]> points = scored(weeks);
        int scored = points.size();
        if (mastery.met() && !gap.flagged()) {
            return new Verdict(ProgressCode.MASTERED, CodeBasis.MASTERED, scored, null, null, needed, null, null,
                    null);
        }
        if (scored < MIN_TREND_POINTS) {
            return new Verdict(ProgressCode.NOT_ENOUGH_DATA, CodeBasis.FEW_WEEKS, scored, null, null, needed, null,
                    null, null);
        }
        double[] line = line(points);
        double slope = line[1];
        double now = clamp(line[0] + slope * (weeks.size() - 1));
        Double roundedSlope = round2(slope);
        if (targetDate != null && !targetDate.isAfter(to)) {
            return new Verdict(ProgressCode.INSUFFICIENT, CodeBasis.TARGET_PASSED, scored, round2(now), roundedSlope,
                    needed, null, null, null);
        }
        if (slope < -FLAT_SLOPE) {
            return new Verdict(ProgressCode.INSUFFICIENT, CodeBasis.FALLING, scored, round2(now), roundedSlope,
                    needed, null, null, null);
        }
        boolean atLevel = now >= needed - EPSILON;
        Integer weeksToLevel = atLevel ? Integer.valueOf(0)
                : slope > EPSILON ? Integer.valueOf((int) Math.ceil((needed - now) / slope - EPSILON)) : null;
        if (targetDate == null) {
            boolean onTrack = atLevel || slope > FLAT_SLOPE;
            return new Verdict(onTrack ? ProgressCode.SUFFICIENT : ProgressCode.INSUFFICIENT,
                    atLevel ? CodeBasis.AT_LEVEL : onTrack ? CodeBasis.REACHES_LEVEL : CodeBasis.SHORT_OF_LEVEL, scored,
                    round2(now), roundedSlope, needed, null, null, weeksToLevel);
        }
        int stillInRow = criteria == null ? 0 : Math.max(0, criteria.consecutiveWeeksOrDefault() - run.consecutiveWeeks());
        LocalDate reachBy = targetDate.minusWeeks(stillInRow);
        long weeksLeft = Math.floorDiv(ChronoUnit.DAYS.between(to, reachBy), 7);
        double then = clamp(now + slope * Math.max(0, weeksLeft));
        if (atLevel) {
            boolean time = weeksLeft >= 0;
            return new Verdict(time ? ProgressCode.SUFFICIENT : ProgressCode.INSUFFICIENT,
                    time ? CodeBasis.AT_LEVEL : CodeBasis.TOO_LITTLE_TIME, scored, round2(now), roundedSlope, needed,
                    reachBy, round2(then), weeksToLevel);
        }
        boolean reaches = weeksLeft > 0 && then >= needed - EPSILON;
        return new Verdict(reaches ? ProgressCode.SUFFICIENT : ProgressCode.INSUFFICIENT,
                reaches ? CodeBasis.REACHES_LEVEL : CodeBasis.SHORT_OF_LEVEL, scored, round2(now), roundedSlope, needed,
                reachBy, round2(then), weeksToLevel);
    }

    private static final double EPSILON = 1e-9;

    /** The buckets with a score, as points: x is the bucket's index (empty buckets keep their place), y its score. */
    private static List<double[]> scored(List<BucketStats> buckets) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).independenceScore() != null) {
                points.add(new double[] { i, buckets.get(i).independenceScore() });
            }
        }
        return points;
    }

    /** The least-squares line through at least two points: {intercept, slope} (rules 4 and 14). */
    private static double[] line(List<double[]> points) {
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - meanX) * (p[1] - meanY);
            sxx += (p[0] - meanX) * (p[0] - meanX);
        }
        double slope = sxy / sxx;
        return new double[] { meanY - slope * meanX, slope };
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The level evidence must reach: the goal's mastery level, or INDEPENDENT without criteria. */
    public static PromptLevel requiredLevel(Mastery criteria) {
        return criteria == null ? PromptLevel.INDEPENDENT : criteria.promptLevel();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

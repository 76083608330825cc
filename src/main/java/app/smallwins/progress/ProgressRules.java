package app.smallwins.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import app.smallwins.common.vocabulary.PromptLevel;
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
    /** How far back the paper-vs-reality check looks. */
    public static final int GAP_WINDOW_DAYS = 28;
    /** Setbacks or dysregulated/shutdown observations in the window that flag a gap. */
    public static final int GAP_WARNINGS = 2;

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

    public record Maintenance(int consecutiveWeeks, LocalDate since) {
    }

    public record MasteryCheck(boolean met, List<String> missing, int weeksHeld, int settingsSeen, int peopleSeen,
            Double successRatio) {
    }

    public record Gap(boolean flagged, List<String> reasons) {
    }

    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(FIRST_DAY_OF_WEEK));
    }

    /** Per-bucket counts, mean independence score and its spread, for every bucket in [from, to]. */
    public static List<BucketStats> buckets(List<EvidenceCell> cells, Bucket unit, LocalDate from, LocalDate to) {
        List<BucketStats> result = new ArrayList<>();
        for (LocalDate start = unit.startOf(from); !start.isAfter(to); start = unit.next(start)) {
            LocalDate end = unit.next(start).minusDays(1);
            long wins = 0;
            long setbacks = 0;
            long notes = 0;
            long scored = 0;
            double sum = 0;
            double sumSquares = 0;
            Map<PromptLevel, Long> byLevel = new EnumMap<>(PromptLevel.class);
            for (EvidenceCell cell : cells) {
                if (cell.day().isBefore(start) || cell.day().isAfter(end) || cell.day().isBefore(from)
                        || cell.day().isAfter(to)) {
                    continue;
                }
                switch (cell.kind()) {
                    case WIN -> wins += cell.count();
                    case SETBACK -> setbacks += cell.count();
                    case NOTE -> notes += cell.count();
                }
                if (cell.promptLevel() != null) {
                    byLevel.merge(cell.promptLevel(), cell.count(), Long::sum);
                }
                Double score = IndependenceScale.score(cell.kind(), cell.promptLevel());
                if (score != null) {
                    scored += cell.count();
                    sum += score * cell.count();
                    sumSquares += score * score * cell.count();
                }
            }
            Double mean = scored == 0 ? null : round(sum / scored);
            Double spread = scored == 0 ? null
                    : round(Math.sqrt(Math.max(0, sumSquares / scored - (sum / scored) * (sum / scored))));
            result.add(new BucketStats(start, end, wins, setbacks, notes, byLevel, scored, mean, spread));
        }
        return result;
    }

    /**
     * Least-squares line through the scored buckets (x = bucket index, so empty buckets keep
     * their place in time); noisy when the scores sit far from the line.
     */
    public static Trend trend(List<BucketStats> buckets) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).independenceScore() != null) {
                points.add(new double[] { i, buckets.get(i).independenceScore() });
            }
        }
        int n = points.size();
        if (n < 2) {
            return new Trend(Direction.NOT_ENOUGH_DATA, null, n, null, false);
        }
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - meanX) * (p[1] - meanY);
            sxx += (p[0] - meanX) * (p[0] - meanX);
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
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

    /**
     * Consecutive weeks, up to the week of {@code asOf}, each with at least one win at the
     * level. The week in progress may still be empty without breaking the run.
     */
    public static Maintenance maintenance(List<EvidenceCell> cells, PromptLevel level, LocalDate asOf) {
        Set<LocalDate> weeks = new TreeSet<>();
        for (EvidenceCell cell : cells) {
            if (cell.qualifies(level) && !cell.day().isAfter(asOf)) {
                weeks.add(weekOf(cell.day()));
            }
        }
        LocalDate week = weekOf(asOf);
        if (!weeks.contains(week)) {
            week = week.minusWeeks(1);
        }
        int count = 0;
        LocalDate since = null;
        while (weeks.contains(week)) {
            count++;
            since = week;
            week = week.minusWeeks(1);
        }
        return new Maintenance(count, since);
    }

    /**
     * Whether the goal's mastery criteria hold on the evidence up to {@code asOf}, judged over
     * the current run of weeks (see {@link #maintenance}).
     */
    public static MasteryCheck mastery(Mastery criteria, List<EvidenceCell> cells, LocalDate asOf) {
        if (criteria == null) {
            return new MasteryCheck(false, List.of("criteria"), 0, 0, 0, null);
        }
        Maintenance run = maintenance(cells, criteria.promptLevel(), asOf);
        int settingsSeen = 0;
        int peopleSeen = 0;
        Double ratio = null;
        if (run.consecutiveWeeks() > 0) {
            People seen = seenAt(cells, criteria.promptLevel(), run.since(), asOf);
            settingsSeen = seen.settings().size();
            peopleSeen = seen.people().size();
            long qualifying = 0;
            long attempts = 0;
            for (EvidenceCell cell : cells) {
                if (cell.day().isBefore(run.since()) || cell.day().isAfter(asOf)) {
                    continue;
                }
                if (cell.kind() != ObservationKind.NOTE) {
                    attempts += cell.count();
                }
                if (cell.qualifies(criteria.promptLevel())) {
                    qualifying += cell.count();
                }
            }
            ratio = attempts == 0 ? null : round((double) qualifying / attempts);
        }
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
     * A goal marked MET or MAINTAINING on paper whose recent evidence disagrees: at least
     * {@value #GAP_WARNINGS} setbacks or dysregulated/shutdown observations on it in the last
     * {@value #GAP_WINDOW_DAYS} days, or no win at the mastery level at all in that time.
     */
    public static Gap gap(GoalStatus status, int warningsInWindow, boolean levelEvidenceInWindow) {
        if (status != GoalStatus.MET && status != GoalStatus.MAINTAINING) {
            return new Gap(false, List.of());
        }
        List<String> reasons = new ArrayList<>();
        if (warningsInWindow >= GAP_WARNINGS) {
            reasons.add("SETBACKS_OR_DYSREGULATION");
        }
        if (!levelEvidenceInWindow) {
            reasons.add("NO_EVIDENCE_AT_MASTERY_LEVEL");
        }
        return new Gap(!reasons.isEmpty(), List.copyOf(reasons));
    }

    /** The level evidence must reach: the goal's mastery level, or INDEPENDENT without criteria. */
    public static PromptLevel requiredLevel(Mastery criteria) {
        return criteria == null ? PromptLevel.INDEPENDENT : criteria.promptLevel();
    }

    public static LocalDate gapWindowStart(LocalDate asOf) {
        return asOf.minus(GAP_WINDOW_DAYS - 1, ChronoUnit.DAYS);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

package app.smallwins.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.goal.GoalStatus;
import app.smallwins.goal.Mastery;
import app.smallwins.observation.ObservationKind;

/** The progress rules of docs/progress.md, pinned on hand-built evidence. */
class ProgressRulesTest {

    static final UUID GOAL = UUID.randomUUID();
    static final UUID MUM = UUID.randomUUID();
    static final UUID TEACHER = UUID.randomUUID();
    static final UUID PARA = UUID.randomUUID();
    /** A Monday. */
    static final LocalDate WEEK_1 = LocalDate.of(2026, 9, 7);

    static EvidenceCell win(LocalDate day, PromptLevel level, Setting setting, UUID who) {
        return new EvidenceCell(GOAL, day, ObservationKind.WIN, level, setting, null, who, Role.teacher, 1);
    }

    static EvidenceCell setback(LocalDate day, Setting setting, UUID who) {
        return new EvidenceCell(GOAL, day, ObservationKind.SETBACK, null, setting, null, who, Role.teacher, 1);
    }

    static EvidenceCell felt(EvidenceCell cell, Regulation regulation) {
        return new EvidenceCell(cell.goalId(), cell.day(), cell.kind(), cell.promptLevel(), cell.setting(), regulation,
                cell.authorId(), cell.authorCapacity(), cell.count());
    }

    /** Mastery at a level over so many weeks, one attempt a week enough (the weeks rule is tested on its own). */
    static Mastery mastery(PromptLevel level, int settings, int weeks, BigDecimal ratio) {
        return new Mastery(level, settings, 1, weeks, ratio, 1);
    }

    static ProgressRules.Bar bar(PromptLevel level, int minAttempts, String ratio) {
        return new ProgressRules.Bar(level, minAttempts, ratio == null ? null : new BigDecimal(ratio));
    }

    @Test
    void scoreScaleStepsDownBySixths() {
        assertEquals(1.0, IndependenceScale.score(ObservationKind.WIN, PromptLevel.INDEPENDENT));
        assertEquals(4 / 6.0, IndependenceScale.score(ObservationKind.WIN, PromptLevel.VERBAL));
        assertEquals(0.0, IndependenceScale.score(ObservationKind.WIN, PromptLevel.FULL_PHYSICAL));
        assertEquals(0.0, IndependenceScale.score(ObservationKind.SETBACK, PromptLevel.INDEPENDENT));
        assertNull(IndependenceScale.score(ObservationKind.NOTE, PromptLevel.INDEPENDENT));
        assertNull(IndependenceScale.score(ObservationKind.WIN, null));
    }

    @Test
    void bucketScoreIsTheMeanAndVariabilityTheSpread() {
        // One week: an independent win (1.0) and a setback (0.0): mean 0.5, spread 0.5.
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                setback(WEEK_1.plusDays(1), Setting.CLASSROOM, TEACHER));
        var buckets = ProgressRules.buckets(cells, ProgressRules.Bucket.WEEK, WEEK_1, WEEK_1.plusDays(6));
        assertEquals(1, buckets.size());
        assertEquals(1L, buckets.get(0).wins());
        assertEquals(1L, buckets.get(0).setbacks());
        assertEquals(0.5, buckets.get(0).independenceScore());
        assertEquals(0.5, buckets.get(0).variability());
    }

    @Test
    void risingButNoisySeriesIsRisingAndFlaggedNoisy() {
        // Weekly scores: 0 (full physical), 4/6, 1/6, 5/6, 2/6, 1: two steps forward, one back.
        PromptLevel[] weekly = { PromptLevel.FULL_PHYSICAL, PromptLevel.VERBAL, PromptLevel.PARTIAL_PHYSICAL,
                PromptLevel.GESTURAL, PromptLevel.MODEL, PromptLevel.INDEPENDENT };
        List<EvidenceCell> cells = new ArrayList<>();
        for (int i = 0; i < weekly.length; i++) {
            cells.add(win(WEEK_1.plusWeeks(i), weekly[i], Setting.CLASSROOM, TEACHER));
        }
        var buckets = ProgressRules.buckets(cells, ProgressRules.Bucket.WEEK, WEEK_1, WEEK_1.plusWeeks(6).minusDays(1));
        var trend = ProgressRules.trend(buckets);
        assertEquals(ProgressRules.Direction.RISING, trend.direction());
        assertEquals(6, trend.dataPoints());
        assertTrue(trend.slopePerBucket() > 0.1);
        assertTrue(trend.noisy());
    }

    @Test
    void steadyRiseIsRisingAndNotNoisy() {
        PromptLevel[] weekly = { PromptLevel.MODEL, PromptLevel.VISUAL, PromptLevel.VERBAL, PromptLevel.GESTURAL };
        List<EvidenceCell> cells = new ArrayList<>();
        for (int i = 0; i < weekly.length; i++) {
            cells.add(win(WEEK_1.plusWeeks(i), weekly[i], Setting.CLASSROOM, TEACHER));
        }
        var trend = ProgressRules.trend(
                ProgressRules.buckets(cells, ProgressRules.Bucket.WEEK, WEEK_1, WEEK_1.plusWeeks(4).minusDays(1)));
        assertEquals(ProgressRules.Direction.RISING, trend.direction());
        assertFalse(trend.noisy());
    }

    @Test
    void twoScoredWeeksAreNotEnoughForADirection() {
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.MODEL, Setting.HOME, MUM),
                win(WEEK_1.plusWeeks(1), PromptLevel.INDEPENDENT, Setting.HOME, MUM));
        var trend = ProgressRules.trend(
                ProgressRules.buckets(cells, ProgressRules.Bucket.WEEK, WEEK_1, WEEK_1.plusWeeks(2).minusDays(1)));
        assertEquals(ProgressRules.Direction.NOT_ENOUGH_DATA, trend.direction());
        assertEquals(2, trend.dataPoints());
    }

    @Test
    void skillSeenIndependentlyOnlyAtHomeIsNotGeneralized() {
        Mastery twoSettings = mastery(PromptLevel.INDEPENDENT, 2, 1, new BigDecimal("0.6"));
        List<EvidenceCell> cells = List.of(
                win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(WEEK_1.plusDays(2), PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                // In class it still needs a verbal prompt: not independent there.
                win(WEEK_1.plusDays(3), PromptLevel.VERBAL, Setting.CLASSROOM, TEACHER));
        LocalDate asOf = WEEK_1.plusDays(4);
        var seen = ProgressRules.seenAt(cells, PromptLevel.INDEPENDENT, WEEK_1, asOf);
        assertEquals(List.of(Setting.HOME), List.copyOf(seen.settings()));
        assertEquals(List.of(MUM), List.copyOf(seen.people()));
        var mastery = ProgressRules.mastery(twoSettings, cells, asOf);
        assertFalse(mastery.met());
        assertEquals(List.of("settings"), List.copyOf(mastery.missing()));
        assertEquals(1, mastery.settingsSeen());
    }

    @Test
    void masteryOfTwoSettingsAndThreeWeeksIsMetOnDayNNotDayNMinusOne() {
        Mastery criteria = mastery(PromptLevel.INDEPENDENT, 2, 3, null);
        LocalDate dayN = WEEK_1.plusWeeks(2).plusDays(2); // Wednesday of week 3
        List<EvidenceCell> cells = List.of(
                win(WEEK_1.plusDays(1), PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(WEEK_1.plusWeeks(1).plusDays(3), PromptLevel.INDEPENDENT, Setting.CLASSROOM, TEACHER),
                win(dayN, PromptLevel.INDEPENDENT, Setting.HOME, MUM));

        var dayBefore = ProgressRules.mastery(criteria, cells, dayN.minusDays(1));
        assertFalse(dayBefore.met());
        assertEquals(2, dayBefore.weeksHeld());
        assertEquals(List.of("consecutiveWeeks"), List.copyOf(dayBefore.missing()));

        var onDayN = ProgressRules.mastery(criteria, cells, dayN);
        assertTrue(onDayN.met());
        assertEquals(3, onDayN.weeksHeld());
        assertEquals(2, onDayN.settingsSeen());
        assertTrue(onDayN.missing().isEmpty());
    }

    @Test
    void aWeekWithoutAttemptsNeitherExtendsNorBreaksTheRun() {
        // Two independent wins in weeks 1, 3 and 4; week 2 was half-term, nothing recorded.
        List<EvidenceCell> cells = new ArrayList<>();
        for (int week : new int[] { 0, 2, 3 }) {
            cells.add(win(WEEK_1.plusWeeks(week), PromptLevel.INDEPENDENT, Setting.HOME, MUM));
            cells.add(win(WEEK_1.plusWeeks(week).plusDays(2), PromptLevel.INDEPENDENT, Setting.CLASSROOM, TEACHER));
        }
        var run = ProgressRules.maintenance(cells, bar(PromptLevel.INDEPENDENT, 2, null), WEEK_1.plusWeeks(3).plusDays(4));
        assertEquals(3, run.consecutiveWeeks());
        assertEquals(WEEK_1, run.since());
        assertEquals(1, run.quietWeeks());
    }

    @Test
    void aWeekBelowTheBarBreaksTheRun() {
        List<EvidenceCell> cells = new ArrayList<>();
        for (int week = 0; week < 3; week++) {
            cells.add(win(WEEK_1.plusWeeks(week), PromptLevel.INDEPENDENT, Setting.HOME, MUM));
            cells.add(win(WEEK_1.plusWeeks(week).plusDays(1), PromptLevel.INDEPENDENT, Setting.HOME, MUM));
        }
        // Week 2 also had a setback: without a success ratio every attempt must be at the bar.
        cells.add(setback(WEEK_1.plusWeeks(1).plusDays(3), Setting.CLASSROOM, TEACHER));
        var run = ProgressRules.maintenance(cells, bar(PromptLevel.INDEPENDENT, 2, null), WEEK_1.plusWeeks(2).plusDays(4));
        assertEquals(1, run.consecutiveWeeks());
        assertEquals(WEEK_1.plusWeeks(2), run.since());
        // With a success ratio of 0.6, two of three at the bar (0.67) meets it: the run holds.
        var withRatio = ProgressRules.maintenance(cells, bar(PromptLevel.INDEPENDENT, 2, "0.6"),
                WEEK_1.plusWeeks(2).plusDays(4));
        assertEquals(3, withRatio.consecutiveWeeks());
    }

    @Test
    void twoWinsThreeDaysApartAcrossASundayAreNotTwoWeeks() {
        // A Sunday and the Wednesday after: one attempt in each week, two needed.
        LocalDate sunday = WEEK_1.plusDays(6);
        List<EvidenceCell> cells = List.of(win(sunday, PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(sunday.plusDays(3), PromptLevel.INDEPENDENT, Setting.HOME, MUM));
        var run = ProgressRules.maintenance(cells, bar(PromptLevel.INDEPENDENT, 2, null), sunday.plusDays(3));
        assertEquals(0, run.consecutiveWeeks());
        assertEquals(ProgressRules.WeekVerdict.TOO_FEW, run.weeks().get(1).verdict());
        var mastery = ProgressRules.mastery(new Mastery(PromptLevel.INDEPENDENT, 1, 1, 2, null, 2), cells,
                sunday.plusDays(3));
        assertFalse(mastery.met());
    }

    @Test
    void weeksAreJudgedByAttemptsAtTheBar() {
        var twoAtBar = bar(PromptLevel.VERBAL, 2, null);
        assertEquals(ProgressRules.WeekVerdict.NO_DATA, ProgressRules.judge(0, 0, twoAtBar));
        assertEquals(ProgressRules.WeekVerdict.TOO_FEW, ProgressRules.judge(1, 1, twoAtBar));
        assertEquals(ProgressRules.WeekVerdict.BELOW_BAR, ProgressRules.judge(1, 0, twoAtBar));
        assertEquals(ProgressRules.WeekVerdict.BELOW_BAR, ProgressRules.judge(3, 2, twoAtBar));
        assertEquals(ProgressRules.WeekVerdict.COUNTS, ProgressRules.judge(2, 2, twoAtBar));
        var eightyPercent = bar(PromptLevel.VERBAL, 2, "0.8");
        assertEquals(ProgressRules.WeekVerdict.COUNTS, ProgressRules.judge(5, 4, eightyPercent));
        assertEquals(ProgressRules.WeekVerdict.BELOW_BAR, ProgressRules.judge(4, 3, eightyPercent));
    }

    @Test
    void aQuietStretchLongerThanSixWeeksEndsTheRun() {
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM));
        var oneWeekAttempts = bar(PromptLevel.INDEPENDENT, 1, null);
        assertEquals(1, ProgressRules.maintenance(cells, oneWeekAttempts, WEEK_1.plusWeeks(6)).consecutiveWeeks());
        assertEquals(0, ProgressRules.maintenance(cells, oneWeekAttempts, WEEK_1.plusWeeks(8)).consecutiveWeeks());
    }

    @Test
    void theWeekInProgressOnlyAddsToTheRun() {
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(WEEK_1.plusDays(1), PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                setback(WEEK_1.plusWeeks(1), Setting.HOME, MUM));
        // Monday of week 2 had a setback: the week is not over, so the run still stands at 1.
        var run = ProgressRules.maintenance(cells, bar(PromptLevel.INDEPENDENT, 2, null), WEEK_1.plusWeeks(1));
        assertEquals(1, run.consecutiveWeeks());
    }

    @Test
    void promptedWinsCountWhenTheMasteryLevelAllowsThem() {
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.GESTURAL, Setting.HOME, MUM));
        assertEquals(1, ProgressRules.maintenance(cells, bar(PromptLevel.VERBAL, 1, null), WEEK_1).consecutiveWeeks());
        assertEquals(0,
                ProgressRules.maintenance(cells, bar(PromptLevel.INDEPENDENT, 1, null), WEEK_1).consecutiveWeeks());
    }

    @Test
    void successRatioIsQualifyingWinsOverWinsAndSetbacks() {
        Mastery criteria = mastery(PromptLevel.INDEPENDENT, 1, 1, new BigDecimal("0.80"));
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(WEEK_1, PromptLevel.INDEPENDENT, Setting.CLASSROOM, TEACHER),
                win(WEEK_1, PromptLevel.INDEPENDENT, Setting.CLASSROOM, PARA),
                setback(WEEK_1, Setting.CLASSROOM, TEACHER));
        var check = ProgressRules.mastery(criteria, cells, WEEK_1.plusDays(1));
        assertEquals(0.75, check.successRatio());
        // Three of four is below 0.8: the week does not count either, so there is no run yet.
        assertEquals(List.of("consecutiveWeeks", "successRatio"), List.copyOf(check.missing()));
    }

    static ProgressRules.HardMoment moment(LocalDate day, UUID goalId, Domain domain, Setting setting) {
        return new ProgressRules.HardMoment(UUID.randomUUID(), goalId, day, domain, setting);
    }

    @Test
    void unlinkedHardMomentsWhereTheGoalIsPractisedFlagAMetGoal() {
        // "Sit for 20 minutes" marked met on day 0 after wins in class; then a shutdown in class and
        // a refusal the next day, recorded as setbacks with no goal, in another domain.
        LocalDate marked = WEEK_1.plusWeeks(3);
        List<EvidenceCell> goalCells = List.of(win(marked.minusDays(2), PromptLevel.INDEPENDENT, Setting.CLASSROOM,
                TEACHER));
        List<ProgressRules.HardMoment> moments = List.of(
                moment(marked.plusDays(2), null, Domain.SOCIAL, Setting.CLASSROOM),
                moment(marked.plusDays(1), null, null, Setting.CLASSROOM));
        var gap = ProgressRules.gap(GoalStatus.MET, marked, GOAL, Domain.ACADEMIC, PromptLevel.INDEPENDENT, moments,
                goalCells, marked.plusDays(3));
        assertTrue(gap.flagged());
        assertEquals(List.of(ProgressRules.GapReason.SETBACKS_OR_DYSREGULATION), gap.reasons());
        assertEquals(moments, gap.evidence());
        assertEquals(java.util.Set.of(Setting.CLASSROOM), gap.settings());
        // One bad day is data, not a gap.
        assertFalse(ProgressRules.gap(GoalStatus.MET, marked, GOAL, Domain.ACADEMIC, PromptLevel.INDEPENDENT,
                moments.subList(0, 1), goalCells, marked.plusDays(3)).flagged());
        // An active goal is still being worked on: no gap by definition.
        assertFalse(ProgressRules.gap(GoalStatus.ACTIVE, marked, GOAL, Domain.ACADEMIC, PromptLevel.INDEPENDENT,
                moments, goalCells, marked.plusDays(3)).flagged());
    }

    @Test
    void hardMomentsElsewhereOrBeforeTheGoalWasMarkedDoNotFlagIt() {
        LocalDate marked = WEEK_1.plusWeeks(3);
        List<EvidenceCell> goalCells = List.of(win(marked, PromptLevel.INDEPENDENT, Setting.CLASSROOM, TEACHER));
        // On the playground, in another domain: not where the goal is practised.
        var elsewhere = List.of(moment(marked.plusDays(2), null, Domain.MOTOR, Setting.PLAYGROUND),
                moment(marked.plusDays(1), null, Domain.MOTOR, Setting.PLAYGROUND));
        assertFalse(ProgressRules.gap(GoalStatus.MET, marked, GOAL, Domain.ACADEMIC, PromptLevel.INDEPENDENT, elsewhere,
                goalCells, marked.plusDays(3)).flagged());
        // Before it was marked met: history, not a gap.
        var before = List.of(moment(marked.minusDays(1), GOAL, null, Setting.CLASSROOM),
                moment(marked.minusDays(2), GOAL, null, Setting.CLASSROOM));
        assertFalse(ProgressRules.gap(GoalStatus.MET, marked, GOAL, Domain.ACADEMIC, PromptLevel.INDEPENDENT, before,
                goalCells, marked.plusDays(3)).flagged());
        // Linked or in the goal's domain, even on the playground: flagged. More than 14 days apart: not.
        var inDomain = List.of(moment(marked.plusDays(20), null, Domain.ACADEMIC, Setting.PLAYGROUND),
                moment(marked.plusDays(5), GOAL, null, Setting.PLAYGROUND));
        assertFalse(ProgressRules.gap(GoalStatus.MET, marked, GOAL, Domain.ACADEMIC, PromptLevel.INDEPENDENT,
                inDomain, goalCells, marked.plusDays(20)).reasons().contains(
                        ProgressRules.GapReason.SETBACKS_OR_DYSREGULATION));
        var close = List.of(moment(marked.plusDays(18), null, Domain.ACADEMIC, Setting.PLAYGROUND),
                moment(marked.plusDays(5), GOAL, null, Setting.PLAYGROUND));
        assertTrue(ProgressRules.gap(GoalStatus.MET, marked, GOAL, Domain.ACADEMIC, PromptLevel.INDEPENDENT, close,
                goalCells, marked.plusDays(20)).reasons().contains(ProgressRules.GapReason.SETBACKS_OR_DYSREGULATION));
    }

    @Test
    void noWinAtTheLevelSinceTheGoalWasMarkedFlagsItAfterTwoWeeks() {
        LocalDate marked = WEEK_1.plusWeeks(3);
        List<EvidenceCell> goalCells = List.of(win(marked.minusDays(3), PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(marked.plusDays(4), PromptLevel.VERBAL, Setting.HOME, MUM));
        // Ten days on: too soon to say.
        assertFalse(ProgressRules.gap(GoalStatus.MAINTAINING, marked, GOAL, Domain.ACADEMIC, PromptLevel.INDEPENDENT,
                List.of(), goalCells, marked.plusDays(9)).flagged());
        var gap = ProgressRules.gap(GoalStatus.MAINTAINING, marked, GOAL, Domain.ACADEMIC, PromptLevel.INDEPENDENT,
                List.of(), goalCells, marked.plusDays(13));
        assertTrue(gap.flagged());
        assertEquals(List.of(ProgressRules.GapReason.NO_EVIDENCE_AT_MASTERY_LEVEL), gap.reasons());
        // A verbal prompt is enough when the goal's bar is VERBAL.
        assertFalse(ProgressRules.gap(GoalStatus.MAINTAINING, marked, GOAL, Domain.ACADEMIC, PromptLevel.VERBAL,
                List.of(), goalCells, marked.plusDays(13)).flagged());
    }

    @Test
    void regulationIsSummarisedBesideTheSkill() {
        List<EvidenceCell> cells = List.of(
                felt(win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM), Regulation.CALM),
                felt(win(WEEK_1.plusDays(1), PromptLevel.INDEPENDENT, Setting.HOME, MUM), Regulation.CALM),
                felt(win(WEEK_1.plusDays(2), PromptLevel.MODEL, Setting.CLASSROOM, TEACHER), Regulation.CALM),
                felt(setback(WEEK_1.plusWeeks(1), Setting.CLASSROOM, TEACHER), Regulation.SHUTDOWN),
                felt(setback(WEEK_1.plusWeeks(1).plusDays(1), Setting.CLASSROOM, PARA), Regulation.UNSETTLED),
                win(WEEK_1.plusWeeks(1).plusDays(2), PromptLevel.INDEPENDENT, Setting.HOME, MUM));
        var r = ProgressRules.regulation(cells, WEEK_1, WEEK_1.plusWeeks(2),
                c -> c.qualifies(PromptLevel.INDEPENDENT));
        assertEquals(6, r.overall().entries());
        assertEquals(5, r.overall().recorded());
        assertEquals(0.6, r.overall().calm());
        assertEquals(0.2, r.overall().shutdown());
        assertEquals(1.0, r.byWeek().get(WEEK_1).calm());
        assertEquals(0.0, r.byWeek().get(WEEK_1.plusWeeks(1)).calm());
        assertEquals(1.0, r.bySetting().get(Setting.HOME).calm());
        assertEquals(1.0 / 3, r.bySetting().get(Setting.CLASSROOM).calm(), 0.001);
        // Calm: two of three attempts at the bar; not calm: none of two.
        assertEquals(new ProgressRules.SkillWhen(3, 2, 0.667), r.calm());
        assertEquals(new ProgressRules.SkillWhen(2, 0, 0.0), r.notCalm());
        String said = new Narrator(Words.english(), "Arjun").regulation(r);
        assertEquals("Calm in 3 of the 5 entries with regulation recorded; one unsettled and one shutdown. Hardest "
                + "place: in class (2 of 3 not calm). The skill was shown in 2 of 3 tries while calm and 0 of 2 tries "
                + "while not.", said);
    }

    @Test
    void noCriteriaMeansMasteryCannotBeJudged() {
        var check = ProgressRules.mastery(null, List.of(win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM)),
                WEEK_1);
        assertFalse(check.met());
        assertEquals(List.of("criteria"), List.copyOf(check.missing()));
    }

    // --- Rule 14: the progress code of the report ---

    /** The period's weeks (Mondays from WEEK_1) with these cells, judged on the period's last day. */
    static ProgressRules.Verdict code(Mastery criteria, List<EvidenceCell> cells, int weeks, LocalDate target,
            ProgressRules.Gap gap) {
        LocalDate to = WEEK_1.plusWeeks(weeks).minusDays(1);
        List<ProgressRules.BucketStats> buckets = ProgressRules.buckets(cells, ProgressRules.Bucket.WEEK, WEEK_1, to);
        ProgressRules.Maintenance run = ProgressRules.maintenance(cells, ProgressRules.Bar.of(criteria), to);
        return ProgressRules.progressCode(criteria, ProgressRules.mastery(criteria, cells, to, run), run, gap, buckets,
                to, target);
    }

    static ProgressRules.Gap noGap() {
        return new ProgressRules.Gap(false, List.of(), List.of(), WEEK_1, java.util.Set.of());
    }

    @Test
    void masteredWhenTheCriteriaHoldAndTheGapIsNotFlagged() {
        Mastery criteria = mastery(PromptLevel.INDEPENDENT, 1, 3, null);
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(WEEK_1.plusWeeks(1), PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(WEEK_1.plusWeeks(2), PromptLevel.INDEPENDENT, Setting.HOME, MUM));
        ProgressRules.Verdict v = code(criteria, cells, 3, null, noGap());
        assertEquals(ProgressRules.ProgressCode.MASTERED, v.code());
        // The same evidence with the gap flagged is judged on the line instead: at the level, on track.
        ProgressRules.Gap flagged = new ProgressRules.Gap(true, List.of(ProgressRules.GapReason.SETBACKS_OR_DYSREGULATION),
                List.of(), WEEK_1, java.util.Set.of(Setting.CLASSROOM));
        ProgressRules.Verdict judged = code(criteria, cells, 3, null, flagged);
        assertEquals(ProgressRules.ProgressCode.SUFFICIENT, judged.code());
        assertEquals(ProgressRules.CodeBasis.AT_LEVEL, judged.basis());
    }

    @Test
    void notEnoughDataWithFewerThanThreeWeeksOfTries() {
        Mastery criteria = mastery(PromptLevel.VERBAL, 1, 3, null);
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.MODEL, Setting.CLASSROOM, PARA),
                win(WEEK_1.plusWeeks(5), PromptLevel.VERBAL, Setting.CLASSROOM, PARA));
        ProgressRules.Verdict v = code(criteria, cells, 8, WEEK_1.plusWeeks(30), noGap());
        assertEquals(ProgressRules.ProgressCode.NOT_ENOUGH_DATA, v.code());
        assertEquals(2, v.weeksWithTries());
    }

    @Test
    void sufficientWhenTheRisingLineReachesTheLevelBeforeTheTargetLessTheWeeksInARow() {
        // The weeks score 0, 0.33, 0.33, 0.5 (full help, being shown twice, a visual cue): the line rises 0.15 a
        // week and stands at 0.52 in the last week, two weeks short of a spoken reminder (0.67).
        Mastery criteria = mastery(PromptLevel.VERBAL, 1, 3, null);
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.FULL_PHYSICAL, Setting.CLASSROOM, PARA),
                win(WEEK_1.plusWeeks(1), PromptLevel.MODEL, Setting.CLASSROOM, PARA),
                win(WEEK_1.plusWeeks(2), PromptLevel.MODEL, Setting.CLASSROOM, PARA),
                win(WEEK_1.plusWeeks(3), PromptLevel.VISUAL, Setting.CLASSROOM, PARA));
        // Target 10 weeks after the period: 3 weeks in a row still needed, so the level is due in 7 weeks.
        LocalDate to = WEEK_1.plusWeeks(4).minusDays(1);
        ProgressRules.Verdict v = code(criteria, cells, 4, to.plusWeeks(10), noGap());
        assertEquals(ProgressRules.ProgressCode.SUFFICIENT, v.code());
        assertEquals(ProgressRules.CodeBasis.REACHES_LEVEL, v.basis());
        assertEquals(0.15, v.slopePerWeek());
        assertEquals(0.52, v.levelNow());
        assertEquals(2, v.weeksToLevel()); // 0.5165 + 0.15 falls a hair short of 0.6667 after one week
        assertEquals(to.plusWeeks(7), v.reachBy());
        // With the target 3 weeks away, the 3 weeks in a row leave no time to reach it.
        ProgressRules.Verdict late = code(criteria, cells, 4, to.plusWeeks(3), noGap());
        assertEquals(ProgressRules.ProgressCode.INSUFFICIENT, late.code());
        assertEquals(ProgressRules.CodeBasis.SHORT_OF_LEVEL, late.basis());
    }

    @Test
    void insufficientWhenFallingFlatBelowTheLevelOrPastTheTarget() {
        Mastery criteria = mastery(PromptLevel.INDEPENDENT, 1, 2, null);
        List<EvidenceCell> falling = List.of(win(WEEK_1, PromptLevel.GESTURAL, Setting.HOME, MUM),
                win(WEEK_1.plusWeeks(1), PromptLevel.VISUAL, Setting.HOME, MUM),
                setback(WEEK_1.plusWeeks(2), Setting.HOME, MUM));
        assertEquals(ProgressRules.CodeBasis.FALLING, code(criteria, falling, 3, WEEK_1.plusWeeks(40), noGap()).basis());
        List<EvidenceCell> flat = List.of(win(WEEK_1, PromptLevel.VISUAL, Setting.HOME, MUM),
                win(WEEK_1.plusWeeks(1), PromptLevel.VISUAL, Setting.HOME, MUM),
                win(WEEK_1.plusWeeks(2), PromptLevel.VISUAL, Setting.HOME, MUM));
        ProgressRules.Verdict v = code(criteria, flat, 3, WEEK_1.plusWeeks(40), noGap());
        assertEquals(ProgressRules.ProgressCode.INSUFFICIENT, v.code());
        assertEquals(ProgressRules.CodeBasis.SHORT_OF_LEVEL, v.basis());
        assertEquals(0.5, v.levelThen());
        // No target date: judged on where the line stands and where it heads.
        assertEquals(ProgressRules.CodeBasis.SHORT_OF_LEVEL, code(criteria, flat, 3, null, noGap()).basis());
        assertEquals(ProgressRules.CodeBasis.TARGET_PASSED,
                code(criteria, flat, 3, WEEK_1.plusWeeks(1), noGap()).basis());
    }
}

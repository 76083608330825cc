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
import app.smallwins.common.vocabulary.PromptLevel;
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
        return new EvidenceCell(GOAL, day, ObservationKind.WIN, level, setting, who, Role.teacher, 1);
    }

    static EvidenceCell setback(LocalDate day, Setting setting, UUID who) {
        return new EvidenceCell(GOAL, day, ObservationKind.SETBACK, null, setting, who, Role.teacher, 1);
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
        Mastery twoSettings = new Mastery(PromptLevel.INDEPENDENT, 2, 1, 1, null);
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
        Mastery criteria = new Mastery(PromptLevel.INDEPENDENT, 2, 1, 3, null);
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
    void aWeekWithoutEvidenceBreaksTheRun() {
        List<EvidenceCell> cells = List.of(
                win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(WEEK_1.plusWeeks(2), PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(WEEK_1.plusWeeks(3), PromptLevel.INDEPENDENT, Setting.HOME, MUM));
        var run = ProgressRules.maintenance(cells, PromptLevel.INDEPENDENT, WEEK_1.plusWeeks(3).plusDays(1));
        assertEquals(2, run.consecutiveWeeks());
        assertEquals(WEEK_1.plusWeeks(2), run.since());
        // Two empty weeks in a row end it.
        var lapsed = ProgressRules.maintenance(cells, PromptLevel.INDEPENDENT, WEEK_1.plusWeeks(5));
        assertEquals(0, lapsed.consecutiveWeeks());
    }

    @Test
    void promptedWinsCountWhenTheMasteryLevelAllowsThem() {
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.GESTURAL, Setting.HOME, MUM));
        assertEquals(1, ProgressRules.maintenance(cells, PromptLevel.VERBAL, WEEK_1).consecutiveWeeks());
        assertEquals(0, ProgressRules.maintenance(cells, PromptLevel.INDEPENDENT, WEEK_1).consecutiveWeeks());
    }

    @Test
    void successRatioIsQualifyingWinsOverWinsAndSetbacks() {
        Mastery criteria = new Mastery(PromptLevel.INDEPENDENT, 1, 1, 1, new BigDecimal("0.80"));
        List<EvidenceCell> cells = List.of(win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM),
                win(WEEK_1, PromptLevel.INDEPENDENT, Setting.CLASSROOM, TEACHER),
                win(WEEK_1, PromptLevel.INDEPENDENT, Setting.CLASSROOM, PARA),
                setback(WEEK_1, Setting.CLASSROOM, TEACHER));
        var check = ProgressRules.mastery(criteria, cells, WEEK_1.plusDays(1));
        assertEquals(0.75, check.successRatio());
        assertEquals(List.of("successRatio"), List.copyOf(check.missing()));
    }

    @Test
    void goalMetOnPaperFollowedByTwoShutdownsIsFlagged() {
        var gap = ProgressRules.gap(GoalStatus.MET, 2, true);
        assertTrue(gap.flagged());
        assertEquals(List.of("SETBACKS_OR_DYSREGULATION"), List.copyOf(gap.reasons()));
        // One bad day is data, not a gap.
        assertFalse(ProgressRules.gap(GoalStatus.MET, 1, true).flagged());
        // An active goal is still being worked on: no gap by definition.
        assertFalse(ProgressRules.gap(GoalStatus.ACTIVE, 5, false).flagged());
    }

    @Test
    void goalMaintainingWithoutRecentEvidenceAtTheLevelIsFlagged() {
        var gap = ProgressRules.gap(GoalStatus.MAINTAINING, 0, false);
        assertTrue(gap.flagged());
        assertEquals(List.of("NO_EVIDENCE_AT_MASTERY_LEVEL"), List.copyOf(gap.reasons()));
    }

    @Test
    void noCriteriaMeansMasteryCannotBeJudged() {
        var check = ProgressRules.mastery(null, List.of(win(WEEK_1, PromptLevel.INDEPENDENT, Setting.HOME, MUM)),
                WEEK_1);
        assertFalse(check.met());
        assertEquals(List.of("criteria"), List.copyOf(check.missing()));
    }
}

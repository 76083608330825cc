package app.smallwins.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.observation.ObservationKind;

/** The words and the choice of evidence (docs/progress.md, rules 4, 10, 12 and 13), on hand-built rows. */
class NarratorTest {

    static final UUID GOAL = UUID.randomUUID();
    static final UUID MUM = UUID.randomUUID();
    static final UUID TEACHER = UUID.randomUUID();
    /** A Monday. */
    static final LocalDate WEEK_1 = LocalDate.of(2026, 9, 7);

    final Narrator narrator = new Narrator(Words.english(), "Arjun");

    static ProgressRepository.Row row(ObservationKind kind, String text, Setting setting, PromptLevel level,
            Regulation regulation, boolean firstTime, boolean newSetting, LocalDate day, UUID who, Role capacity) {
        return new ProgressRepository.Row(UUID.randomUUID(), GOAL, kind, text, Domain.COMMUNICATION, setting, level,
                regulation, firstTime, newSetting, day.atTime(10, 0).toInstant(ZoneOffset.UTC), who, capacity, true);
    }

    static ProgressRepository.Row win(String text, Setting setting, PromptLevel level, boolean firstTime, LocalDate day) {
        return row(ObservationKind.WIN, text, setting, level, Regulation.CALM, firstTime, false, day, MUM, Role.parent);
    }

    @Test
    void whileFlaggedTheHardMomentComesFirstAndTheSuccessIsStillShown() {
        var success = win("Sat for the whole 20 minutes", Setting.CLASSROOM, PromptLevel.INDEPENDENT, false, WEEK_1);
        var older = win("Sat for ten minutes", Setting.CLASSROOM, PromptLevel.VERBAL, true, WEEK_1.minusWeeks(2));
        var shutdown = row(ObservationKind.SETBACK, "Shut down after reading", Setting.CLASSROOM, null,
                Regulation.SHUTDOWN, false, false, WEEK_1.plusDays(2), TEACHER, Role.teacher);
        List<EvidencePicks.Pick> picks = EvidencePicks.forGoal(List.of(shutdown), List.of(success, older),
                List.of(older), EvidencePicks.Novelty.AS_READ);
        assertEquals(List.of(shutdown, success, older), picks.stream().map(EvidencePicks.Pick::row).toList());
        assertEquals(Set.of(EvidenceReason.SHUTDOWN), picks.get(0).why());
        assertEquals(EnumSet.of(EvidenceReason.INDEPENDENT, EvidenceReason.MOST_INDEPENDENT), picks.get(1).why());
        assertEquals(EnumSet.of(EvidenceReason.FIRST_TIME), picks.get(2).why());
        // At most three, each with a reason.
        var many = new ArrayList<ProgressRepository.Row>();
        for (int i = 0; i < 6; i++) {
            many.add(row(ObservationKind.WIN, "Win " + i, Setting.values()[i], PromptLevel.GESTURAL, null, false, true,
                    WEEK_1.plusDays(i), MUM, Role.parent));
        }
        var shown = EvidencePicks.forGoal(List.of(shutdown), many, List.of(older), EvidencePicks.Novelty.AS_READ);
        assertEquals(3, shown.size());
        shown.forEach(p -> assertEquals(false, p.why().isEmpty()));
        assertEquals("A shutdown, since the goal was marked met.",
                narrator.because(picks.get(0).why(), shutdown, app.smallwins.goal.GoalStatus.MET));
    }

    @Test
    void aRecoveredDipAfterABreakIsNamed() {
        // Weekly scores 0.33, 0.67, 0.83, nothing (half-term), 0.5, 0.83, 1.
        PromptLevel[] weekly = { PromptLevel.MODEL, PromptLevel.VERBAL, PromptLevel.GESTURAL, null, PromptLevel.VISUAL,
                PromptLevel.GESTURAL, PromptLevel.INDEPENDENT };
        List<EvidenceCell> cells = new ArrayList<>();
        for (int i = 0; i < weekly.length; i++) {
            if (weekly[i] != null) {
                cells.add(new EvidenceCell(GOAL, WEEK_1.plusWeeks(i), ObservationKind.WIN, weekly[i], Setting.HOME,
                        null, MUM, Role.parent, 1));
            }
        }
        var buckets = ProgressRules.buckets(cells, ProgressRules.Bucket.WEEK, WEEK_1, WEEK_1.plusWeeks(7).minusDays(1));
        assertEquals("Two steps forward, one back: a dip in the week of 5 October after a one-week break, rising "
                + "again since.", narrator.trend(ProgressRules.trend(buckets), buckets));
        // Without the recovery there is no dip to name: the line says what it is.
        var noRecovery = buckets.subList(0, 5);
        assertEquals("Rising overall, with ups and downs from week to week.",
                narrator.trend(ProgressRules.trend(noRecovery), noRecovery));
    }

    @Test
    void celebrationsDifferInKindByPeriod() {
        var pea = win("Tried a pea.", Setting.HOME, PromptLevel.VERBAL, true, WEEK_1);
        var sleep = win("Slept through the night", Setting.HOME, null, false, WEEK_1);
        assertEquals("2 wins today: tried a pea (a first time!) and slept through the night.",
                narrator.day(List.of(pea, sleep), 2));
        assertEquals("No wins recorded today yet. Small ones count: a try, a calm change of activity, a new food.",
                narrator.day(List.of(), 0));
        assertEquals("5 wins this week, in self-care and communication, and a first time: tried a pea.",
                narrator.week(5, List.of(Domain.SELF_CARE, Domain.COMMUNICATION), List.of(pea), 1));
        assertEquals("12 wins this month. 2 first times: tried a pea and slept through the night. Newly mastered in "
                + "real life: Ask for help.", narrator.month(12, List.of(pea, sleep), 2, List.of("Ask for help")));
        assertEquals("Celebrate the week with what lands with Arjun: “bubbles and a high five”.",
                narrator.celebration(WinsSummaryView.Period.WEEK, "bubbles and a high five!", 5));
        assertEquals("Celebrate the month together, and add to Arjun’s profile what lands best (celebrate with), so "
                + "the whole team can use it.", narrator.celebration(WinsSummaryView.Period.MONTH, null, 3));
        assertNull(narrator.celebration(WinsSummaryView.Period.DAY, "bubbles", 2));
        assertNull(narrator.celebration(WinsSummaryView.Period.WEEK, "bubbles", 0));
    }

    @Test
    void recentEvidenceIsSaidWithItsPlacesPeopleAndHelp() {
        LocalDate wednesday = WEEK_1.plusDays(2);
        List<EvidenceCell> cells = List.of(
                new EvidenceCell(GOAL, WEEK_1, ObservationKind.WIN, PromptLevel.INDEPENDENT, Setting.HOME, null, MUM,
                        Role.parent, 2),
                new EvidenceCell(GOAL, WEEK_1.plusDays(1), ObservationKind.WIN, PromptLevel.GESTURAL, Setting.CLASSROOM,
                        null, TEACHER, Role.teacher, 1),
                new EvidenceCell(GOAL, WEEK_1.plusDays(1), ObservationKind.WIN, PromptLevel.MODEL, Setting.PLAYGROUND,
                        null, TEACHER, Role.teacher, 1));
        assertEquals("Arjun did it 3 times this week with no more than a gesture, at home and in class, with 2 "
                + "different adults.", narrator.recent(cells, PromptLevel.GESTURAL, wednesday));
        assertEquals("Arjun did it twice this week with no prompt, at home, with one adult (a parent).",
                narrator.recent(cells, PromptLevel.INDEPENDENT, wednesday));
        assertEquals("Nothing has been recorded on this goal in the last four weeks.",
                narrator.recent(cells, PromptLevel.INDEPENDENT, wednesday.plusWeeks(5)));
    }
}

package app.smallwins.goal;

import static app.smallwins.goal.GoalStatus.ACTIVE;
import static app.smallwins.goal.GoalStatus.DISCONTINUED;
import static app.smallwins.goal.GoalStatus.MAINTAINING;
import static app.smallwins.goal.GoalStatus.MET;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where a goal may go on paper, every one of the sixteen moves: forward as the skill holds,
 * back to ACTIVE when it slips (a setback is data, not failure), DISCONTINUED from anywhere.
 */
class GoalStatusTest {

    @ParameterizedTest
    @EnumSource(GoalStatus.class)
    void keepingTheSameStatusIsAlwaysAllowed(GoalStatus status) {
        assertTrue(status.canMoveTo(status));
    }

    @Test
    void anActiveGoalMayBeMetOrDiscontinued() {
        assertTrue(ACTIVE.canMoveTo(MET));
        assertTrue(ACTIVE.canMoveTo(DISCONTINUED));
    }

    @Test
    void anActiveGoalIsMetBeforeItIsMaintained() {
        assertFalse(ACTIVE.canMoveTo(MAINTAINING));
    }

    @Test
    void aMetGoalMayBeMaintainedOrDiscontinued() {
        assertTrue(MET.canMoveTo(MAINTAINING));
        assertTrue(MET.canMoveTo(DISCONTINUED));
    }

    @Test
    void aMetGoalMayGoBackToActive() {
        assertTrue(MET.canMoveTo(ACTIVE));
    }

    @Test
    void aMaintainedGoalMayGoBackToActiveOrBeDiscontinued() {
        assertTrue(MAINTAINING.canMoveTo(ACTIVE));
        assertTrue(MAINTAINING.canMoveTo(DISCONTINUED));
    }

    @Test
    void aMaintainedGoalDoesNotGoBackToMet() {
        assertFalse(MAINTAINING.canMoveTo(MET));
    }

    @Test
    void aDiscontinuedGoalIsTakenUpAgainAsActive() {
        assertTrue(DISCONTINUED.canMoveTo(ACTIVE));
    }

    @Test
    void aDiscontinuedGoalIsNotMetOrMaintainedWithoutBeingTakenUpAgain() {
        assertFalse(DISCONTINUED.canMoveTo(MET));
        assertFalse(DISCONTINUED.canMoveTo(MAINTAINING));
    }
}

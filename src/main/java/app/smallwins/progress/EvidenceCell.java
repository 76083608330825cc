package app.smallwins.progress;

import java.time.LocalDate;
import java.util.UUID;

import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.observation.ObservationKind;

/**
 * A count of observations on one goal (or none) that share a day (in the child's time zone),
 * kind, prompt level, setting, regulation and author. SQL groups observations into cells; the rules read only
 * cells, so a hand-built observation is simply a cell with count 1.
 */
public record EvidenceCell(UUID goalId, LocalDate day, ObservationKind kind, PromptLevel promptLevel,
        Setting setting, Regulation regulation, UUID authorId, Role authorCapacity, long count) {

    /** A win at or above the required prompt level: the evidence that counts towards mastery. */
    boolean qualifies(PromptLevel required) {
        return kind == ObservationKind.WIN && promptLevel != null && promptLevel.atLeastAsIndependentAs(required);
    }

    /** An attempt at the skill: a setback, or a win with a prompt level (the scored observations of rule 2). */
    boolean isAttempt() {
        return IndependenceScale.score(kind, promptLevel) != null;
    }
}

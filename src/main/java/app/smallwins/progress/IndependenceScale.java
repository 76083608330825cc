package app.smallwins.progress;

import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.observation.ObservationKind;

/**
 * The independence score of one observation, from 0 (full physical help, or a setback) to 1
 * (on their own). Each step down the prompt ladder takes one sixth off:
 * INDEPENDENT 1, GESTURAL 5/6, VERBAL 4/6, VISUAL 3/6, MODEL 2/6, PARTIAL_PHYSICAL 1/6,
 * FULL_PHYSICAL 0. A SETBACK scores 0. A NOTE, or a WIN without a prompt level, has no score.
 */
public final class IndependenceScale {

    private static final int STEPS = PromptLevel.values().length - 1;

    private IndependenceScale() {
    }

    /** The score, or null when the observation says nothing about independence. */
    public static Double score(ObservationKind kind, PromptLevel level) {
        if (kind == ObservationKind.SETBACK) {
            return 0.0;
        }
        if (kind != ObservationKind.WIN || level == null) {
            return null;
        }
        return (STEPS - level.ordinal()) / (double) STEPS;
    }
}

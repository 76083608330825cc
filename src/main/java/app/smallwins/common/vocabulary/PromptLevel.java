package app.smallwins.common.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How much adult help the child needed, from none to full physical guidance. Declared
 * from most to least independent: a lower ordinal is more independent.
 */
@Schema(name = "PromptLevel", description = """
        How much adult help the child needed, from none to the most:
        - `INDEPENDENT`: no prompt at all.
        - `GESTURAL`: a point, a nod or a look.
        - `VERBAL`: a spoken cue or reminder.
        - `VISUAL`: a picture, schedule or written cue.
        - `MODEL`: an adult showed how first.
        - `PARTIAL_PHYSICAL`: some hand-over-hand help.
        - `FULL_PHYSICAL`: full physical guidance.""")
public enum PromptLevel {
    INDEPENDENT, GESTURAL, VERBAL, VISUAL, MODEL, PARTIAL_PHYSICAL, FULL_PHYSICAL;

    /** Whether this level is at least as independent as the required one. */
    public boolean atLeastAsIndependentAs(PromptLevel required) {
        return ordinal() <= required.ordinal();
    }
}

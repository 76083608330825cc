package app.smallwins.observation;

/**
 * How much adult help the child needed, from none to full physical guidance. Declared
 * from most to least independent: a lower ordinal is more independent.
 */
public enum PromptLevel {
    INDEPENDENT, GESTURAL, VERBAL, VISUAL, MODEL, PARTIAL_PHYSICAL, FULL_PHYSICAL;

    /** Whether this level is at least as independent as the required one. */
    public boolean atLeastAsIndependentAs(PromptLevel required) {
        return ordinal() <= required.ordinal();
    }
}

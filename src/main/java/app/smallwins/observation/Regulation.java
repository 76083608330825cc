package app.smallwins.observation;

/** The child's regulation state at the time. */
public enum Regulation {
    CALM, UNSETTLED, DYSREGULATED, SHUTDOWN
}

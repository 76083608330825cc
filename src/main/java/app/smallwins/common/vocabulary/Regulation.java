package app.smallwins.common.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The child's regulation state at the time. */
@Schema(name = "Regulation", description = """
        The child's regulation state at the time:
        - `CALM`: settled and available to learn.
        - `UNSETTLED`: uneasy, but coping.
        - `DYSREGULATED`: overwhelmed: upset, in fight or flight.
        - `SHUTDOWN`: withdrawn, not responding.""")
public enum Regulation {
    CALM, UNSETTLED, DYSREGULATED, SHUTDOWN
}

package app.smallwins.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a piece of evidence is shown; every cited observation has at least one. */
@Schema(name = "EvidenceReason", description = """
        Why a piece of evidence is shown (its `because` says it in a sentence):
        - `FIRST_TIME`: the child could not do this before.
        - `INDEPENDENT`: with no prompt at all.
        - `MOST_INDEPENDENT`: the most independent recent win on the goal.
        - `NEW_SETTING`: the first win on the goal (or, without one, at all) in this setting.
        - `NEW_PERSON`: the first win on the goal with this adult (in the last year).
        - `LATEST`: the newest win.
        - `SETBACK`: a setback since the goal was marked met or maintaining.
        - `DYSREGULATED`: a dysregulated moment since the goal was marked met or maintaining.
        - `SHUTDOWN`: a shutdown since the goal was marked met or maintaining.
        - `NOT_ON_PAPER`: a win no goal records.
        - `IN_PERIOD`: a win of the period summarised (the day's wins).""")
public enum EvidenceReason {
    FIRST_TIME, INDEPENDENT, MOST_INDEPENDENT, NEW_SETTING, NEW_PERSON, LATEST, SETBACK, DYSREGULATED, SHUTDOWN,
    NOT_ON_PAPER, IN_PERIOD
}

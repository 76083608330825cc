package app.smallwins.goal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a goal stands on paper. Allowed moves: ACTIVE → MET → MAINTAINING; MET or
 * MAINTAINING back to ACTIVE (a skill can slip, and that is data, not failure); any
 * status → DISCONTINUED; DISCONTINUED → ACTIVE (the team takes it up again).
 */
@Schema(name = "GoalStatus", description = """
        Where the goal stands on paper:
        - `ACTIVE`: being worked on.
        - `MET`: the team judged it met.
        - `MAINTAINING`: met, and being kept up.
        - `DISCONTINUED`: no longer pursued.""")
public enum GoalStatus {
    ACTIVE, MET, MAINTAINING, DISCONTINUED;

    public boolean canMoveTo(GoalStatus next) {
        return next == this || allowedNext().contains(next);
    }

    private Set<GoalStatus> allowedNext() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(MET, DISCONTINUED);
            case MET -> EnumSet.of(MAINTAINING, ACTIVE, DISCONTINUED);
            case MAINTAINING -> EnumSet.of(ACTIVE, DISCONTINUED);
            case DISCONTINUED -> EnumSet.of(ACTIVE);
        };
    }
}

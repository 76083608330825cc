package app.smallwins.goal;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A goal in the record export, with every revision, newest first. */
@Schema(name = "ExportedGoal")
public record ExportedGoal(GoalView goal, List<GoalRevisionView> history) {
}

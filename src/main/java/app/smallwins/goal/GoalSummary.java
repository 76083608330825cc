package app.smallwins.goal;

import java.time.Instant;
import java.util.UUID;

import app.smallwins.common.vocabulary.Domain;

/** What other features read of a goal on paper (progress views): no steps, no history. */
public record GoalSummary(UUID id, String title, String plainLanguage, Domain domain, GoalStatus status,
        Mastery mastery, Instant statusChangedAt) {

    static GoalSummary of(Goal goal) {
        return new GoalSummary(goal.id, goal.title, goal.plainLanguage, goal.domain, goal.status, goal.mastery(),
                goal.statusChangedAt);
    }
}

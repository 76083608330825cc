package app.smallwins.goal;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.vocabulary.PromptLevel;

/**
 * When the team will call the skill mastered in real life: seen at or above a prompt level,
 * in so many distinct settings, with so many distinct people, over so many consecutive
 * weeks (each with enough attempts), and optionally with a share of successful attempts. Clients send {@link MasteryInput}.
 */
@Schema(name = "Mastery", description = "Structured mastery criteria, as the goal holds them.")
public record Mastery(
        @Schema(description = "The least independent prompt level that still counts.", examples = "INDEPENDENT")
        PromptLevel promptLevel,
        @Schema(description = "Distinct settings in which it must be seen.", examples = "2") Integer settings,
        @Schema(description = "Distinct people with whom it must be seen.", examples = "2") Integer people,
        @Schema(description = "Consecutive weeks it must hold.", examples = "3") Integer consecutiveWeeks,
        @Schema(description = "Share of wins among wins and setbacks on the goal, 0 to 1; null when not set.",
                examples = "0.8", nullable = true)
        BigDecimal successRatio,
        @Schema(description = "Attempts (wins and setbacks) a week needs before it counts toward consecutiveWeeks; a "
                + "week without attempts neither extends nor breaks a run.", examples = "2")
        Integer minAttemptsPerWeek) {

    /** Attempts a week needs when the goal does not say: two. */
    public static final int DEFAULT_MIN_ATTEMPTS = 2;

    public int settingsOrDefault() {
        return settings == null ? 1 : settings;
    }

    public int peopleOrDefault() {
        return people == null ? 1 : people;
    }

    public int consecutiveWeeksOrDefault() {
        return consecutiveWeeks == null ? 1 : consecutiveWeeks;
    }

    public int minAttemptsPerWeekOrDefault() {
        return minAttemptsPerWeek == null ? DEFAULT_MIN_ATTEMPTS : minAttemptsPerWeek;
    }
}

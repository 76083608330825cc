package app.smallwins.goal;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.observation.PromptLevel;

/**
 * When the team will call the skill mastered in real life: seen at or above a prompt level,
 * in so many distinct settings, with so many distinct people, over so many consecutive
 * weeks, and optionally with a share of successful attempts.
 */
@Schema(name = "Mastery", description = "Structured mastery criteria. Counts default to 1 when omitted.")
public record Mastery(
        @Schema(description = "The least independent prompt level that still counts.", examples = "INDEPENDENT")
        @NotNull PromptLevel promptLevel,
        @Schema(description = "Distinct settings in which it must be seen.", examples = "2") @Min(1) @Max(6) Integer settings,
        @Schema(description = "Distinct people with whom it must be seen.", examples = "2") @Min(1) @Max(20) Integer people,
        @Schema(description = "Consecutive weeks it must hold.", examples = "3") @Min(1) @Max(52) Integer consecutiveWeeks,
        @Schema(description = "Optional share of wins among wins and setbacks on the goal, 0 to 1.", examples = "0.8",
                nullable = true)
        @DecimalMin("0.0") @DecimalMax("1.0") @Digits(integer = 1, fraction = 2) BigDecimal successRatio) {

    public int settingsOrDefault() {
        return settings == null ? 1 : settings;
    }

    public int peopleOrDefault() {
        return people == null ? 1 : people;
    }

    public int consecutiveWeeksOrDefault() {
        return consecutiveWeeks == null ? 1 : consecutiveWeeks;
    }
}

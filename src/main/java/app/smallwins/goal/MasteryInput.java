package app.smallwins.goal;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.vocabulary.PromptLevel;

/** Mastery criteria as a client sends them: only the prompt level is required; counts default to 1, attempts a week to 2. */
@Schema(name = "MasteryInput", description = "Structured mastery criteria. Counts default to 1 when omitted, "
        + "minAttemptsPerWeek to 2.")
public record MasteryInput(
        @Schema(description = "The least independent prompt level that still counts.", examples = "INDEPENDENT")
        @NotNull PromptLevel promptLevel,
        @Schema(description = "Distinct settings in which it must be seen (default 1).", examples = "2")
        @Min(1) @Max(6) Integer settings,
        @Schema(description = "Distinct people with whom it must be seen (default 1).", examples = "2")
        @Min(1) @Max(20) Integer people,
        @Schema(description = "Consecutive weeks it must hold (default 1).", examples = "3")
        @Min(1) @Max(52) Integer consecutiveWeeks,
        @Schema(description = "Optional share of wins among wins and setbacks on the goal, 0 to 1, in hundredths.",
                examples = "0.8", nullable = true)
        @DecimalMin("0.0") @DecimalMax("1.0") @Digits(integer = 1, fraction = 2) BigDecimal successRatio,
        @Schema(description = "Attempts (wins and setbacks) a week needs before it counts toward consecutiveWeeks "
                + "(default 2). A week without attempts neither extends nor breaks a run.", examples = "2")
        @Min(1) @Max(50) Integer minAttemptsPerWeek) {

    /** The criteria as stored and answered, defaults filled in. */
    Mastery criteria() {
        return new Mastery(promptLevel, settings == null ? 1 : settings, people == null ? 1 : people,
                consecutiveWeeks == null ? 1 : consecutiveWeeks, successRatio,
                minAttemptsPerWeek == null ? Mastery.DEFAULT_MIN_ATTEMPTS : minAttemptsPerWeek);
    }
}

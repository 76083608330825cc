package app.smallwins.goal;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.smallwins.common.vocabulary.Domain;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewGoal", description = "A goal as written on paper, with the plain-language version and agreed supports.")
public record NewGoal(
        @Schema(description = "The formal wording of the IEP/ITP.",
                examples = "Given a field of 4 colours, Arjun will identify basic colours with 80% accuracy across 3 sessions.")
        @NotBlank @Size(max = 500) String title,
        @Schema(description = "What it means, in words a para or a parent can act on.", examples = "Identify basic colours")
        @Size(max = 2000) String plainLanguage,
        @NotNull Domain domain,
        @Schema(description = "Where the child starts.", examples = "Matches colours, does not name them yet.")
        @Size(max = 2000) String baseline,
        @Valid MasteryInput mastery,
        @Schema(description = "Ordered smaller steps.") @Size(max = 30) List<@Valid @NotNull StepInput> steps,
        @Schema(description = "Supports everyone agrees to use.", examples = "[\"visual schedule\", \"first-then board\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> strategies,
        @Schema(description = "Defaults to ACTIVE.", nullable = true) GoalStatus status,
        LocalDate startDate,
        LocalDate targetDate) {
}

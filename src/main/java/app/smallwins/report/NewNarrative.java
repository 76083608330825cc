package app.smallwins.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewReportNarrative", description = "The team's narrative for one goal in one report period, in place "
        + "of the generated draft.")
public record NewNarrative(
        @Schema(examples = "Arjun now asks for help with two words most days, in class and at home.")
        @NotBlank @Size(max = 5000) String text) {
}

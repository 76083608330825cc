package app.smallwins.goal;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step as a client sends it: new steps have no id; an existing step keeps its id when sent back. */
@Schema(name = "StepInput")
public record StepInput(
        @Schema(description = "Omit for a new step; send back to keep an existing step (and its observations).",
                nullable = true) UUID id,
        @Schema(examples = "Points to the red block when asked \"which is red?\"") @NotBlank @Size(max = 500) String description) {
}

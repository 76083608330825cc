package app.smallwins.observation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewCheer", description = "A short, specific note celebrating a win.")
public record NewCheer(
        @Schema(examples = "Naming 'blue' unprompted, outside, is huge! We'll look for colours on the bus too.")
        @NotBlank @Size(max = 500) String note) {
}

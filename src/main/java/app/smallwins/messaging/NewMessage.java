package app.smallwins.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewMessage")
public record NewMessage(
        @Schema(examples = "Arjun sorted all the shapes by colour independently today!") @NotBlank @Size(max = 4000) String body,
        @Schema(description = "Surfaced first in unread listings (e.g. a seizure at lunch).") Boolean urgent,
        @Schema(nullable = true, description = "Also record this message as an observation, in the same transaction.")
        @Valid WinDetails win) {
}

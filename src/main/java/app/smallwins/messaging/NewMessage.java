package app.smallwins.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewMessage")
public record NewMessage(
        @Schema(examples = "Arjun sorted all the shapes by colour independently today!") @NotBlank @Size(max = 4000) String body,
        @Schema(description = "Surfaced first in unread listings (e.g. a seizure at lunch).") Boolean urgent,
        @Schema(nullable = true, description = "Also record this message as an observation, in the same transaction.")
        @Valid WinDetails win,
        @Schema(description = "Photos and videos of the child to attach, in order (ids from POST "
                + "/children/{childId}/media; at most 10). With a `win`, the observation carries them too.",
                nullable = true)
        @Size(max = 10) List<@NotNull UUID> mediaIds) {
}

package app.smallwins.messaging;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MessagePatch", description = "The new body; allowed to the author within 15 minutes of posting.")
public record MessagePatch(@NotBlank @Size(max = 4000) String body) {
}

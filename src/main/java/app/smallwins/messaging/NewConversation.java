package app.smallwins.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewConversation", description = "A smaller conversation with chosen members of the same child's team; "
        + "the creator is always a participant.")
public record NewConversation(
        @Schema(examples = "Arjun's mornings") @Size(max = 200) String title,
        @Schema(description = "Membership ids (GET .../team) of the people to include.")
        @NotEmpty @Size(max = 50) List<@NotNull UUID> memberIds) {
}

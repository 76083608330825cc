package app.smallwins.child;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the child communicates, as a client sends it with a new child: both parts optional. */
@Schema(name = "CommunicationInput", description = "How the child communicates and what helps others understand them.")
public record CommunicationInput(
        @Schema(description = "Ways the child communicates, most used first; repeats are dropped.",
                examples = "[\"SPEECH\", \"PICTURES\"]")
        @Size(max = 7) List<@NotNull CommunicationMode> modes,
        @Schema(description = "What a new adult should know.",
                examples = "Uses a picture board for choices; give him time to answer.")
        @Size(max = 2000) String notes) {

    /** The modes without repeats, in the order given. */
    List<CommunicationMode> distinctModes() {
        return modes == null ? List.of() : modes.stream().distinct().toList();
    }
}

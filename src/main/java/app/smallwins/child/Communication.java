package app.smallwins.child;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the child communicates and what helps others understand them, as the profile holds it. */
@Schema(name = "Communication")
public record Communication(
        @Schema(description = "Ways the child communicates, most used first; empty when not recorded.",
                examples = "[\"SPEECH\", \"PICTURES\"]")
        List<CommunicationMode> modes,
        @Schema(description = "What a new adult should know.", nullable = true,
                examples = "Uses a picture board for choices; give him time to answer.")
        String notes) {
}

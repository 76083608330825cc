package app.smallwins.common;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.security.Role;

/** Who wrote something, and in what capacity on the child. Set by the server from the token. */
@Schema(name = "Author")
public record Author(UUID id, @Schema(examples = "Tina Thomas") String name,
        @Schema(description = "The author's capacity on the child when they wrote it.") Role capacity) {
}

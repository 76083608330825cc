package app.smallwins.observation;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;

@Schema(name = "Cheer")
public record CheerView(UUID id, UUID observationId, @Schema(examples = "So specific, love it!") String note,
        Author author, Instant createdAt) {
}

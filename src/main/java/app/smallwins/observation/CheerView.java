package app.smallwins.observation;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;
import app.smallwins.user.Names;

@Schema(name = "Cheer")
public record CheerView(UUID id, UUID observationId, @Schema(examples = "So specific, love it!") String note,
        Author author, Instant createdAt) {

    static CheerView of(Cheer c, Names names) {
        return of(CheerRow.of(c), names);
    }

    static CheerView of(CheerRow c, Names names) {
        return new CheerView(c.id(), c.observationId(), c.note(), names.author(c.authorId(), c.authorCapacity()),
                c.createdAt());
    }
}

package app.smallwins.audit;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.security.Role;

@Schema(name = "AccessLogEntry", description = "One read or change of the child's record.")
public record AccessLogView(
        UUID id,
        Instant at,
        Actor actor,
        @Schema(description = "The capacity the person acted in.") Role capacity,
        @Schema(examples = "child.update") String action,
        @Schema(examples = "CHILD") String targetType,
        @Schema(nullable = true) UUID targetId,
        @Schema(nullable = true, description = "For a disclosure (the record leaving the app as a document), why: "
                + "`progress report` or `record export`. Null for other reads and changes.", examples = "progress report")
        String purpose) {

    @Schema(name = "AccessLogActor")
    public record Actor(UUID id, @Schema(examples = "Tina Thomas") String name) {
    }
}

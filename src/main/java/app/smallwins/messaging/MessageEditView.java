package app.smallwins.messaging;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MessageEdit", description = "A body the message had before an edit or deletion.")
public record MessageEditView(String body, Instant replacedAt) {
}

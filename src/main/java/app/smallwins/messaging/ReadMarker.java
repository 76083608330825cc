package app.smallwins.messaging;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReadMarker", description = "Marks the conversation read up to and including this message.")
public record ReadMarker(@NotNull UUID upTo) {
}

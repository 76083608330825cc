package app.smallwins.media;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.media.process.MediaKind;

@Schema(name = "Media", description = "A photo or video of the child, stored without location or device metadata. "
        + "Read the bytes at `path` (Range requests allowed) and its JPEG thumbnails at `thumbnailPath` "
        + "(`?size=small` or `?size=medium`), with the same bearer token.")
public record MediaView(
        UUID id,
        UUID childId,
        MediaKind kind,
        @Schema(description = "The type of the stored original: photos are re-encoded as JPEG or PNG (a HEIC photo "
                + "becomes JPEG); videos keep their container.", examples = "image/jpeg") String contentType,
        @Schema(description = "Bytes of the stored original.") long size,
        @Schema(description = "Pixels, as shown (the photo's orientation applied).") int width,
        int height,
        @Schema(nullable = true, description = "A video's length; null for a photo.") Double durationSeconds,
        MediaState state,
        @Schema(nullable = true, description = "When a WITHDRAWN item is erased unless consent returns; null when "
                + "READY.") Instant erasesAt,
        @Schema(description = "The original's path, from the server's root.",
                examples = "/api/v1/children/00000000-0000-4000-8000-0000000c0001/media/"
                        + "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f") String path,
        @Schema(description = "The thumbnail's path, from the server's root; add `?size=small` or `?size=medium`.",
                examples = "/api/v1/children/00000000-0000-4000-8000-0000000c0001/media/"
                        + "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/thumbnail") String thumbnailPath,
        Instant uploadedAt) {
}

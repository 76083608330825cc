package app.smallwins.media.process;

import java.nio.file.Path;

/**
 * An upload made safe to keep: the file to store as the original (a photo re-encoded with
 * its orientation applied and no metadata; a video with its container metadata removed),
 * what it is, and two JPEG thumbnails (for a video, of its poster frame).
 *
 * @param durationSeconds a video's length, null for a photo
 */
public record Processed(MediaKind kind, String contentType, Path original, long size, int width, int height,
        Double durationSeconds, Path small, Path medium) {
}

package app.smallwins.media.process;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an upload is. */
@Schema(description = """
        What the item is:
        - `IMAGE`: a photo (stored as JPEG or PNG).
        - `VIDEO`: a video (MP4 or QuickTime), with `durationSeconds`.""")
public enum MediaKind {
    IMAGE,
    VIDEO
}

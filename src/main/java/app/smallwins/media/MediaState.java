package app.smallwins.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = """
        Whether the team sees the photo or video:
        - `READY`: stored safely; the care team sees it.
        - `WITHDRAWN`: the family withdrew consent; only the child's parents and admins still see it, until \
        `erasesAt`, when it is erased unless consent returns.""")
public enum MediaState {
    READY,
    WITHDRAWN
}

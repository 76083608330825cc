package app.smallwins.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MediaConsentLevel", description = """
        Whether photos and videos of the child may be recorded:
        - `NONE`: no photos or video of this child.
        - `TEAM`: the child's care team may record them and see them.""")
public enum Consent {
    NONE, TEAM
}

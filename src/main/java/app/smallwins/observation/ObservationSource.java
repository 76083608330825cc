package app.smallwins.observation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How an observation was recorded. */
@Schema(name = "ObservationSource", description = """
        How it was recorded:
        - `DIRECT`: recorded as an observation.
        - `JOURNAL`: a parent's evening win-journal entry.
        - `MESSAGE`: carried by a message in a conversation.""")
public enum ObservationSource {
    /** Recorded directly. */
    DIRECT,
    /** A parent's evening win-journal entry. */
    JOURNAL,
    /** Carried by a message in a conversation. */
    MESSAGE
}

package app.smallwins.observation;

/** How an observation was recorded. */
public enum ObservationSource {
    /** Recorded directly. */
    DIRECT,
    /** A parent's evening win-journal entry. */
    JOURNAL,
    /** Carried by a message in a conversation. */
    MESSAGE
}

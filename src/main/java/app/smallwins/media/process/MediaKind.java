package app.smallwins.media.process;

/** What an upload is. */
public enum MediaKind {
    IMAGE,
    VIDEO
}

package app.smallwins.media;

import java.util.Locale;

import app.smallwins.common.error.ApiException;

/** The thumbnails every photo and video has (a video's are of its poster frame), as JPEG. */
public enum ThumbnailSize {
    /** Fits 320×320: lists and the timeline. */
    SMALL,
    /** Fits 1024×1024: a phone screen. */
    MEDIUM;

    /** From the {@code size} query parameter: {@code small} (also when absent) or {@code medium}. */
    static ThumbnailSize of(String parameter) {
        if (parameter == null || parameter.isEmpty()) {
            return SMALL;
        }
        return switch (parameter) {
            case "small" -> SMALL;
            case "medium" -> MEDIUM;
            default -> throw ApiException.invalid("size", "must be small or medium");
        };
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

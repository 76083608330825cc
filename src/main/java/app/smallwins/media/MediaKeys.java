package app.smallwins.media;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store keys of a media item, made from ids only: {@code <childId>/<mediaId>/original},
 * {@code …/small} and {@code …/medium}.
 */
final class MediaKeys {

    static final String ORIGINAL = "original";

    private MediaKeys() {
    }

    static String of(UUID childId, UUID mediaId, String variant) {
        return childId + "/" + mediaId + "/" + variant;
    }

    static List<String> all(UUID childId, UUID mediaId) {
        return List.of(of(childId, mediaId, ORIGINAL), of(childId, mediaId, ThumbnailSize.SMALL.key()),
                of(childId, mediaId, ThumbnailSize.MEDIUM.key()));
    }

    /** The media id a stored key belongs to, if it is one of ours. */
    static Optional<UUID> mediaIdOf(String key) {
        String[] parts = key.split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(parts[1]));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}

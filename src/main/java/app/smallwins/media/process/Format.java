package app.smallwins.media.process;

import java.util.Locale;
import java.util.Optional;

/** The formats on the allowlist, with the words a teacher reads for each. */
enum Format {
    JPEG(MediaKind.IMAGE, "image/jpeg", "a JPEG photo"),
    PNG(MediaKind.IMAGE, "image/png", "a PNG image"),
    WEBP(MediaKind.IMAGE, "image/webp", "a WebP image"),
    HEIC(MediaKind.IMAGE, "image/heic", "a HEIC photo"),
    MP4(MediaKind.VIDEO, "video/mp4", "an MP4 video"),
    QUICKTIME(MediaKind.VIDEO, "video/quicktime", "a QuickTime (MOV) video");

    final MediaKind kind;
    final String contentType;
    final String words;

    Format(MediaKind kind, String contentType, String words) {
        this.kind = kind;
        this.contentType = contentType;
        this.words = words;
    }

    /** The format a declared content type names; parameters and case are ignored, image/heif is HEIC. */
    static Optional<Format> declared(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        if (type.equals("image/heif")) {
            return Optional.of(HEIC);
        }
        for (Format format : values()) {
            if (format.contentType.equals(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a file whose contents are this format may be taken when it was declared as
     * {@code declared}. MP4 and QuickTime are one family (ISO base media files, told apart
     * only by the brand in their first box) and phones and browsers label them loosely: an
     * iPhone's .mov often arrives as video/mp4. Either declaration takes either, and the
     * contents decide what is stored.
     */
    boolean answers(Format declared) {
        return this == declared || kind == MediaKind.VIDEO && declared.kind == MediaKind.VIDEO;
    }
}

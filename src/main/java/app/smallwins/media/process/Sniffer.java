package app.smallwins.media.process;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;

/**
 * What an upload is, told from its bytes alone (Tika's magic numbers; no file name is given,
 * so a name cannot talk it into anything), checked against the allowlist and the declared type.
 */
final class Sniffer {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    private static final String PHOTO_FORMATS = "Small Wins takes photos as JPEG, PNG, WebP or HEIC.";
    private static final String VIDEO_FORMATS = "Small Wins takes videos as MP4 or MOV.";

    /** Plain words for what people upload by mistake, by Tika's type. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("application/pdf", "a PDF document"),
            Map.entry("application/zip", "a ZIP archive"),
            Map.entry("application/x-tika-ooxml", "an Office document"),
            Map.entry("application/x-tika-msoffice", "an Office document"),
            Map.entry("application/rtf", "a text document"),
            Map.entry("text/plain", "a text file"),
            Map.entry("text/html", "a web page"),
            Map.entry("application/xhtml+xml", "a web page"),
            Map.entry("application/x-msdownload", "a program"),
            Map.entry("application/x-executable", "a program"),
            Map.entry("image/gif", "a GIF image"),
            Map.entry("image/bmp", "a BMP image"),
            Map.entry("image/tiff", "a TIFF image"),
            Map.entry("image/avif", "an AVIF image"),
            Map.entry("image/svg+xml", "an SVG drawing"),
            Map.entry("image/vnd.adobe.photoshop", "a Photoshop file"),
            Map.entry("image/heic-sequence", "a HEIC image sequence"),
            Map.entry("image/heif-sequence", "a HEIF image sequence"),
            Map.entry("video/webm", "a WebM video"),
            Map.entry("video/x-matroska", "an MKV video"),
            Map.entry("video/x-msvideo", "an AVI video"),
            Map.entry("video/3gpp", "a 3GP video"),
            Map.entry("video/3gpp2", "a 3GP video"),
            Map.entry("video/x-ms-wmv", "a Windows Media video"),
            Map.entry("video/x-ms-asf", "a Windows Media video"),
            Map.entry("video/mpeg", "an MPEG video"),
            Map.entry("video/x-flv", "a Flash video"));

    private Sniffer() {
    }

    /**
     * The upload's format. Refused with 415 when its contents are not on the allowlist, or do
     * not answer the declared type (see {@link Format#answers}); with 422 when it is empty.
     */
    static Format check(Path upload, String declaredType) throws MediaRefused, IOException {
        if (Files.size(upload) == 0) {
            throw new MediaRefused(422, "The file is empty. It may not have finished uploading: please try again.");
        }
        String sniffed;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(upload))) {
            sniffed = TYPES.detect(in, new Metadata()).getBaseType().toString();
        }
        Format contents = contents(upload, sniffed).orElseThrow(() -> new MediaRefused(415, refusal(sniffed)));
        Format declared = Format.declared(declaredType).orElseThrow(() -> new MediaRefused(415,
                "The upload did not say it is a photo or video, so Small Wins cannot take it. Please try again from the photo library."));
        if (!contents.answers(declared)) {
            throw new MediaRefused(415, "The file says it is " + declared.words + ", but its contents are " + contents.words + ".");
        }
        return contents;
    }

    private static Optional<Format> contents(Path upload, String sniffed) throws IOException {
        return switch (sniffed) {
            case "image/jpeg" -> Optional.of(Format.JPEG);
            case "image/png" -> Optional.of(Format.PNG);
            case "image/webp" -> Optional.of(Format.WEBP);
            // Tika: ftyp brands heic and heix are image/heic, mif1 (the generic HEIF brand phones also use) image/heif.
            case "image/heic", "image/heif" -> Optional.of(Format.HEIC);
            // Tika names only the mp41/mp42 brands video/mp4; isom, avc1 and the rest fall to its general
            // "ftyp" rule, video/quicktime. The first box's brand tells them apart.
            case "video/quicktime", "video/mp4", "video/x-m4v" -> Optional.of(quickTimeBrand(upload) ? Format.QUICKTIME : Format.MP4);
            default -> Optional.empty();
        };
    }

    /** QuickTime: the major brand "qt  ", or an old file that starts with a box other than ftyp. */
    private static boolean quickTimeBrand(Path upload) throws IOException {
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(upload)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read < head.length || !new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            return true;
        }
        return new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("qt  ");
    }

    private static String refusal(String sniffed) {
        String words = WORDS.get(sniffed);
        if (sniffed.startsWith("image/")) {
            return words == null
                    ? "This file is an image in a format Small Wins cannot take. " + PHOTO_FORMATS
                    : "This file is " + words + ". " + PHOTO_FORMATS;
        }
        if (sniffed.startsWith("video/")) {
            return words == null
                    ? "This file is a video in a format Small Wins cannot take. " + VIDEO_FORMATS
                    : "This file is " + words + ". " + VIDEO_FORMATS;
        }
        if (sniffed.startsWith("audio/")) {
            return "This file is a sound recording, not a photo or video.";
        }
        return words == null
                ? "This file is not a photo or video that Small Wins can read."
                : "This file is " + words + ", not a photo or video.";
    }
}

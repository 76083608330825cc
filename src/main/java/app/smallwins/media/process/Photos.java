package app.smallwins.media.process;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

import org.jboss.logging.Logger;

/**
 * A photo made safe to keep: decoded, turned upright, re-encoded with fresh metadata (so no
 * EXIF, GPS, XMP, IPTC, text chunk or ICC profile of the upload survives), and thumbnailed.
 * Callers hold one of the processor's image permits while this runs.
 */
final class Photos {

    private static final Logger LOG = Logger.getLogger(Photos.class);

    static final int SMALL = 320;
    static final int MEDIUM = 1024;
    static final float ORIGINAL_QUALITY = 0.9f;
    static final float THUMBNAIL_QUALITY = 0.85f;
    private static final Duration HEIF_CONVERT_TIME = Duration.ofSeconds(60);

    private static final String UNREADABLE = "This photo could not be read. It may be damaged or only partly uploaded: please try again.";
    private static final String NO_HEIC_TOOLS = "This server cannot take HEIC photos yet: the program that reads them "
            + "is not installed. Please send the photo as a JPEG (on an iPhone: Settings, Camera, Formats, Most Compatible), "
            + "and tell the school's Small Wins administrator.";

    private final long maxPixels;
    private final String heifConvert;

    Photos(long maxPixels, String heifConvert) {
        this.maxPixels = maxPixels;
        this.heifConvert = heifConvert;
    }

    record Result(Path original, String contentType, int width, int height, Thumbnails thumbnails) {
    }

    record Thumbnails(Path small, Path medium) {
    }

    Result process(Path upload, Format format, Path workDir) throws MediaRefused, IOException {
        BufferedImage upright = switch (format) {
            case JPEG, WEBP -> Orientation.upright(Pictures.srgb(decode(upload, format.contentType)), orientation(upload, format));
            case PNG -> Orientation.upright(decodePng(upload), orientation(upload, format));
            // libheif applies the HEIF's own rotation and mirroring (irot, imir) as it decodes; the EXIF
            // orientation a phone also writes there only repeats them, so it is not applied again.
            case HEIC -> decodePng(heifToPng(upload, workDir));
            default -> throw new IllegalArgumentException(format + " is not a photo");
        };
        // What is kept: JPEG stays JPEG and PNG stays PNG; HEIC becomes JPEG (most browsers cannot show
        // HEIC); WebP becomes PNG when it has transparency, else JPEG (smaller, and shown everywhere).
        boolean transparent = Pictures.usesAlpha(upright);
        boolean png = format == Format.PNG || format == Format.WEBP && transparent;
        BufferedImage opaque = Pictures.onWhite(upright);
        Path original;
        if (png) {
            original = Files.createTempFile(workDir, "original-", ".png");
            Pictures.writePng(transparent ? upright : opaque, original);
        } else {
            original = Files.createTempFile(workDir, "original-", ".jpg");
            Pictures.writeJpeg(opaque, original, ORIGINAL_QUALITY);
        }
        return new Result(original, png ? "image/png" : "image/jpeg", upright.getWidth(), upright.getHeight(),
                thumbnails(opaque, workDir));
    }

    /** A video's poster frame (a PNG ffmpeg wrote), into thumbnails. */
    Thumbnails posterThumbnails(Path poster, Path workDir) throws MediaRefused, IOException {
        return thumbnails(Pictures.onWhite(decodePng(poster)), workDir);
    }

    private static Thumbnails thumbnails(BufferedImage opaque, Path workDir) throws IOException {
        BufferedImage medium = Pictures.fit(opaque, MEDIUM);
        Path mediumFile = Files.createTempFile(workDir, "medium-", ".jpg");
        Pictures.writeJpeg(medium, mediumFile, THUMBNAIL_QUALITY);
        Path smallFile = Files.createTempFile(workDir, "small-", ".jpg");
        Pictures.writeJpeg(Pictures.fit(medium, SMALL), smallFile, THUMBNAIL_QUALITY);
        return new Thumbnails(smallFile, mediumFile);
    }

    private static int orientation(Path upload, Format format) throws IOException {
        return Containers.exif(upload, format).map(Orientation::of).orElse(Orientation.UPRIGHT);
    }

    /** A PNG in sRGB, through its ICC profile when it has one (a Mac's screenshots are Display P3). */
    private BufferedImage decodePng(Path file) throws MediaRefused, IOException {
        BufferedImage decoded = decode(file, "image/png");
        Optional<byte[]> profile = Containers.pngIccProfile(file);
        return Pictures.srgb(profile.isPresent() ? Pictures.inProfile(decoded, profile.get()) : decoded);
    }

    /**
     * Decodes the first picture of the file, after reading its size from the header: a file
     * of a few bytes can declare a picture of billions of pixels (a decompression bomb), and
     * only the header is read before it is refused.
     */
    private BufferedImage decode(Path file, String contentType) throws MediaRefused, IOException {
        ImageReader reader = reader(contentType);
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            checkPixels(reader.getWidth(0), reader.getHeight(0));
            return reader.read(0);
        } catch (IOException | RuntimeException e) {
            // Decoders answer a broken or cut-off file with all sorts of exceptions; the class name is enough to debug.
            LOG.debugf("A photo could not be decoded (%s)", e.getClass().getSimpleName());
            throw new MediaRefused(422, UNREADABLE);
        } finally {
            reader.dispose();
        }
    }

    private void checkPixels(long width, long height) throws MediaRefused {
        if (width <= 0 || height <= 0) {
            throw new MediaRefused(422, UNREADABLE);
        }
        if (width * height > maxPixels) {
            // 413: the photo is readable but over a cap, like one over the size cap; a smaller copy is taken.
            throw new MediaRefused(413, "This photo is too big (" + megapixels(width * height)
                    + " megapixels); Small Wins takes photos of up to " + megapixels(maxPixels)
                    + " megapixels. Please send a smaller copy.");
        }
    }

    /** "10,000" or "0.12": whole megapixels from ten up, two significant digits below. */
    private static String megapixels(long pixels) {
        double megapixels = pixels / 1e6;
        return megapixels >= 10 ? String.format(Locale.ROOT, "%,d", Math.round(megapixels))
                : new BigDecimal(megapixels).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /**
     * heif-convert's PNG of a HEIC photo, after the photo's declared size has passed the pixel
     * cap (the PNG's own header is checked again when it is decoded).
     */
    private Path heifToPng(Path upload, Path workDir) throws MediaRefused, IOException {
        long[] size = Containers.heifLargestPicture(upload).orElseThrow(() -> new MediaRefused(422, UNREADABLE));
        checkPixels(size[0], size[1]);
        Path directory = Files.createTempDirectory(workDir, "heic-");
        Path png = directory.resolve("decoded.png");
        Programs.Run run;
        try {
            run = Programs.run(List.of(heifConvert, "--quiet", upload.toAbsolutePath().toString(), png.toString()),
                    directory, HEIF_CONVERT_TIME);
        } catch (Programs.Unavailable e) {
            LOG.errorf("heif-convert could not be started (smallwins.media.heif-convert=%s): HEIC photos are refused until it is installed",
                    heifConvert);
            throw new MediaRefused(415, NO_HEIC_TOOLS);
        } catch (Programs.TimedOut e) {
            LOG.warnf("heif-convert ran past %s on a photo and was stopped", HEIF_CONVERT_TIME);
            throw new MediaRefused(422, "This photo took too long to read. Please send it as a JPEG.");
        }
        if (!run.succeeded()) {
            LOG.debugf("heif-convert could not read a photo: %s", run.errors());
            throw new MediaRefused(422, UNREADABLE);
        }
        // A file of several top-level pictures is written as decoded-1.png, decoded-2.png...: the first is taken.
        for (Path candidate : List.of(png, directory.resolve("decoded-1.png"))) {
            if (Files.isRegularFile(candidate) && Files.size(candidate) > 0) {
                return candidate;
            }
        }
        throw new MediaRefused(422, UNREADABLE);
    }

    /**
     * The ImageIO reader for a type; TwelveMonkeys' readers (JPEG, WebP) come first where they
     * are registered. ImageIO finds plugins through the class loader it first saw: when a
     * reader is missing the class path is scanned once more.
     */
    private static ImageReader reader(String contentType) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
        if (!readers.hasNext()) {
            ImageIO.scanForPlugins();
            readers = ImageIO.getImageReadersByMIMEType(contentType);
        }
        if (!readers.hasNext()) {
            throw new IOException("no ImageIO reader for " + contentType);
        }
        return readers.next();
    }
}

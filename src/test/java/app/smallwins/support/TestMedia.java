package app.smallwins.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Photos and other files made in the test, as a phone or a hostile client would send them. */
public final class TestMedia {

    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    private TestMedia() {
    }

    /** A picture: a blue sky over green grass, so a thumbnail can be told right way up. */
    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 160, 230));
        g.fillRect(0, 0, width, height / 2);
        g.setColor(new Color(70, 170, 60));
        g.fillRect(0, height / 2, width, height - height / 2);
        g.dispose();
        return image;
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpg");
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The start of a PDF document: what a file picker hands over when the wrong file is chosen. */
    public static byte[] pdf() {
        return ("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> "
                + "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A few hundred bytes of PNG whose header claims a picture of this size (a decompression bomb). */
    public static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream header = new DataOutputStream(ihdr);
            header.writeInt(width);
            header.writeInt(height);
            header.write(new byte[] { 8, 2, 0, 0, 0 }); // 8-bit RGB
            chunk(out, "IHDR", ihdr.toByteArray());
            chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.write(pngChunk(type, data));
    }

    /** One PNG chunk: length, type, data and CRC. */
    public static byte[] pngChunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return java.nio.ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }

    public static byte[] noise(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /**
     * The photo with EXIF as a phone writes it, by Apache Commons Imaging: the place (GPS
     * latitude and longitude), the orientation (6: the camera was turned; show it turned 90°
     * clockwise), make and model, and the time taken.
     */
    public static byte[] withGpsAndOrientation(byte[] jpeg, double latitude, double longitude, int orientation) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(longitude, latitude);
            TiffOutputDirectory root = exif.getOrCreateRootDirectory();
            root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            root.add(TiffTagConstants.TIFF_TAG_MAKE, "Apple");
            root.add(TiffTagConstants.TIFF_TAG_MODEL, "iPhone 15");
            exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2026:11:30 08:15:00");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the JPEG carries an EXIF block. */
    public static boolean hasExif(byte[] jpeg) {
        return indexOf(jpeg, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)) >= 0;
    }

    /**
     * Whether the JPEG has an APP1 (EXIF, XMP) or APP13 (IPTC) segment, or any APPn but the
     * JFIF header and Adobe's colour marker; walks the segments up to the image data.
     */
    public static boolean hasMetadataSegments(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            return false; // not a JPEG (a PNG thumbnail is checked by its chunks elsewhere)
        }
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
            int marker = jpeg[at + 1] & 0xff;
            if (marker == 0xda) {
                return false; // start of scan: no more headers
            }
            int length = ((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff);
            if (marker == 0xe1 || marker == 0xed) {
                return true;
            }
            if (marker >= 0xe2 && marker <= 0xef && marker != 0xee) {
                return true; // ICC or maker data from the camera
            }
            at += 2 + length;
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A HEIC photo as an iPhone sends it, made by libheif's heif-enc (Debian's libheif-examples). */
    public static byte[] heic(int width, int height) {
        try {
            Path dir = Files.createTempDirectory("heic");
            Path png = dir.resolve("in.png");
            Path heic = dir.resolve("out.heic");
            Files.write(png, png(width, height));
            run(List.of("heif-enc", "-q", "80", "-o", heic.toString(), png.toString()));
            byte[] bytes = Files.readAllBytes(heic);
            Files.delete(png);
            Files.delete(heic);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 320×240 MP4 of the given seconds, by ffmpeg, with a location (the Eiffel Tower) in its metadata. */
    public static byte[] mp4WithLocation(int seconds) {
        try {
            Path dir = Files.createTempDirectory("video");
            Path mp4 = dir.resolve("clip.mp4");
            run(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=" + seconds + ":size=320x240:rate=15",
                    "-pix_fmt", "yuv420p", "-metadata", "location=+48.8584+002.2945/", "-metadata",
                    "com.apple.quicktime.location.ISO6709=+48.8584+002.2945/", "-movflags", "use_metadata_tags",
                    mp4.toString()));
            byte[] bytes = Files.readAllBytes(mp4);
            Files.delete(mp4);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

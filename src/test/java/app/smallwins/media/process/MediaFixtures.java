package app.smallwins.media.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;

import app.smallwins.common.SmallWinsConfig;
import app.smallwins.support.TestMedia;

/** Photos, videos and byte-level checks for the media processing tests; everything is made in the test. */
final class MediaFixtures {

    /** The Eiffel Tower: where the test family "lives". */
    static final double LATITUDE = 48.8584;
    static final double LONGITUDE = 2.2945;
    static final String ISO6709 = "+48.8584+002.2945/";

    private MediaFixtures() {
    }

    /** A processor with the settings these tests need, the rest of the configuration untouched. */
    static MediaProcessor processor(long maxImagePixels, String ffmpeg, String ffprobe, String heifConvert) {
        return processor(maxImagePixels, 2, ffmpeg, ffprobe, heifConvert);
    }

    static MediaProcessor processor(long maxImagePixels, int imageWorkers, String ffmpeg, String ffprobe, String heifConvert) {
        SmallWinsConfig.Media media = answering(SmallWinsConfig.Media.class, Map.of("maxImagePixels", maxImagePixels,
                "imageWorkers", imageWorkers, "ffmpeg", ffmpeg, "ffprobe", ffprobe, "heifConvert", heifConvert));
        return new MediaProcessor(answering(SmallWinsConfig.class, Map.of("media", media)));
    }

    static MediaProcessor processor() {
        return processor(50_000_000L, "ffmpeg", "ffprobe", "heif-convert");
    }

    private static <T> T answering(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
            }
            if (method.getName().equals("toString")) {
                return type.getSimpleName() + answers;
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not set in this test");
        }));
    }

    /**
     * A landscape picture as a camera stores it: blue, with a red square in the stored top-left
     * corner and a green one in the stored bottom-left, so any turn or mirror shows.
     */
    static BufferedImage marked(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 60, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 8, width / 8);
        g.setColor(Color.GREEN);
        g.fillRect(0, height - width / 8, width / 8, width / 8);
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "jpeg", out)) {
            fail("no JPEG writer");
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            fail("no PNG writer");
        }
        return out.toByteArray();
    }

    /** The JPEG with EXIF as a phone writes it (the place, orientation, make, model, time taken). */
    static byte[] withPhoneExif(byte[] jpeg, int orientation) {
        return TestMedia.withGpsAndOrientation(jpeg, LATITUDE, LONGITUDE, orientation);
    }

    /** The GPS latitude exactly as stored in the file's EXIF (three rationals). */
    static byte[] gpsLatitudeBytes(byte[] jpeg) throws Exception {
        JpegImageMetadata metadata = (JpegImageMetadata) Imaging.getMetadata(jpeg);
        return metadata.getExif().findField(GpsTagConstants.GPS_TAG_GPS_LATITUDE).getByteArrayValue();
    }

    /** An XMP packet (APP1) and an IPTC block (APP13), as photo apps add them, both naming the place. */
    static byte[] withXmpAndIptc(byte[] jpeg) {
        byte[] xmp = concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                ("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                        + "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='48,51.504N' "
                        + "exif:GPSLongitude='2,17.67E'/></rdf:RDF></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        // Photoshop image resource 0x0404 (IPTC-NAA) holding dataset 2:90, the city.
        byte[] city = "Paris".getBytes(StandardCharsets.ISO_8859_1);
        byte[] iptc = concat(new byte[] {0x1c, 2, 90, 0, (byte) city.length}, city);
        ByteBuffer resource = ByteBuffer.allocate(12 + iptc.length + (iptc.length & 1));
        resource.put("8BIM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 0x0404).putShort((short) 0)
                .putInt(iptc.length).put(iptc);
        byte[] photoshop = concat("Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1), resource.array());
        return concat(Arrays.copyOf(jpeg, 2), segment(0xE1, xmp), segment(0xED, photoshop),
                Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    /** The JPEG with an ICC profile (APP2) right after its start. */
    static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
        byte[] app2 = concat("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), new byte[] {1, 1}, profile);
        return concat(Arrays.copyOf(jpeg, 2), segment(0xE2, app2), Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }

    private static byte[] segment(int marker, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        return segment.array();
    }

    /** The JPEG's markers up to the start of its scan (SOS included). */
    static List<Integer> jpegMarkers(byte[] jpeg) {
        assertEquals(0xFFD8, ((jpeg[0] & 0xFF) << 8) | (jpeg[1] & 0xFF), "a JPEG starts with SOI");
        List<Integer> markers = new ArrayList<>();
        int p = 2;
        while (p + 4 <= jpeg.length) {
            if ((jpeg[p] & 0xFF) != 0xFF) {
                fail("no marker at byte " + p);
            }
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            p += 2 + (((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF));
        }
        return markers;
    }

    /** The PNG's chunk types, in order. */
    static List<String> pngChunks(byte[] png) {
        List<String> chunks = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.position(8);
        while (buffer.remaining() >= 12) {
            int length = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            chunks.add(new String(type, StandardCharsets.ISO_8859_1));
            buffer.position(buffer.position() + length + 4);
        }
        return chunks;
    }

    /** The PNG with these chunks inserted right after IHDR. */
    static byte[] withChunks(byte[] png, byte[]... chunks) {
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        byte[][] parts = new byte[chunks.length + 2][];
        parts[0] = Arrays.copyOf(png, afterHeader);
        System.arraycopy(chunks, 0, parts, 1, chunks.length);
        parts[parts.length - 1] = Arrays.copyOfRange(png, afterHeader, png.length);
        return concat(parts);
    }

    static byte[] pngChunk(String type, byte[] data) {
        return TestMedia.pngChunk(type, data);
    }

    /** A big-endian TIFF block with one tag in IFD0, Orientation: what a PNG's eXIf chunk holds. */
    static byte[] tiffWithOrientation(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8)
                .putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation)
                .putShort((short) 0).putInt(0);
        return tiff.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, needle.getBytes(StandardCharsets.ISO_8859_1));
    }

    static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            fail(file.getFileName() + " is not a picture ImageIO reads");
        }
        return image;
    }

    static boolean onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a program the test needs (ffmpeg, heif-enc), failing the test when it fails; its standard output. */
    static String run(Path directory, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(directory, "fixture-", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command[0] + " did not finish");
        }
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** Whether a pixel is close to a colour (JPEG moves colours a little). */
    static boolean near(int rgb, Color colour) {
        Color pixel = new Color(rgb);
        return Math.abs(pixel.getRed() - colour.getRed()) < 40 && Math.abs(pixel.getGreen() - colour.getGreen()) < 40
                && Math.abs(pixel.getBlue() - colour.getBlue()) < 40;
    }
}

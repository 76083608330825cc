package app.smallwins.media.process;

import static app.smallwins.media.process.MediaFixtures.contains;
import static app.smallwins.media.process.MediaFixtures.gpsLatitudeBytes;
import static app.smallwins.media.process.MediaFixtures.jpeg;
import static app.smallwins.media.process.MediaFixtures.jpegMarkers;
import static app.smallwins.media.process.MediaFixtures.marked;
import static app.smallwins.media.process.MediaFixtures.near;
import static app.smallwins.media.process.MediaFixtures.png;
import static app.smallwins.media.process.MediaFixtures.pngChunk;
import static app.smallwins.media.process.MediaFixtures.pngChunks;
import static app.smallwins.media.process.MediaFixtures.read;
import static app.smallwins.media.process.MediaFixtures.withChunks;
import static app.smallwins.media.process.MediaFixtures.withIccProfile;
import static app.smallwins.media.process.MediaFixtures.withPhoneExif;
import static app.smallwins.media.process.MediaFixtures.withXmpAndIptc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhotoProcessingTest {

    /** APPn markers but APP0 (JFIF), and COM: where EXIF, XMP, ICC, IPTC and comments live. */
    private static final Set<Integer> METADATA_MARKERS = Set.of(0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9,
            0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF, 0xFE);

    @TempDir
    Path dir;

    private final MediaProcessor processor = MediaFixtures.processor();
    private int uploads;

    @Test
    void aPhonePhotoLosesItsExifGpsXmpAndIptc() throws Exception {
        byte[] upload = withXmpAndIptc(withPhoneExif(jpeg(marked(400, 300, BufferedImage.TYPE_INT_RGB)), 1));
        byte[] latitude = gpsLatitudeBytes(upload);
        // The fixture carries what a phone writes, so its absence below means something.
        assertTrue(contains(upload, latitude));
        assertTrue(contains(upload, "Exif") && contains(upload, "ns.adobe.com/xap") && contains(upload, "Photoshop 3.0"));

        Processed processed = process(upload, "image/jpeg");

        assertEquals(MediaKind.IMAGE, processed.kind());
        assertEquals("image/jpeg", processed.contentType());
        assertEquals(Files.size(processed.original()), processed.size());
        assertEquals(400, processed.width());
        assertEquals(300, processed.height());
        assertNull(processed.durationSeconds());
        for (Path file : List.of(processed.original(), processed.small(), processed.medium())) {
            byte[] out = Files.readAllBytes(file);
            List<Integer> markers = jpegMarkers(out);
            assertTrue(markers.stream().noneMatch(METADATA_MARKERS::contains), file.getFileName() + " " + hex(markers));
            assertFalse(contains(out, latitude), "GPS latitude in " + file.getFileName());
            for (String trace : List.of("Exif", "http://ns.adobe.com/xap", "Photoshop 3.0", "8BIM", "Paris", "iPhone",
                    "Apple", "48,51", "2026:11:30")) {
                assertFalse(contains(out, trace), trace + " in " + file.getFileName());
            }
        }
    }

    @Test
    void aPhotoTakenWithThePhoneUprightComesOutUpright() throws Exception {
        Processed processed = process(withPhoneExif(jpeg(marked(400, 300, BufferedImage.TYPE_INT_RGB)), 6), "image/jpeg");

        assertEquals(300, processed.width());
        assertEquals(400, processed.height());
        BufferedImage original = read(processed.original());
        assertEquals(300, original.getWidth());
        assertEquals(400, original.getHeight());
        // Turned a quarter clockwise: the stored top-left (red) is now top-right, the stored bottom-left (green) top-left.
        assertTrue(near(original.getRGB(290, 10), Color.RED));
        assertTrue(near(original.getRGB(10, 10), Color.GREEN));
        BufferedImage small = read(processed.small());
        assertEquals(240, small.getWidth());
        assertEquals(320, small.getHeight());
        assertTrue(near(small.getRGB(232, 8), Color.RED));
    }

    /** Where the stored top-left (red) and bottom-left (green) corners end up for each EXIF orientation. */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({"1, 400, 300, TL, BL", "2, 400, 300, TR, BR", "3, 400, 300, BR, TR", "4, 400, 300, BL, TL",
            "5, 300, 400, TL, TR", "6, 300, 400, TR, TL", "7, 300, 400, BR, BL", "8, 300, 400, BL, BR"})
    void everyExifOrientationIsApplied(int orientation, int width, int height, String red, String green) throws Exception {
        Processed processed = process(withPhoneExif(jpeg(marked(400, 300, BufferedImage.TYPE_INT_RGB)), orientation),
                "image/jpeg");

        BufferedImage original = read(processed.original());
        assertEquals(width, original.getWidth());
        assertEquals(height, original.getHeight());
        assertTrue(near(corner(original, red), Color.RED), "red at " + red);
        assertTrue(near(corner(original, green), Color.GREEN), "green at " + green);
    }

    @Test
    void anIccProfileIsAppliedAndThenLeftOut() throws Exception {
        // Mid grey stored in linear RGB is a light grey (about 188) in sRGB; taken as sRGB it would stay 128.
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        byte[] upload = withIccProfile(jpeg(grey), ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());

        Processed processed = process(upload, "image/jpeg");

        byte[] out = Files.readAllBytes(processed.original());
        assertFalse(jpegMarkers(out).contains(0xE2));
        assertFalse(contains(out, "ICC_PROFILE"));
        int red = new Color(read(processed.original()).getRGB(32, 32)).getRed();
        assertTrue(red > 175 && red < 200, "linear mid grey in sRGB, not " + red);
    }

    @Test
    void aPngsIccProfileIsAppliedAndThenLeftOut() throws Exception {
        // The JDK's PNG reader ignores iCCP; the processor applies it (a Mac's screenshots are Display P3).
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        Deflater deflater = new Deflater();
        deflater.setInput(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
        deflater.finish();
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            profile.write(buffer, 0, deflater.deflate(buffer));
        }
        byte[] upload = withChunks(png(grey), pngChunk("iCCP",
                MediaFixtures.concat("Linear RGB\0\0".getBytes(StandardCharsets.ISO_8859_1), profile.toByteArray())));

        Processed processed = process(upload, "image/png");

        assertEquals(List.of("IHDR", "IDAT", "IEND"), pngChunks(Files.readAllBytes(processed.original())));
        int red = new Color(read(processed.original()).getRGB(32, 32)).getRed();
        assertTrue(red > 180 && red < 196, "linear mid grey in sRGB, not " + red);
    }

    @Test
    void aProgressiveJpegIsRead() throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(marked(200, 100, BufferedImage.TYPE_INT_RGB), null, null), param);
        }
        writer.dispose();
        assertTrue(jpegMarkers(bytes.toByteArray()).contains(0xC2), "the fixture is progressive (SOF2)");

        Processed processed = process(bytes.toByteArray(), "image/jpeg");

        assertEquals(200, processed.width());
        assertTrue(near(read(processed.original()).getRGB(5, 5), Color.RED));
    }

    @Test
    void aPngLosesItsTextAndExifChunksAndKeepsItsTransparency() throws Exception {
        BufferedImage picture = marked(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = picture.createGraphics();
        g.setComposite(AlphaComposite.Clear);
        g.fillRect(150, 100, 100, 100);
        g.dispose();
        byte[] upload = withChunks(png(picture),
                pngChunk("tEXt", "Comment\0Taken at home, 48.8584 2.2945".getBytes(StandardCharsets.ISO_8859_1)),
                pngChunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>exif:GPSLatitude='48,51.504N'</x:xmpmeta>"
                        .getBytes(StandardCharsets.UTF_8)),
                pngChunk("zTXt", zTxt("Author", "Ms Garcia's class")),
                pngChunk("eXIf", MediaFixtures.tiffWithOrientation(6)));

        Processed processed = process(upload, "image/png");

        assertEquals("image/png", processed.contentType());
        byte[] out = Files.readAllBytes(processed.original());
        assertTrue(Set.of("IHDR", "IDAT", "IEND").containsAll(pngChunks(out)), pngChunks(out).toString());
        assertFalse(contains(out, "48.8584") || contains(out, "xmpmeta"));
        // The eXIf orientation is applied before the chunk goes.
        assertEquals(300, processed.width());
        assertEquals(400, processed.height());
        BufferedImage original = read(processed.original());
        assertEquals(0, original.getRGB(150, 200) >>> 24, "the clear middle stays clear");
        assertTrue(near(original.getRGB(290, 10), Color.RED));
        // Thumbnails are JPEG: the clear middle is laid on white.
        BufferedImage medium = read(processed.medium());
        assertTrue(near(medium.getRGB(150, 200), Color.WHITE));
        assertFalse(jpegMarkers(Files.readAllBytes(processed.medium())).contains(0xE1));
    }

    @Test
    void anOpaquePngIsKeptAsPng() throws Exception {
        Processed processed = process(png(marked(120, 80, BufferedImage.TYPE_INT_RGB)), "image/png; charset=binary");

        assertEquals("image/png", processed.contentType());
        assertEquals(List.of("IHDR", "IDAT", "IEND"), pngChunks(Files.readAllBytes(processed.original())));
    }

    @Test
    void thumbnailsFitTheirBoxesAndAreNeverEnlarged() throws Exception {
        Processed big = process(jpeg(marked(3000, 2000, BufferedImage.TYPE_INT_RGB)), "image/jpeg");
        assertSize(big.original(), 3000, 2000);
        assertSize(big.medium(), 1024, 683);
        assertSize(big.small(), 320, 213);
        assertTrue(near(read(big.small()).getRGB(4, 4), Color.RED));

        Processed tall = process(jpeg(marked(500, 1500, BufferedImage.TYPE_INT_RGB)), "image/jpeg");
        assertSize(tall.medium(), 341, 1024);
        assertSize(tall.small(), 107, 320);

        Processed tiny = process(jpeg(marked(200, 100, BufferedImage.TYPE_INT_RGB)), "image/jpeg");
        assertSize(tiny.medium(), 200, 100);
        assertSize(tiny.small(), 200, 100);
    }

    @Test
    void thumbnailsAverageRatherThanSkipFineDetail() throws Exception {
        // One-pixel black and white stripes: nearest-neighbour scaling shows black or white, averaging shows grey.
        BufferedImage stripes = new BufferedImage(2048, 2048, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2048; y++) {
            for (int x = 0; x < 2048; x++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0x000000 : 0xFFFFFF);
            }
        }
        Processed processed = process(png(stripes), "image/png");

        int grey = new Color(read(processed.small()).getRGB(160, 160)).getGreen();
        assertTrue(grey > 100 && grey < 155, "an average, not " + grey);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws Exception {
        // 100,000 × 100,000 pixels declared in a file of a few dozen bytes: 40 GB once decoded.
        byte[] header = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put(new byte[] {8, 2, 0, 0, 0}).array();
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1000]);
        deflater.finish();
        byte[] compressed = new byte[100];
        int length = deflater.deflate(compressed);
        byte[] bomb = MediaFixtures.concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                pngChunk("IHDR", header), pngChunk("IDAT", Arrays.copyOf(compressed, length)),
                pngChunk("IEND", new byte[0]));

        long started = System.nanoTime();
        MediaRefused refused = assertThrows(MediaRefused.class, () -> process(bomb, "image/png"));

        assertEquals(413, refused.status());
        assertEquals("This photo is too big (10,000 megapixels); Small Wins takes photos of up to 50 megapixels. "
                + "Please send a smaller copy.", refused.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2000, "refused from the header");
    }

    @Test
    void aJpegDeclaringAHugePictureIsRefusedFromItsHeader() throws Exception {
        byte[] upload = jpeg(marked(64, 48, BufferedImage.TYPE_INT_RGB));
        int sof = sofOffset(upload);
        ByteBuffer.wrap(upload).putShort(sof + 5, (short) 60000).putShort(sof + 7, (short) 60000);

        assertEquals(413, assertThrows(MediaRefused.class, () -> process(upload, "image/jpeg")).status());
    }

    @Test
    void thePixelCapIsTheConfiguredOne() throws Exception {
        MediaProcessor strict = MediaFixtures.processor(100_000, "ffmpeg", "ffprobe", "heif-convert");
        Path upload = Files.write(dir.resolve("cap.jpg"), jpeg(marked(400, 300, BufferedImage.TYPE_INT_RGB)));

        MediaRefused refused = assertThrows(MediaRefused.class,
                () -> strict.process(upload, "image/jpeg", Files.createDirectory(dir.resolve("cap"))));
        assertEquals(413, refused.status());
        assertEquals("This photo is too big (0.12 megapixels); Small Wins takes photos of up to 0.1 megapixels. "
                + "Please send a smaller copy.", refused.getMessage());
    }

    @Test
    void anImageWorkerIsGivenBackWhateverHappens() throws Exception {
        // One worker: a permit kept by a refused or broken photo would make the next call wait for ever.
        MediaProcessor oneAtATime = MediaFixtures.processor(100_000, 1, "ffmpeg", "ffprobe", "heif-convert");
        Path tooBig = Files.write(dir.resolve("too-big.jpg"), jpeg(marked(400, 300, BufferedImage.TYPE_INT_RGB)));
        Path broken = Files.write(dir.resolve("broken.png"), Arrays.copyOf(png(marked(40, 30,
                BufferedImage.TYPE_INT_RGB)), 40));
        Path fine = Files.write(dir.resolve("fine.jpg"), jpeg(marked(100, 100, BufferedImage.TYPE_INT_RGB)));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 3; round++) {
                Path work = Files.createDirectory(dir.resolve("round-" + round));
                assertEquals(413, assertThrows(MediaRefused.class, () -> oneAtATime.process(tooBig, "image/jpeg", work)).status());
                assertEquals(422, assertThrows(MediaRefused.class, () -> oneAtATime.process(broken, "image/png", work)).status());
                assertEquals(100, oneAtATime.process(fine, "image/jpeg", work).width());
            }
            // Four at once through the one worker: each waits its turn.
            List<Future<Processed>> results = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int i = 0; i < 4; i++) {
                    Path work = Files.createDirectory(dir.resolve("together-" + i));
                    results.add(pool.submit(() -> oneAtATime.process(fine, "image/jpeg", work)));
                }
                for (Future<Processed> result : results) {
                    assertEquals(100, result.get().height());
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }

    @Test
    void aPdfDeclaredAsAJpegIsRefused() {
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        MediaRefused refused = assertThrows(MediaRefused.class, () -> process(pdf, "image/jpeg"));

        assertEquals(415, refused.status());
        assertEquals("This file is a PDF document, not a photo or video.", refused.getMessage());
    }

    @Test
    void aPngDeclaredAsAJpegIsRefused() {
        MediaRefused refused = assertThrows(MediaRefused.class,
                () -> process(png(marked(40, 30, BufferedImage.TYPE_INT_RGB)), "image/jpeg"));

        assertEquals(415, refused.status());
        assertEquals("The file says it is a JPEG photo, but its contents are a PNG image.", refused.getMessage());
    }

    @Test
    void aGifIsRefusedWithTheFormatsThatAreTaken() throws Exception {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(marked(40, 30, BufferedImage.TYPE_INT_RGB), "gif", gif);

        MediaRefused refused = assertThrows(MediaRefused.class, () -> process(gif.toByteArray(), "image/gif"));

        assertEquals(415, refused.status());
        assertEquals("This file is a GIF image. Small Wins takes photos as JPEG, PNG, WebP or HEIC.", refused.getMessage());
    }

    @Test
    void aPhotoDeclaredAsSomethingElseIsRefused() {
        MediaRefused refused = assertThrows(MediaRefused.class,
                () -> process(jpeg(marked(40, 30, BufferedImage.TYPE_INT_RGB)), "application/octet-stream"));

        assertEquals(415, refused.status());
    }

    @Test
    void aBrokenJpegIsUnreadable() {
        byte[] broken = MediaFixtures.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16},
                "JFIF\0".getBytes(StandardCharsets.ISO_8859_1), new byte[200]);

        MediaRefused refused = assertThrows(MediaRefused.class, () -> process(broken, "image/jpeg"));

        assertEquals(422, refused.status());
        assertEquals("This photo could not be read. It may be damaged or only partly uploaded: please try again.",
                refused.getMessage());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals(422, assertThrows(MediaRefused.class, () -> process(new byte[0], "image/jpeg")).status());
    }

    @Test
    void anOpaqueWebpBecomesAJpegAndATransparentOneAPng() throws Exception {
        Path opaque = webp("opaque", marked(400, 300, BufferedImage.TYPE_INT_RGB));
        Processed jpeg = processor.process(opaque, "image/webp", Files.createDirectory(dir.resolve("webp-opaque")));
        assertEquals("image/jpeg", jpeg.contentType());
        assertEquals(400, jpeg.width());
        assertTrue(near(read(jpeg.original()).getRGB(10, 10), Color.RED));

        BufferedImage clear = marked(400, 300, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = clear.createGraphics();
        g.setComposite(AlphaComposite.Clear);
        g.fillRect(150, 100, 100, 100);
        g.dispose();
        Processed png = processor.process(webp("clear", clear), "image/webp", Files.createDirectory(dir.resolve("webp-clear")));
        assertEquals("image/png", png.contentType());
        assertEquals(0, read(png.original()).getRGB(200, 150) >>> 24);
        assertTrue(near(read(png.medium()).getRGB(200, 150), Color.WHITE));
    }

    @Test
    void theDeclaredTypeNamesTheKind() {
        assertEquals(Optional.of(MediaKind.IMAGE), MediaProcessor.kindOf("image/jpeg"));
        assertEquals(Optional.of(MediaKind.IMAGE), MediaProcessor.kindOf("IMAGE/PNG; charset=binary"));
        assertEquals(Optional.of(MediaKind.IMAGE), MediaProcessor.kindOf("image/webp"));
        assertEquals(Optional.of(MediaKind.IMAGE), MediaProcessor.kindOf("image/heic"));
        assertEquals(Optional.of(MediaKind.IMAGE), MediaProcessor.kindOf("image/heif"));
        assertEquals(Optional.of(MediaKind.VIDEO), MediaProcessor.kindOf("video/mp4"));
        assertEquals(Optional.of(MediaKind.VIDEO), MediaProcessor.kindOf(" video/QuickTime ;codecs=hvc1"));
        assertEquals(Optional.empty(), MediaProcessor.kindOf("image/gif"));
        assertEquals(Optional.empty(), MediaProcessor.kindOf("video/webm"));
        assertEquals(Optional.empty(), MediaProcessor.kindOf("application/pdf"));
        assertEquals(Optional.empty(), MediaProcessor.kindOf(""));
        assertEquals(Optional.empty(), MediaProcessor.kindOf(null));
    }

    private Processed process(byte[] upload, String declaredType) throws Exception {
        int n = ++uploads;
        Path file = Files.write(dir.resolve("upload-" + n), upload);
        return processor.process(file, declaredType, Files.createDirectory(dir.resolve("work-" + n)));
    }

    /** A WebP made by ffmpeg's libwebp from the picture (lossless, so transparency is exact). */
    private Path webp(String name, BufferedImage picture) throws Exception {
        Path source = Files.write(dir.resolve(name + ".png"), png(picture));
        Path webp = dir.resolve(name + ".webp");
        MediaFixtures.run(dir, "ffmpeg", "-v", "error", "-nostdin", "-i", source.toString(), "-c:v", "libwebp",
                "-lossless", "1", "-y", webp.toString());
        return webp;
    }

    private static byte[] zTxt(String keyword, String text) {
        Deflater deflater = new Deflater();
        deflater.setInput(text.getBytes(StandardCharsets.ISO_8859_1));
        deflater.finish();
        byte[] compressed = new byte[256];
        int length = deflater.deflate(compressed);
        return MediaFixtures.concat((keyword + "\0\0").getBytes(StandardCharsets.ISO_8859_1),
                Arrays.copyOf(compressed, length));
    }

    private static int sofOffset(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                return i;
            }
        }
        throw new AssertionError("no SOF0");
    }

    private static int corner(BufferedImage image, String corner) {
        int x = corner.endsWith("L") ? 10 : image.getWidth() - 11;
        int y = corner.startsWith("T") ? 10 : image.getHeight() - 11;
        return image.getRGB(x, y);
    }

    private static void assertSize(Path file, int width, int height) throws Exception {
        BufferedImage image = read(file);
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight(), file.getFileName().toString());
    }

    private static String hex(List<Integer> markers) {
        return markers.stream().map(Integer::toHexString).toList().toString();
    }
}

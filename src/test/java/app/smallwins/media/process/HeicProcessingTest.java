package app.smallwins.media.process;

import static app.smallwins.media.process.MediaFixtures.contains;
import static app.smallwins.media.process.MediaFixtures.jpegMarkers;
import static app.smallwins.media.process.MediaFixtures.marked;
import static app.smallwins.media.process.MediaFixtures.near;
import static app.smallwins.media.process.MediaFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEIC photos, made here by libheif's heif-enc (Debian's libheif-examples, which CI installs). */
class HeicProcessingTest {

    @TempDir
    Path dir;

    private final MediaProcessor processor = MediaFixtures.processor();
    private int uploads;

    @BeforeAll
    static void heifEncIsInstalled() {
        assumeTrue(MediaFixtures.onPath("heif-enc"), "heif-enc (Debian package libheif-examples) is not installed");
    }

    @Test
    void aHeicPhotoIsKeptAsAPlainJpeg() throws Exception {
        byte[] heic = heic("plain.png", MediaFixtures.png(marked(400, 300, BufferedImage.TYPE_INT_RGB)));

        Processed processed = process(heic, "image/heic");

        assertEquals(MediaKind.IMAGE, processed.kind());
        assertEquals("image/jpeg", processed.contentType());
        assertEquals(400, processed.width());
        assertEquals(300, processed.height());
        byte[] out = Files.readAllBytes(processed.original());
        assertTrue(jpegMarkers(out).stream().noneMatch(marker -> marker >= 0xE1 && marker <= 0xEF));
        BufferedImage original = read(processed.original());
        assertTrue(near(original.getRGB(10, 10), Color.RED));
        assertTrue(near(original.getRGB(10, 290), Color.GREEN));
        assertEquals(320, read(processed.small()).getWidth());
        assertEquals(240, read(processed.small()).getHeight());
        assertEquals(400, read(processed.medium()).getWidth());
    }

    @Test
    void heifIsTakenAsHeic() throws Exception {
        byte[] heic = heic("heif.png", MediaFixtures.png(marked(64, 48, BufferedImage.TYPE_INT_RGB)));

        assertEquals("image/jpeg", process(heic, "image/heif").contentType());
    }

    @Test
    void aHeicPhotosExifIsDroppedAndItsOrientationLeftToTheHeifRotation() throws Exception {
        // heif-enc copies a JPEG's EXIF (GPS, Orientation 6) into the HEIC but writes no rotation box:
        // in HEIF the irot box rules and EXIF's orientation is only a note, so the picture stays as stored.
        byte[] jpeg = MediaFixtures.withPhoneExif(MediaFixtures.jpeg(marked(400, 300, BufferedImage.TYPE_INT_RGB)), 6);
        byte[] latitude = MediaFixtures.gpsLatitudeBytes(jpeg);
        byte[] heic = heic("exif.jpg", jpeg);
        assertTrue(contains(heic, latitude), "the fixture carries the GPS tags");

        Processed processed = process(heic, "image/heic");

        assertEquals(400, processed.width());
        assertEquals(300, processed.height());
        for (Path file : List.of(processed.original(), processed.small(), processed.medium())) {
            byte[] out = Files.readAllBytes(file);
            assertFalse(contains(out, latitude), "GPS latitude in " + file.getFileName());
            assertFalse(contains(out, "Exif") || contains(out, "iPhone"), file.getFileName().toString());
        }
    }

    @Test
    void aHeicPhotosRotationBoxIsApplied() throws Exception {
        byte[] heic = heic("turned.png", MediaFixtures.png(marked(400, 300, BufferedImage.TYPE_INT_RGB)));
        // irot 3: three quarter turns anticlockwise, as an iPhone held upright records.
        byte[] turned = withRotation(heic, 3);

        Processed processed = process(turned, "image/heic");

        assertEquals(300, processed.width());
        assertEquals(400, processed.height());
        BufferedImage original = read(processed.original());
        assertTrue(near(original.getRGB(290, 10), Color.RED));
        assertTrue(near(original.getRGB(10, 10), Color.GREEN));
    }

    @Test
    void aHeicDeclaringAHugePictureIsRefusedBeforeItIsDecoded() throws Exception {
        byte[] heic = heic("bomb.png", MediaFixtures.png(marked(64, 48, BufferedImage.TYPE_INT_RGB)));
        int ispe = indexOf(heic, "ispe");
        ByteBuffer.wrap(heic).putInt(ispe + 8, 100_000).putInt(ispe + 12, 100_000);
        // With no heif-convert, 413 rather than 415 shows the size was refused before anything ran.
        MediaProcessor withoutHeifConvert = MediaFixtures.processor(50_000_000L, "ffmpeg", "ffprobe", "/nonexistent/heif-convert");
        Path upload = Files.write(dir.resolve("bomb.heic"), heic);

        MediaRefused refused = assertThrows(MediaRefused.class,
                () -> withoutHeifConvert.process(upload, "image/heic", Files.createDirectory(dir.resolve("bomb"))));

        assertEquals(413, refused.status());
    }

    @Test
    void withoutHeifConvertHeicIsRefusedInPlainWords() throws Exception {
        byte[] heic = heic("missing.png", MediaFixtures.png(marked(64, 48, BufferedImage.TYPE_INT_RGB)));
        MediaProcessor withoutHeifConvert = MediaFixtures.processor(50_000_000L, "ffmpeg", "ffprobe", "/nonexistent/heif-convert");
        Path upload = Files.write(dir.resolve("missing.heic"), heic);

        MediaRefused refused = assertThrows(MediaRefused.class,
                () -> withoutHeifConvert.process(upload, "image/heic", Files.createDirectory(dir.resolve("missing"))));

        assertEquals(415, refused.status());
        assertTrue(refused.getMessage().startsWith("This server cannot take HEIC photos yet: "), refused.getMessage());
        assertFalse(refused.getMessage().contains("/nonexistent"));
    }

    @Test
    void aHeicDeclaredAsAJpegIsRefused() throws Exception {
        byte[] heic = heic("declared.png", MediaFixtures.png(marked(64, 48, BufferedImage.TYPE_INT_RGB)));

        MediaRefused refused = assertThrows(MediaRefused.class, () -> process(heic, "image/jpeg"));

        assertEquals(415, refused.status());
        assertEquals("The file says it is a JPEG photo, but its contents are a HEIC photo.", refused.getMessage());
    }

    private Processed process(byte[] upload, String declaredType) throws Exception {
        int n = ++uploads;
        Path file = Files.write(dir.resolve("upload-" + n), upload);
        return processor.process(file, declaredType, Files.createDirectory(dir.resolve("work-" + n)));
    }

    private byte[] heic(String sourceName, byte[] source) throws Exception {
        Path input = Files.write(dir.resolve(sourceName), source);
        Path output = dir.resolve(sourceName + ".heic");
        MediaFixtures.run(dir, "heif-enc", "-q", "90", input.toString(), "-o", output.toString());
        return Files.readAllBytes(output);
    }

    private static int indexOf(byte[] bytes, String fourCc) {
        byte[] needle = fourCc.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + 4, needle, 0, 4)) {
                return i;
            }
        }
        throw new AssertionError("no " + fourCc + " box");
    }

    // --- A rotation box added to heif-enc's file, as a phone writes it -------------------------------

    private record Box(int start, int size, String type) {
        int end() {
            return start + size;
        }
    }

    private static List<Box> boxes(byte[] bytes, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        for (int p = from; p + 8 <= to; ) {
            int size = buffer.getInt(p);
            boxes.add(new Box(p, size, new String(bytes, p + 4, 4, StandardCharsets.ISO_8859_1)));
            p += size;
        }
        return boxes;
    }

    private static Box find(List<Box> boxes, String type) {
        return boxes.stream().filter(box -> box.type().equals(type)).findFirst().orElseThrow();
    }

    /**
     * The HEIC with an irot property ({@code quarterTurns} × 90° anticlockwise) given to its
     * primary picture: the box goes into ipco, its association into ipma, every enclosing box
     * grows, and iloc's offsets into mdat (after meta) move by the growth.
     */
    static byte[] withRotation(byte[] heic, int quarterTurns) {
        byte[] d = heic.clone();
        ByteBuffer buffer = ByteBuffer.wrap(d);
        Box meta = find(boxes(d, 0, d.length), "meta");
        List<Box> inner = boxes(d, meta.start() + 12, meta.end());
        Box iprp = find(inner, "iprp");
        Box iloc = find(inner, "iloc");
        int primary = Short.toUnsignedInt(buffer.getShort(find(inner, "pitm").start() + 12));
        List<Box> properties = boxes(d, iprp.start() + 8, iprp.end());
        Box ipco = find(properties, "ipco");
        Box ipma = find(properties, "ipma");
        int propertyCount = boxes(d, ipco.start() + 8, ipco.end()).size();

        byte[] newIpco = MediaFixtures.concat(Arrays.copyOfRange(d, ipco.start(), ipco.end()),
                new byte[] {0, 0, 0, 9, 'i', 'r', 'o', 't', (byte) quarterTurns});
        ByteBuffer.wrap(newIpco).putInt(0, newIpco.length);

        assertEquals(0, d[ipma.start() + 8], "ipma version 0");
        assertEquals(0, d[ipma.start() + 11] & 1, "one-byte associations");
        ByteArrayOutputStream ipmaOut = new ByteArrayOutputStream();
        ipmaOut.write(d, ipma.start(), 16);
        int entries = buffer.getInt(ipma.start() + 12);
        int p = ipma.start() + 16;
        for (int i = 0; i < entries; i++) {
            int item = Short.toUnsignedInt(buffer.getShort(p));
            int count = d[p + 2] & 0xFF;
            byte[] associations = Arrays.copyOfRange(d, p + 3, p + 3 + count);
            p += 3 + count;
            if (item == primary) {
                associations = MediaFixtures.concat(associations, new byte[] {(byte) (0x80 | (propertyCount + 1))});
            }
            ipmaOut.write(item >> 8);
            ipmaOut.write(item);
            ipmaOut.write(associations.length);
            ipmaOut.writeBytes(associations);
        }
        byte[] newIpma = ipmaOut.toByteArray();
        ByteBuffer.wrap(newIpma).putInt(0, newIpma.length);

        ByteArrayOutputStream iprpOut = new ByteArrayOutputStream();
        iprpOut.writeBytes(new byte[] {0, 0, 0, 0, 'i', 'p', 'r', 'p'});
        for (Box box : properties) {
            iprpOut.writeBytes(box == ipco ? newIpco : box == ipma ? newIpma : Arrays.copyOfRange(d, box.start(), box.end()));
        }
        byte[] newIprp = iprpOut.toByteArray();
        ByteBuffer.wrap(newIprp).putInt(0, newIprp.length);
        int growth = newIprp.length - iprp.size();

        shiftIlocOffsets(d, iloc, growth);

        ByteArrayOutputStream metaOut = new ByteArrayOutputStream();
        metaOut.write(d, meta.start(), 12);
        for (Box box : inner) {
            metaOut.writeBytes(box == iprp ? newIprp : Arrays.copyOfRange(d, box.start(), box.end()));
        }
        byte[] newMeta = metaOut.toByteArray();
        ByteBuffer.wrap(newMeta).putInt(0, newMeta.length);

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Box box : boxes(d, 0, d.length)) {
            file.writeBytes(box.type().equals("meta") ? newMeta : Arrays.copyOfRange(d, box.start(), box.end()));
        }
        return file.toByteArray();
    }

    /** Moves iloc's file offsets (the base offset where there is one, else each extent's) by {@code growth}. */
    private static void shiftIlocOffsets(byte[] d, Box iloc, int growth) {
        int version = d[iloc.start() + 8];
        int p = iloc.start() + 12;
        int offsetSize = (d[p] & 0xFF) >> 4;
        int lengthSize = d[p] & 0x0F;
        int baseOffsetSize = (d[p + 1] & 0xFF) >> 4;
        int indexSize = version >= 1 ? d[p + 1] & 0x0F : 0;
        p += 2;
        long items = version < 2 ? number(d, p, 2) : number(d, p, 4);
        p += version < 2 ? 2 : 4;
        for (long i = 0; i < items; i++) {
            p += version < 2 ? 2 : 4; // item id
            p += version >= 1 ? 2 : 0; // construction method
            p += 2; // data reference index
            long base = number(d, p, baseOffsetSize);
            if (base != 0) {
                putNumber(d, p, baseOffsetSize, base + growth);
            }
            p += baseOffsetSize;
            long extents = number(d, p, 2);
            p += 2;
            for (long e = 0; e < extents; e++) {
                p += indexSize;
                if (base == 0) {
                    putNumber(d, p, offsetSize, number(d, p, offsetSize) + growth);
                }
                p += offsetSize + lengthSize;
            }
        }
    }

    private static long number(byte[] d, int at, int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = value << 8 | d[at + i] & 0xFF;
        }
        return value;
    }

    private static void putNumber(byte[] d, int at, int size, long value) {
        for (int i = size - 1; i >= 0; i--) {
            d[at + i] = (byte) value;
            value >>= 8;
        }
    }
}

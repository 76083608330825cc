package app.smallwins.media.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.smallwins.media.store.MediaStore.StoredObject;

/**
 * What every {@link MediaStore} does, the same for the disk and for S3: a subclass gives a
 * fresh, empty store per test.
 */
abstract class MediaStoreContract {

    private static final byte[] TEXT = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    private static final String KEY = "child-1/media-1/original";

    @TempDir
    Path work;

    MediaStore store;

    /** A fresh, empty store; {@code work} is the test's own directory. */
    abstract MediaStore newStore(Path work) throws IOException;

    @BeforeEach
    void openStore() throws IOException {
        store = newStore(work);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    void whatIsPutIsOpenedWhole() throws IOException {
        put(KEY, TEXT);

        assertArrayEquals(TEXT, read(KEY, 0, -1));
    }

    @Test
    void aRangeFromTheStart() throws IOException {
        put(KEY, TEXT);

        assertEquals("01234", readText(KEY, 0, 5));
    }

    @Test
    void aRangeInTheMiddle() throws IOException {
        put(KEY, TEXT);

        assertEquals("789a", readText(KEY, 7, 4));
    }

    @Test
    void aRangeToTheEnd() throws IOException {
        put(KEY, TEXT);

        assertEquals("fghij", readText(KEY, 15, -1));
        assertEquals("j", readText(KEY, 19, -1));
    }

    @Test
    void aRangeReachingPastTheEndStopsAtTheEnd() throws IOException {
        put(KEY, TEXT);

        assertEquals("ghij", readText(KEY, 16, 100));
        assertEquals("0123456789abcdefghij", readText(KEY, 0, Long.MAX_VALUE));
    }

    @Test
    void aRangeStartingAtOrPastTheEndGivesNothing() throws IOException {
        put(KEY, TEXT);

        assertEquals("", readText(KEY, 20, -1));
        assertEquals("", readText(KEY, 20, 5));
        assertEquals("", readText(KEY, 1_000, -1));
        assertEquals("", readText(KEY, 1_000, 5));
    }

    @Test
    void anEmptyRangeGivesNothingButNeedsTheObject() throws IOException {
        put(KEY, TEXT);

        assertEquals("", readText(KEY, 3, 0));
        assertThrows(NoSuchFileException.class, () -> store.open("child-1/media-2/original", 0, 0));
    }

    @Test
    void anEmptyObjectIsKeptAndOpened() throws IOException {
        put(KEY, new byte[0]);

        assertArrayEquals(new byte[0], read(KEY, 0, -1));
        assertArrayEquals(new byte[0], read(KEY, 0, 10));
        assertEquals(Map.of(KEY, 0L), sizes(""));
    }

    @Test
    void aNegativeStartIsRefused() throws IOException {
        put(KEY, TEXT);

        assertThrows(IllegalArgumentException.class, () -> store.open(KEY, -1, 5));
    }

    @Test
    void putReplacesTheObject() throws IOException {
        put(KEY, TEXT);
        put(KEY, bytes("new"));

        assertEquals("new", readText(KEY, 0, -1));
        assertEquals(Map.of(KEY, 3L), sizes(""));
    }

    @Test
    void aDeletedObjectIsGone() throws IOException {
        put(KEY, TEXT);

        store.delete(KEY);

        assertThrows(NoSuchFileException.class, () -> store.open(KEY, 0, -1));
        assertThrows(NoSuchFileException.class, () -> store.open(KEY, 2, 3));
        assertEquals(Map.of(), sizes(""));
    }

    @Test
    void deletingAnAbsentObjectIsFine() throws IOException {
        store.delete(KEY);
        store.delete("child-9/nothing/here");
    }

    @Test
    void deletingOneObjectLeavesItsNeighbours() throws IOException {
        put("child-1/media-1/original", TEXT);
        put("child-1/media-1/thumbnail", bytes("thumb"));

        store.delete("child-1/media-1/original");

        assertEquals(Map.of("child-1/media-1/thumbnail", 5L), sizes(""));
        assertEquals("thumb", readText("child-1/media-1/thumbnail", 0, -1));
    }

    @Test
    void anAbsentObjectCannotBeOpened() {
        NoSuchFileException absent = assertThrows(NoSuchFileException.class, () -> store.open("child-1/none/original", 0, -1));
        assertEquals("child-1/none/original", absent.getFile());
        assertThrows(NoSuchFileException.class, () -> store.open("child-1/none/original", 5, 10));
    }

    @Test
    void listGivesTheObjectsUnderAPrefixWithTheirSizes() throws IOException {
        Instant before = Instant.now();
        put("c1/m1/original", bytes("0123456789"));
        put("c1/m1/thumbnail", bytes("abc"));
        put("c1/m2/original", bytes("01234"));
        put("c2/m3/original", bytes("0123456"));
        put("c10/m4/original", bytes("0"));
        Instant after = Instant.now();

        assertEquals(Map.of("c1/m1/original", 10L, "c1/m1/thumbnail", 3L, "c1/m2/original", 5L), sizes("c1/"));
        assertEquals(Map.of("c1/m1/original", 10L, "c1/m1/thumbnail", 3L), sizes("c1/m1/"));
        assertEquals(Map.of("c1/m1/thumbnail", 3L), sizes("c1/m1/th"));
        // A prefix is where keys start, not a folder: "c1" takes in "c10" too.
        assertEquals(Map.of("c1/m1/original", 10L, "c1/m1/thumbnail", 3L, "c1/m2/original", 5L, "c10/m4/original", 1L),
                sizes("c1"));
        assertEquals(5, sizes("").size());
        assertEquals(Map.of(), sizes("c3/"));

        for (StoredObject object : list("")) {
            // S3 keeps whole seconds; a file system may round to them too.
            assertTrue(!object.storedAt().isBefore(before.minusSeconds(2)) && !object.storedAt().isAfter(after.plusSeconds(2)),
                    object + " stored between " + before + " and " + after);
        }
    }

    @Test
    void objectsCanBeDeletedAsTheyAreListed() throws IOException {
        for (int child = 0; child < 3; child++) {
            for (int media = 0; media < 3; media++) {
                put("c" + child + "/m" + media + "/original", TEXT);
            }
        }
        List<String> seen = new ArrayList<>();

        // The clean-up does this with objects that have no record.
        store.list("", object -> {
            seen.add(object.key());
            try {
                store.delete(object.key());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });

        assertEquals(9, seen.size());
        assertEquals(Map.of(), sizes(""));
    }

    @Test
    void aLargeObjectStreamsThroughWithoutBeingHeldInMemory() throws IOException {
        long size = 30L * 1024 * 1024 + 7;
        Path file = work.resolve("large.bin");
        String digest = writeRandom(file, size);

        long putLargest = largestAllocationDuring(() -> store.put(KEY, file, "video/mp4"));
        String[] read = new String[1];
        long openLargest = largestAllocationDuring(() -> {
            try (InputStream in = store.open(KEY, 0, -1)) {
                read[0] = sha256(in);
            }
        });

        assertEquals(digest, read[0]);
        assertEquals(Map.of(KEY, size), sizes(""));
        // Held in memory, the object would be one array of its size (or, growing, of half of it and more).
        assertTrue(putLargest < size / 8, "put allocated an object of " + putLargest + " bytes");
        assertTrue(openLargest < size / 8, "open and read allocated an object of " + openLargest + " bytes");

        long first = 13L * 1024 * 1024 + 3;
        long length = 10L * 1024 * 1024;
        try (InputStream whole = Files.newInputStream(file); InputStream range = store.open(KEY, first, length)) {
            whole.skipNBytes(first);
            assertEquals(sha256(new LimitedStream(whole, length)), sha256(range));
        }
    }

    @Test
    void keysThatCouldLeaveTheStoreAreRefused() {
        for (String key : List.of("../outside", "child-1/../../outside", "child-1/..", "..", "/etc/passwd", "a//b", "a/./b",
                "./a", "a/", "", "a\\b", "a b", "a/b\nc", "child-1/.../x/..")) {
            assertThrows(IllegalArgumentException.class, () -> store.put(key, source(TEXT), "image/jpeg"), key);
            assertThrows(IllegalArgumentException.class, () -> store.open(key, 0, -1), key);
            assertThrows(IllegalArgumentException.class, () -> store.delete(key), key);
        }
        for (String prefix : List.of("../", "..", "a/../", "/", "/a", "a//")) {
            assertThrows(IllegalArgumentException.class, () -> store.list(prefix, object -> {
            }), prefix);
        }
        assertThrows(IllegalArgumentException.class, () -> store.put(null, source(TEXT), "image/jpeg"));
    }

    @Test
    void keysOfEveryAllowedCharacterWork() throws IOException {
        String key = "AZaz09._-/x.y/z_-.";
        put(key, TEXT);

        assertArrayEquals(TEXT, read(key, 0, -1));
        assertEquals(Map.of(key, 20L), sizes("AZ"));
    }

    // --- helpers

    void put(String key, byte[] content) throws IOException {
        store.put(key, source(content), "application/octet-stream");
    }

    Path source(byte[] content) throws IOException {
        Path sources = Files.createDirectories(work.resolve("sources"));
        return Files.write(Files.createTempFile(sources, "source", ".bin"), content);
    }

    byte[] read(String key, long first, long length) throws IOException {
        try (InputStream in = store.open(key, first, length)) {
            return in.readAllBytes();
        }
    }

    String readText(String key, long first, long length) throws IOException {
        return new String(read(key, first, length), StandardCharsets.US_ASCII);
    }

    List<StoredObject> list(String prefix) throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        store.list(prefix, objects::add);
        return objects;
    }

    Map<String, Long> sizes(String prefix) throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        for (StoredObject object : list(prefix)) {
            sizes.put(object.key(), object.size());
        }
        return sizes;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Random bytes into the file, 64 KiB at a time; their SHA-256. */
    private static String writeRandom(Path file, long size) throws IOException {
        MessageDigest digest = sha256();
        Random random = new Random(42);
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                int n = (int) Math.min(chunk.length, left);
                out.write(chunk, 0, n);
                digest.update(chunk, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0;) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Step {
        void run() throws IOException;
    }

    /** The largest single object the current thread allocated while the step ran, as the JVM's flight recorder saw. */
    private long largestAllocationDuring(Step step) throws IOException {
        long thread = Thread.currentThread().getId();
        Path dump = work.resolve("allocations.jfr");
        try (Recording recording = new Recording()) {
            // Every object too big for the thread's allocation buffer, and the first in each new buffer.
            recording.enable("jdk.ObjectAllocationOutsideTLAB");
            recording.enable("jdk.ObjectAllocationInNewTLAB");
            recording.start();
            step.run();
            recording.stop();
            recording.dump(dump);
        }
        long largest = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
            if (event.getThread() != null && event.getThread().getJavaThreadId() == thread) {
                largest = Math.max(largest, event.getLong("allocationSize"));
            }
        }
        return largest;
    }

    /** At most {@code length} bytes of a stream (the expected side of a range). */
    private static final class LimitedStream extends InputStream {
        private final InputStream in;
        private long left;

        LimitedStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}

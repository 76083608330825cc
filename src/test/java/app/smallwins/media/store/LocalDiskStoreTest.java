package app.smallwins.media.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The contract on a directory, and what only a directory can show. */
class LocalDiskStoreTest extends MediaStoreContract {

    private Path root;

    @Override
    MediaStore newStore(Path work) throws IOException {
        // Not there yet: the store makes it.
        root = work.resolve("media/store");
        return new LocalDiskStore(root);
    }

    @Test
    void theDirectoryIsMadeWhenMissing() {
        assertTrue(Files.isDirectory(root));
    }

    @Test
    void objectsAreFilesUnderTheirKeys() throws IOException {
        put("child-1/media-1/original", bytes("photo"));

        assertEquals("photo", Files.readString(root.resolve("child-1/media-1/original")));
        assertEquals(List.of(root.resolve("child-1/media-1/original")), files());
    }

    @Test
    void deletingTheLastObjectOfAFolderRemovesTheEmptiedFoldersButNotTheRoot() throws IOException {
        put("child-1/media-1/original", bytes("photo"));
        put("child-1/media-2/original", bytes("photo"));

        store.delete("child-1/media-1/original");
        assertFalse(Files.exists(root.resolve("child-1/media-1")));
        assertTrue(Files.isDirectory(root.resolve("child-1/media-2")));

        store.delete("child-1/media-2/original");
        assertFalse(Files.exists(root.resolve("child-1")));
        assertTrue(Files.isDirectory(root));
    }

    @Test
    void aReaderKeepsTheObjectItOpenedWhileItIsReplaced() throws IOException {
        put("child-1/media-1/original", bytes("the first version"));

        try (InputStream reader = store.open("child-1/media-1/original", 0, -1)) {
            assertEquals("the ", new String(reader.readNBytes(4)));
            put("child-1/media-1/original", bytes("a second, longer version"));
            assertEquals("first version", new String(reader.readAllBytes()));
        }
        assertEquals("a second, longer version", readText("child-1/media-1/original", 0, -1));
    }

    @Test
    void filesBeingWrittenAreNotListedNorLeftBehind() throws IOException {
        put("child-1/media-1/original", bytes("photo"));
        // What a put in progress (or one cut short by a crash) looks like.
        Files.writeString(root.resolve("child-1/media-1/thumbnail~12345.part"), "half a th");

        assertEquals(Map.of("child-1/media-1/original", 5L), sizes(""));
        Files.delete(root.resolve("child-1/media-1/thumbnail~12345.part"));
        put("child-1/media-1/thumbnail", bytes("thumb"));
        assertEquals(List.of(root.resolve("child-1/media-1/original"), root.resolve("child-1/media-1/thumbnail")), files());
    }

    @Test
    void aKeyNamingAFolderIsNoObject() throws IOException {
        put("child-1/media-1/original", bytes("photo"));

        assertThrows(NoSuchFileException.class, () -> store.open("child-1/media-1", 0, -1));
        store.delete("child-1/media-1");
        assertEquals(Map.of("child-1/media-1/original", 5L), sizes(""));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}

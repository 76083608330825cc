package app.smallwins.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the bytes of photos and videos live: a directory on the local disk or an
 * S3-compatible object store, chosen by {@code smallwins.media.store}. Keys are relative,
 * slash-separated names made by the application ({@code <childId>/<mediaId>/original});
 * nothing a client sends becomes a key.
 *
 * <p>A database row is written only after its objects are stored; an object left without
 * a row (a node died in between) is found by {@link #list} and removed by the clean-up.
 */
public interface MediaStore {

    /** Stores the file's bytes under the key, replacing any object there. */
    void put(String key, Path file, String contentType) throws IOException;

    /**
     * The bytes of the object from {@code first} on, {@code length} of them (or to its end
     * when {@code length} is negative). The caller closes the stream. As with a file, a range
     * reaching past the end gives the bytes up to the end, and one starting at or past the end
     * gives none.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such object
     */
    InputStream open(String key, long first, long length) throws IOException;

    /** Removes the object; an absent one is not an error. */
    void delete(String key) throws IOException;

    /** Every object whose key starts with the prefix ("" for all), in no particular order. */
    void list(String prefix, Consumer<StoredObject> each) throws IOException;

    /** What the store knows of one object. */
    record StoredObject(String key, long size, Instant storedAt) {
    }
}

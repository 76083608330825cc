package app.smallwins.media.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * Objects as files under one directory, a key's segments as its subdirectories. A file
 * appears whole or not at all: it is written beside its place under a name no key can have
 * (with a {@code ~}), flushed to the disk, then renamed into place. A key cannot be both an
 * object and the start of other keys ({@code a} and {@code a/b}); the application's keys
 * ({@code <childId>/<mediaId>/original}) never are.
 */
public final class LocalDiskStore implements MediaStore {

    /** In the names of files being written, never in a key. */
    private static final String IN_PROGRESS = "~";

    private final Path root;

    /** The store in this directory, created when missing. */
    public LocalDiskStore(Path directory) throws IOException {
        Files.createDirectories(directory);
        this.root = directory.toRealPath();
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        Path target = resolve(key);
        Path partial = createPartial(target);
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key, long first, long length) throws IOException {
        Path path = resolve(key);
        if (first < 0) {
            throw new IllegalArgumentException("a range starts at 0 or later, not " + first);
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(key);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(key);
        }
        try {
            // Past the end, the channel reads as at its end: no bytes.
            channel.position(first);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        InputStream stream = Channels.newInputStream(channel);
        return length < 0 ? stream : new Bounded(stream, length);
    }

    @Override
    public void delete(String key) throws IOException {
        Path path = resolve(key);
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.deleteIfExists(path)) {
            return;
        }
        // Directories emptied by the removal go too, or a store of erased media would keep every child's folder.
        for (Path directory = path.getParent(); !directory.equals(root); directory = directory.getParent()) {
            try {
                Files.delete(directory);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
        }
    }

    @Override
    public void list(String prefix, Consumer<StoredObject> each) throws IOException {
        Keys.checkPrefix(prefix);
        String directory = Keys.directoryOf(prefix);
        Path start = directory.isEmpty() ? root : resolve(directory);
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (dir.equals(start)) {
                    return FileVisitResult.CONTINUE;
                }
                // Below the prefix's own directory only names that go on with the prefix can hold matches.
                return (keyOf(dir) + "/").startsWith(prefix) || prefix.startsWith(keyOf(dir) + "/")
                        ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String key = keyOf(file);
                if (attributes.isRegularFile() && !key.contains(IN_PROGRESS) && key.startsWith(prefix)) {
                    each.accept(new StoredObject(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while we walked
                }
                throw e;
            }
        });
    }

    /** The key's place, refusing a key that is not one or that would leave the root. */
    private Path resolve(String key) {
        Path path = root.resolve(Keys.check(key)).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("not a media key: \"" + key + '"');
        }
        return path;
    }

    private String keyOf(Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    /** An empty file beside the target, making its directories; a delete may remove them meanwhile, so try again. */
    private static Path createPartial(Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Files.createDirectories(target.getParent());
            try {
                return Files.createTempFile(target.getParent(), target.getFileName() + IN_PROGRESS, ".part");
            } catch (NoSuchFileException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** At most {@code remaining} bytes of the stream. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}

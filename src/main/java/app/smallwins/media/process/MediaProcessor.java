package app.smallwins.media.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Checks an upload and makes it safe to keep (see {@link Processed}). */
@ApplicationScoped
public class MediaProcessor {

    /** The kind a declared content type names, if it is on the allowlist. */
    public static Optional<MediaKind> kindOf(String contentType) {
        throw new UnsupportedOperationException("being built");
    }

    /**
     * Sniffs the upload, checks it against the allowlist and the declared type, and writes
     * the safe original and thumbnails into {@code workDir} (which the caller removes).
     */
    public Processed process(Path upload, String declaredType, Path workDir) throws MediaRefused, IOException {
        throw new UnsupportedOperationException("being built");
    }
}

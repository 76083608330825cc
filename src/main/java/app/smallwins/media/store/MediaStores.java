package app.smallwins.media.store;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import app.smallwins.common.SmallWinsConfig;
import io.quarkus.runtime.Startup;

/**
 * The one {@link MediaStore} of the application, as {@code smallwins.media.store} chooses.
 * Made at startup, so a missing bucket or a directory that cannot be created stops the app
 * there rather than at the first upload; closed at shutdown.
 */
@ApplicationScoped
public class MediaStores {

    private final SmallWinsConfig.Media media;

    MediaStores(SmallWinsConfig config) {
        this.media = config.media();
    }

    @Produces
    @ApplicationScoped
    @Startup
    MediaStore store() throws IOException {
        return switch (media.store()) {
            case LOCAL -> new LocalDiskStore(Path.of(media.directory()));
            case S3 -> S3Store.connect(media.s3());
        };
    }

    void close(@Disposes MediaStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}

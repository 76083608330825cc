package app.smallwins.media.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.smallwins.common.SmallWinsConfig;
import app.smallwins.support.S3ProxyServer;
import software.amazon.awssdk.core.sync.RequestBody;

/** The contract on a real S3-compatible server (S3Proxy), each test in a bucket of its own. */
class S3StoreTest extends MediaStoreContract {

    private static final S3ProxyServer SERVER = new S3ProxyServer();
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private String bucket;

    /** The app's settings, as SmallWinsConfig would give them. */
    record Settings(Optional<String> bucket, Optional<String> endpoint, String region, boolean pathStyle,
            Optional<String> accessKeyId, Optional<String> secretAccessKey) implements SmallWinsConfig.Media.S3 {
    }

    @BeforeAll
    static void startServer() throws IOException {
        SERVER.start();
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Override
    MediaStore newStore(Path work) {
        bucket = "store-test-" + BUCKETS.incrementAndGet();
        SERVER.createBucket(bucket);
        return S3Store.connect(settings(Optional.of(bucket)));
    }

    private static Settings settings(Optional<String> bucket) {
        return new Settings(bucket, Optional.of(SERVER.endpoint().toString()), S3ProxyServer.REGION, true,
                Optional.of(S3ProxyServer.ACCESS_KEY_ID), Optional.of(S3ProxyServer.SECRET_ACCESS_KEY));
    }

    @Test
    void theContentTypeIsKeptWithTheObject() throws IOException {
        store.put("child-1/media-1/original", source(bytes("not really a JPEG")), "image/jpeg");

        assertEquals("image/jpeg",
                SERVER.client().headObject(request -> request.bucket(bucket).key("child-1/media-1/original")).contentType());
    }

    @Test
    void objectsWhoseNamesAreNoMediaKeysAreNotListed() throws IOException {
        put("c1/m1/original", bytes("photo"));
        SERVER.client().putObject(request -> request.bucket(bucket).key("c1/"), RequestBody.empty());
        SERVER.client().putObject(request -> request.bucket(bucket).key("c1/notes from the console.txt"),
                RequestBody.fromString("not ours"));

        assertEquals(Map.of("c1/m1/original", 5L), sizes("c1/"));
    }

    @Test
    void withoutABucketTheStoreIsRefusedSayingWhatToSet() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> S3Store.connect(settings(Optional.empty())));
        assertTrue(refused.getMessage().contains("smallwins.media.s3.bucket"), refused.getMessage());

        assertThrows(IllegalStateException.class, () -> S3Store.connect(settings(Optional.of(" "))));
    }

    @Test
    void halfOfTheStaticCredentialsIsRefused() {
        Settings keyIdOnly = new Settings(Optional.of(bucket), Optional.of(SERVER.endpoint().toString()), S3ProxyServer.REGION,
                true, Optional.of(S3ProxyServer.ACCESS_KEY_ID), Optional.empty());

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> S3Store.connect(keyIdOnly));
        assertTrue(refused.getMessage().contains("secret-access-key"), refused.getMessage());
    }

    @Test
    void wrongCredentialsFailAsAnIoException() throws IOException {
        Settings wrong = new Settings(Optional.of(bucket), Optional.of(SERVER.endpoint().toString()), S3ProxyServer.REGION, true,
                Optional.of(S3ProxyServer.ACCESS_KEY_ID), Optional.of("not-the-secret"));
        Path photo = source(bytes("photo"));

        try (S3Store stranger = S3Store.connect(wrong)) {
            assertThrows(IOException.class, () -> stranger.put("child-1/media-1/original", photo, "image/jpeg"));
            // Refused, not absent.
            assertEquals(IOException.class,
                    assertThrows(IOException.class, () -> stranger.open("child-1/media-1/original", 0, -1)).getClass());
            assertThrows(IOException.class, () -> stranger.list("", object -> {
            }));
        }
    }
}

package app.smallwins.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts S3Proxy for a test profile and points the app's media store at it. */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    private final S3ProxyServer server = new S3ProxyServer();

    @Override
    public Map<String, String> start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return server.configuration();
    }

    @Override
    public void stop() {
        server.stop();
    }
}

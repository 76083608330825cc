package app.smallwins.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: S3Proxy (jclouds' filesystem backend, its files in a
 * temporary directory) on 127.0.0.1 and a free port, checking AWS signatures with fixed test
 * keys. It runs as a process of its own, from the jar Maven copies into {@code target/s3proxy},
 * so its Jetty and jclouds never share a classpath with Quarkus. {@link #start()} returns when
 * the bucket exists; {@link #stop()} (or the JVM's exit) ends the process and removes its files.
 */
public final class S3ProxyServer {

    /** The system property naming S3Proxy's jar (set by the pom for Surefire and Failsafe). */
    public static final String JAR = "app.smallwins.test.s3proxy-jar";
    public static final String ACCESS_KEY_ID = "small-wins-test";
    public static final String SECRET_ACCESS_KEY = "small-wins-test-secret";
    public static final String REGION = "us-east-1";

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final String bucket;
    private Path directory;
    private Process process;
    private Thread exitHook;
    private URI endpoint;
    private S3Client client;

    /** A server with the bucket {@code small-wins-media}. */
    public S3ProxyServer() {
        this("small-wins-media");
    }

    public S3ProxyServer(String bucket) {
        this.bucket = bucket;
    }

    /** Starts S3Proxy and creates the bucket; returns the endpoint (http://127.0.0.1:port). */
    public synchronized URI start() throws IOException {
        if (process != null) {
            return endpoint;
        }
        Path jar = jar();
        directory = Files.createTempDirectory("s3proxy-");
        Path data = Files.createDirectory(directory.resolve("data"));
        Path log = directory.resolve("s3proxy.log");
        // A free port can be taken between asking and listening: try another then.
        for (int attempt = 1; process == null; attempt++) {
            int port = freePort();
            Path properties = directory.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY_ID,
                    "s3proxy.credential=" + SECRET_ACCESS_KEY,
                    // jclouds' filesystem backend (S3Proxy 2.6 calls it deprecated for its own "filesystem-nio2", which
                    // also works): it lists each directory as a "folder/" object too, as some real stores do.
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data), StandardCharsets.UTF_8);
            // A small, quick-starting JVM; logback's own start-up chatter left out of the log.
            Process started = new ProcessBuilder(List.of(java(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                    "-jar", jar.toString(), "--properties", properties.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            boolean up;
            try {
                up = listening(started, port);
            } catch (IOException e) {
                started.destroyForcibly();
                throw new IOException(e.getMessage() + "; its output:\n" + Files.readString(log, StandardCharsets.UTF_8), e);
            }
            if (up) {
                process = started;
                endpoint = URI.create("http://127.0.0.1:" + port);
            } else {
                started.destroyForcibly();
                if (attempt == 3) {
                    String output = Files.readString(log, StandardCharsets.UTF_8);
                    delete(directory);
                    throw new IOException("S3Proxy did not start; its output:\n" + output);
                }
            }
        }
        exitHook = new Thread(this::stop, "s3proxy-stop");
        Runtime.getRuntime().addShutdownHook(exitHook);
        client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                // S3Proxy refuses the SDK's default upload checksums (aws-chunked with a trailer), as S3Store knows.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        try {
            createBucket(bucket);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        return endpoint;
    }

    /** Ends S3Proxy and removes its files; a server not started, or stopped, is left as it is. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
        if (Thread.currentThread() != exitHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException e) {
                // the JVM is already on its way out, and the hook with it
            }
        }
        try {
            delete(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another empty bucket (a test's own, so it sees only its objects). */
    public void createBucket(String name) {
        client().createBucket(request -> request.bucket(name));
    }

    /** A client of the server as the app would have it (path-style, the test keys); the server closes it. */
    public synchronized S3Client client() {
        if (client == null) {
            throw new IllegalStateException("S3Proxy is not started");
        }
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String bucket() {
        return bucket;
    }

    /** The app's settings for this server and bucket, for a test profile or the packaged app's environment. */
    public Map<String, String> configuration() {
        return Map.of(
                "smallwins.media.store", "S3",
                "smallwins.media.s3.bucket", bucket,
                "smallwins.media.s3.endpoint", endpoint.toString(),
                "smallwins.media.s3.region", REGION,
                "smallwins.media.s3.path-style", "true",
                "smallwins.media.s3.access-key-id", ACCESS_KEY_ID,
                "smallwins.media.s3.secret-access-key", SECRET_ACCESS_KEY);
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty(JAR, "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No S3Proxy jar at " + jar.toAbsolutePath()
                    + ": run the tests through Maven (./mvnw test -Dtest=...), which copies it there");
        }
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Whether the process listens on the port before it dies or the startup time runs out. */
    private static boolean listening(Process process, int port) throws IOException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while S3Proxy started", e);
                }
            }
        }
        throw new IOException("S3Proxy did not listen on port " + port + " within " + STARTUP.toSeconds() + " s");
    }

    private static void delete(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

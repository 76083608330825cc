package app.smallwins.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import app.smallwins.support.S3ProxyServer;
import app.smallwins.support.SmtpServer;
import io.restassured.RestAssured;

/**
 * Starts Keycloak (realm imported from docker/keycloak/realm.json), an SMTP server (GreenMail,
 * read over IMAP by support.Mailbox) and two instances of the packaged app (same jar and schema, ports of their own: {@link E2eSettings#app()} and
 * {@link E2eSettings#secondApp()}) once per test run, and stops them when the run ends:
 * through JUnit's root store when the run completes (whatever failed), and through a JVM
 * shutdown hook when the JVM is told to stop early. A test failure prints the tail of every
 * server's log (target/e2e/*.log).
 */
public final class E2eEnvironment
        implements BeforeAllCallback, AfterTestExecutionCallback, LifecycleMethodExecutionExceptionHandler {

    private static final Duration KEYCLOAK_START = Duration.ofMinutes(5); // first start builds Keycloak (~1.5 min)
    private static final Duration APP_START = Duration.ofMinutes(2);
    private static final int TAIL_LINES = 40;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(E2eEnvironment.class);

    private static Servers servers;
    private static RuntimeException startFailure;

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted(context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            printTails();
        }
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        printTails(); // a scenario's setup failed: the servers' side of the story helps
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        printTails();
        throw failure;
    }

    private static void printTails() {
        if (servers != null) {
            System.err.println(servers.tails());
        }
    }

    /** Kills an instance at once (SIGKILL), mid-work: what a crash does to a node. */
    public static void kill(AppNode node) {
        started().apps.get(started().nodes.indexOf(node)).kill();
    }

    /** Starts a killed (or stopped) instance again, with the same settings, and waits until it is ready. */
    public static void restart(AppNode node) throws Exception {
        Servers running = started();
        int index = running.nodes.indexOf(node);
        ManagedProcess app = running.startApp(node, true);
        running.apps.set(index, app);
        running.awaitOk(app, node.managementUrl() + "/q/health/ready", APP_START);
    }

    /** Takes the SMTP server away: the instances' sends fail (and are retried) until {@link #mailUp()}. */
    public static void mailDown() {
        started().mail.stop();
    }

    /** A fresh SMTP server on the same ports (mail received before is gone). */
    public static void mailUp() {
        started().startMail();
    }

    private static Servers started() {
        if (servers == null) {
            throw new IllegalStateException("The end-to-end environment has not started");
        }
        return servers;
    }

    private static synchronized void ensureStarted(ExtensionContext context) {
        if (startFailure != null) {
            throw startFailure; // one failed start is enough; don't retry for every class
        }
        if (servers != null) {
            return;
        }
        Servers starting = new Servers(E2eSettings.current());
        Runtime.getRuntime().addShutdownHook(new Thread(starting::stop, "e2e-stop-servers"));
        // Closed by JUnit when the whole run ends (AutoCloseable values of the root store are).
        context.getRoot().getStore(NAMESPACE).put(Servers.class, (AutoCloseable) starting::stop);
        try {
            starting.start();
            servers = starting;
        } catch (Exception e) {
            String tails = starting.tails();
            starting.stop();
            startFailure = new IllegalStateException("The end-to-end environment did not start: " + e.getMessage()
                    + System.lineSeparator() + tails, e);
            throw startFailure;
        }
    }

    /** Keycloak and the app's instances, and how to start and stop them. */
    private static final class Servers {

        private final E2eSettings settings;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final List<AppNode> nodes;
        /** The started instances, in the order of {@code nodes} (the shutdown hook may read it meanwhile). */
        private final List<ManagedProcess> apps = new CopyOnWriteArrayList<>();
        private ManagedProcess keycloak;
        /** The SMTP server the instances send notification mail to, with IMAP to read it (support.Mailbox). */
        private volatile GreenMail mail;
        private final int smtpPort = freePort();
        private final int imapPort = freePort();
        /** The object store both instances keep photos and videos in (several nodes need one they share). */
        private final S3ProxyServer media = new S3ProxyServer("small-wins-e2e");

        Servers(E2eSettings settings) {
            this.settings = settings;
            this.nodes = List.of(settings.app(), settings.secondApp());
        }

        void start() throws Exception {
            checkPrerequisites();
            ManagedProcess.stopLeftover("keycloak", settings.dir(), settings.keycloakHome().toString());
            for (AppNode node : nodes) {
                ManagedProcess.stopLeftover(node.name(), settings.dir(), settings.appJar().toString());
            }
            requireFreePort(settings.keycloakPort(), "e2e.keycloak.port");
            for (AppNode node : nodes) {
                requireFreePort(node.port(), "e2e." + node.name() + ".port");
                requireFreePort(node.managementPort(), "e2e." + node.name() + ".management-port");
            }
            resetSchema();
            startMail();
            media.start();
            startKeycloak();
            startApps();
            RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        }

        private void checkPrerequisites() {
            require(Files.isRegularFile(settings.appJar()),
                    settings.appJar() + " is missing: run the suite with ./mvnw verify -Pe2e, which packages the app first");
            require(Files.isRegularFile(settings.keycloakHome().resolve("bin/kc.sh")),
                    settings.keycloakHome() + " is not an unpacked Keycloak: ./mvnw verify -Pe2e unpacks it");
            require(Files.isExecutable(settings.keycloakJavaHome().resolve("bin/java")),
                    "No JDK for Keycloak at " + settings.keycloakJavaHome() + ": set -De2e.keycloak.java-home=... (JDK 21+)");
            require(Files.isRegularFile(settings.realmFile()), "No realm file at " + settings.realmFile());
            require(settings.dbSchema().matches("[a-z_][a-z0-9_]*") && settings.dbSchema().contains("e2e"),
                    "Refusing to drop schema '" + settings.dbSchema() + "': the e2e schema's name must contain 'e2e'");
        }

        /** The app's schema starts empty on every run; Flyway recreates it. No other schema is touched. */
        private void resetSchema() throws SQLException {
            try (Connection db = DriverManager.getConnection(settings.dbUrl(), settings.dbUsername(),
                    settings.dbPassword()); Statement sql = db.createStatement()) {
                sql.execute("drop schema if exists " + settings.dbSchema() + " cascade");
            }
        }

        private void startKeycloak() throws Exception {
            Path home = settings.keycloakHome();
            // A fresh dev database each run, so the realm is imported exactly as the file says.
            deleteRecursively(home.resolve("data"));
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(settings.realmFile(), home.resolve("data/import/" + Keycloak.REALM + "-realm.json"));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("JAVA_HOME", settings.keycloakJavaHome().toString());
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", Keycloak.ADMIN_USERNAME);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", Keycloak.ADMIN_PASSWORD);
            keycloak = ManagedProcess.start("keycloak", List.of("bash", "bin/kc.sh", "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + settings.keycloakPort(), "--import-realm"), env, home,
                    settings.dir());
            awaitOk(keycloak, settings.realmUrl() + "/.well-known/openid-configuration", KEYCLOAK_START);
        }

        /**
         * Every instance at once, then waits for each to be ready: they share the start-up's
         * minutes instead of adding them up. Both run Flyway against the one empty schema at the
         * same moment, as nodes of a rolling deployment may; Flyway serialises them with a lock.
         */
        private void startApps() throws Exception {
            for (AppNode node : nodes) {
                apps.add(startApp(node));
            }
            for (int i = 0; i < nodes.size(); i++) {
                awaitOk(apps.get(i), nodes.get(i).managementUrl() + "/q/health/ready", APP_START);
            }
        }

        private void startMail() {
            GreenMail server = new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
                    new ServerSetup(imapPort, "127.0.0.1", "imap") })
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            mail = server;
            System.setProperty(SmtpServer.IMAP_PORT, Integer.toString(imapPort));
        }

        private ManagedProcess startApp(AppNode node) throws IOException {
            return startApp(node, false);
        }

        /** One instance of the packaged app, configured only by the environment variables docs/deployment.md lists. */
        private ManagedProcess startApp(AppNode node, boolean again) throws IOException {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", Integer.toString(node.port()));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(node.managementPort()));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", settings.dbUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", settings.dbUsername());
            if (!settings.dbPassword().isEmpty()) { // trust auth on loopback needs none
                env.put("QUARKUS_DATASOURCE_PASSWORD", settings.dbPassword());
            }
            env.put("SMALLWINS_DB_SCHEMA", settings.dbSchema());
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", settings.realmUrl());
            env.put("QUARKUS_OIDC_TOKEN_AUDIENCE", Keycloak.API_AUDIENCE);
            // Notification mail to the suite's SMTP server (plain, on loopback); retries and the
            // take-over of a dead node's work in seconds rather than minutes.
            env.put("SMALLWINS_MAIL_HOST", "127.0.0.1");
            env.put("SMALLWINS_MAIL_PORT", Integer.toString(smtpPort));
            env.put("SMALLWINS_MAIL_START_TLS", "DISABLED");
            env.put("SMALLWINS_NOTIFICATIONS_FIRST_RETRY_DELAY", "1S");
            env.put("SMALLWINS_NOTIFICATIONS_MAX_RETRY_DELAY", "2S");
            env.put("SMALLWINS_NOTIFICATIONS_MAX_ATTEMPTS", "100");
            env.put("SMALLWINS_NOTIFICATIONS_HEARTBEAT_INTERVAL", "2S");
            // Photos and videos in the S3-compatible store both instances share.
            media.configuration().forEach((key, value) -> env.put(key.toUpperCase(Locale.ROOT).replace('.', '_')
                    .replace('-', '_'), value));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return ManagedProcess.start(node.name(), List.of(java, "-jar", settings.appJar().toString()), env,
                    settings.appJar().getParent(), settings.dir(), again);
        }

        void awaitOk(ManagedProcess process, String url, Duration timeout) throws Exception {
            long started = System.nanoTime();
            long deadline = started + timeout.toNanos();
            HttpRequest probe = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(process.name + " exited while starting; see " + process.log);
                }
                try {
                    if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        System.out.printf("[e2e] %s ready in %d s (log: %s)%n", process.name,
                                Duration.ofNanos(System.nanoTime() - started).toSeconds(), process.log);
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // keep polling
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException(process.name + " was not ready within " + timeout.toSeconds() + " s: "
                    + url + "; see " + process.log);
        }

        synchronized void stop() {
            // The apps first: they hold connections to Keycloak and PostgreSQL.
            apps.forEach(ManagedProcess::stop);
            apps.clear();
            media.stop();
            if (keycloak != null) {
                keycloak.stop();
                keycloak = null;
            }
            if (mail != null) {
                mail.stop();
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String tails() {
            StringBuilder out = new StringBuilder();
            List<ManagedProcess> all = new ArrayList<>(apps);
            all.add(0, keycloak);
            for (ManagedProcess process : all) {
                if (process != null) {
                    out.append(String.format("%n----- last %d lines of %s -----%n%s%n", TAIL_LINES, process.log,
                            process.tail(TAIL_LINES)));
                }
            }
            return out.toString();
        }

        private static void requireFreePort(int port, String property) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException inUse) {
                throw new IllegalStateException("Port " + port + " on 127.0.0.1 is in use; stop what holds it or "
                        + "choose another with -D" + property + "=...");
            }
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalStateException(message);
            }
        }

        private static void deleteRecursively(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}

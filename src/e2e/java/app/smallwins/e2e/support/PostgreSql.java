package app.smallwins.e2e.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL cluster (Debian's pg_ctlcluster, as .ci/run starts it), which a
 * scenario may restart to see the app ride out a database outage. It serves everything on the
 * machine, so whoever restarts it puts it back: {@link #ensureRunning()} in a finally block.
 */
public final class PostgreSql {

    private static final Path CLUSTERS = Path.of("/etc/postgresql");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);

    private PostgreSql() {
    }

    /** Stops and starts the cluster (fast shutdown: every open connection is cut); answers how long it took. */
    public static Duration restart() {
        long started = System.nanoTime();
        pgCtlCluster("restart");
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Starts the cluster if it does not accept connections, and waits until it does. */
    public static void ensureRunning() {
        if (accepting()) {
            return;
        }
        System.err.println("[e2e] PostgreSQL is down; starting it");
        try {
            pgCtlCluster("start");
        } catch (IllegalStateException alreadyStarting) {
            // It may be starting already (pg_ctlcluster refuses then): wait for it below.
            System.err.println("[e2e] " + alreadyStarting.getMessage());
        }
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        while (!accepting()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not come back within " + BACK_WITHIN.toSeconds() + " s");
            }
            sleep(Duration.ofMillis(200));
        }
    }

    /** Whether the suite's database accepts a new connection now. */
    public static boolean accepting() {
        E2eSettings settings = E2eSettings.current();
        Properties properties = new Properties();
        properties.setProperty("user", settings.dbUsername());
        properties.setProperty("password", settings.dbPassword());
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "2");
        try (Connection db = DriverManager.getConnection(settings.dbUrl(), properties)) {
            return db.isValid(2);
        } catch (SQLException notYet) {
            return false;
        }
    }

    private static void pgCtlCluster(String action) {
        List<String> command = List.of("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", action);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command)
                    + ": the scenario needs the machine's own PostgreSQL cluster (Debian's postgresql-common)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest installed major version, as .ci/run picks it ({@code ls /etc/postgresql | sort -V | tail -1}). */
    private static String version() {
        try (Stream<Path> versions = Files.list(CLUSTERS)) {
            return versions.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches("\\d+(\\.\\d+)*"))
                    .max(Comparator.comparing(PostgreSql::versionNumbers, Arrays::compare))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL cluster under " + CLUSTERS));
        } catch (IOException e) {
            throw new IllegalStateException("No PostgreSQL clusters to list under " + CLUSTERS, e);
        }
    }

    private static int[] versionNumbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    /** Waits, giving up the test if interrupted. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

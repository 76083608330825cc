package app.smallwins.e2e.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server the suite started: its output goes to a log file, and stopping it stops its
 * whole process tree (kc.sh runs Keycloak's JVM as a child, so killing the script alone
 * would leave the JVM behind). A pid file lets the next run clean up after a run that was
 * killed before it could stop its servers.
 */
final class ManagedProcess {

    private static final Duration GRACE = Duration.ofSeconds(20);

    final String name;
    final Path log;
    private final Process process;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} with a clean environment: the parent's environment minus any
     * variable that could configure the server behind the suite's back, plus {@code env}.
     */
    static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
            Path logDir) throws IOException {
        return start(name, command, env, workDir, logDir, false);
    }

    /** The same, for a server started again in the same run: its log goes on below the first life's. */
    static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
            Path logDir, boolean appendLog) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Path pidFile = logDir.resolve(name + ".pid");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().keySet().removeIf(ManagedProcess::configuresAServer);
        builder.environment().putAll(env);
        Process process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        return new ManagedProcess(name, process, log, pidFile);
    }

    private static boolean configuresAServer(String variable) {
        return variable.startsWith("QUARKUS_") || variable.startsWith("SMALLWINS_") || variable.startsWith("KC_")
                || variable.startsWith("KEYCLOAK_") || variable.startsWith("JAVA_OPTS")
                || variable.equals("JAVA_TOOL_OPTIONS") || variable.equals("JDK_JAVA_OPTIONS");
    }

    /**
     * Stops what a previous, killed run left behind: the process in {@code name}.pid, but only
     * if its command line still mentions {@code marker} (a path of this checkout), so a
     * recycled pid never takes down someone else's process.
     */
    static void stopLeftover(String name, Path logDir, String marker) throws IOException {
        Path pidFile = logDir.resolve(name + ".pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        if (leftover.isPresent() && commandLineOf(leftover.get()).contains(marker)) {
            System.err.printf("[e2e] stopping %s left over from an earlier run (pid %d)%n", name, leftover.get().pid());
            stopTree(leftover.get());
        }
        Files.deleteIfExists(pidFile);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash or a pulled plug would: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Stops the process and all its descendants: SIGTERM first, SIGKILL after a grace period. */
    void stop() {
        stopTree(process.toHandle());
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // The next run checks the command line before trusting a stale pid file.
        }
    }

    private static void stopTree(ProcessHandle root) {
        // Snapshot the tree first: once the parent is gone its children are re-parented.
        List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root)).toList();
        tree.forEach(ProcessHandle::destroy);
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notAllStopped) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The command lines of a process and its descendants (the marker may be in either). */
    private static String commandLineOf(ProcessHandle handle) {
        StringBuilder all = new StringBuilder(handle.info().commandLine().orElse(""));
        handle.descendants().forEach(child -> all.append(' ').append(child.info().commandLine().orElse("")));
        return all.toString();
    }

    /** The last {@code lines} lines of the log, for failure reports. */
    String tail(int lines) {
        try {
            // Decoded leniently: a server may log bytes that are not UTF-8.
            List<String> all = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}

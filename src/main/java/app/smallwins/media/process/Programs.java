package app.smallwins.media.process;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs ffmpeg, ffprobe and heif-convert: arguments as a list (no shell reads them), no standard
 * input, both outputs to files in the work directory (so a chatty program never blocks on a
 * full pipe), and a time limit after which the program is killed.
 */
final class Programs {

    /** The most of a program's standard output read back (ffprobe's JSON of a sane file is a few KiB). */
    private static final long MAX_OUTPUT = 4L << 20;

    private Programs() {
    }

    /**
     * A finished run. {@code errors} is the end of the program's standard error: for the
     * server's debug log only, never for a client (it can name paths and codecs).
     */
    record Run(int exitCode, String output, String errors) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** The program could not be started (not installed, or not where the configuration says). */
    static final class Unavailable extends Exception {
        Unavailable(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The program ran past its time limit and was killed. */
    static final class TimedOut extends Exception {
        TimedOut() {
            super(null, null, false, false);
        }
    }

    static Run run(List<String> command, Path workDir, Duration timeout) throws Unavailable, TimedOut, IOException {
        Path out = Files.createTempFile(workDir, "program-", ".out");
        Path err = Files.createTempFile(workDir, "program-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new Unavailable(e);
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new TimedOut();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + command.get(0) + " ran");
        }
        if (Files.size(out) > MAX_OUTPUT) {
            throw new IOException(command.get(0) + " wrote more than " + MAX_OUTPUT + " bytes");
        }
        return new Run(process.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8), tail(err));
    }

    private static String tail(Path err) throws IOException {
        long size = Files.size(err);
        byte[] bytes;
        try (var in = Files.newInputStream(err)) {
            in.skipNBytes(Math.max(0, size - 500));
            bytes = in.readAllBytes();
        }
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }
}

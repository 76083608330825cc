package app.smallwins.media.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramsTest {

    @TempDir
    Path dir;

    @Test
    void aProgramPastItsTimeIsStopped() {
        long started = System.nanoTime();

        assertThrows(Programs.TimedOut.class, () -> Programs.run(List.of("sleep", "30"), dir, Duration.ofMillis(300)));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10);
    }

    @Test
    void aMissingProgramIsUnavailable() {
        assertThrows(Programs.Unavailable.class, () -> Programs.run(List.of("/nonexistent/ffmpeg"), dir, Duration.ofSeconds(5)));
    }

    @Test
    void argumentsReachTheProgramAsTheyAreWithNoShell() throws Exception {
        Programs.Run run = Programs.run(List.of("printf", "%s|", "$(id)", "a b; rm -rf x", "`x`"), dir, Duration.ofSeconds(5));

        assertTrue(run.succeeded());
        assertEquals("$(id)|a b; rm -rf x|`x`|", run.output());
    }

    @Test
    void standardErrorIsKeptApart() throws Exception {
        Programs.Run run = Programs.run(List.of("ls", "/nonexistent"), dir, Duration.ofSeconds(5));

        assertTrue(!run.succeeded() && run.output().isEmpty() && run.errors().contains("nonexistent"));
    }
}

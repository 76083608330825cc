package app.smallwins.bench;

import static app.smallwins.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import app.smallwins.media.process.MediaProcessor;
import app.smallwins.media.process.Processed;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Records;
import app.smallwins.support.TestMedia;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Photos and videos through the whole path, on the store the profile configures (the local
 * disk here; {@code MediaOnS3Benchmark} on S3Proxy): upload (streamed, checked, made safe,
 * stored, recorded) and download throughput of a 5 MB phone photo and a 100 MB video, the
 * time to make a photo safe with its two thumbnails, a thumbnail's read, and the growth of
 * the process' resident memory while a 190 MiB video is uploaded. Run with
 * `./mvnw verify -Pbench -Dtest='MediaBenchmark,MediaOnS3Benchmark'`; figures in
 * docs/benchmarks.md.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@Tag("bench")
class MediaBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int PHOTO_RUNS = 10;
    private static final int VIDEO_RUNS = 3;

    @Inject
    MediaProcessor processor;

    @TestHTTPResource("/")
    URI root;

    @Test
    void uploadAndDownloadThroughputThumbnailTimeAndMemory() throws Exception {
        String store = ConfigProvider.getConfig().getValue("smallwins.media.store", String.class);
        Path work = Files.createTempDirectory("media-bench");
        Path photo = work.resolve("photo.jpg");
        Files.write(photo, phonePhoto(5_000_000));
        Path video = work.resolve("video.mp4");
        video(video, 100_000_000);
        Path big = work.resolve("big.mp4");
        video(big, 190L * 1024 * 1024);

        CareTeam team = new CareTeam();
        as(team.parent).body(Map.of("consent", "TEAM")).put(team.childPath() + "/media-consent").then()
                .statusCode(200);
        String token = team.teacher.token();
        System.out.printf("%n| store | file | size | upload median | upload MB/s | download median | download MB/s |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        String photoId = measure(store, "photo (JPEG, 12 MP)", photo, "image/jpeg", PHOTO_RUNS, team, token);
        measure(store, "video (MP4)", video, "video/mp4", VIDEO_RUNS, team, token);

        // Made safe: sniffed, decoded, turned, re-encoded, two thumbnails (in-process, no HTTP, no store).
        double[] safe = new double[PHOTO_RUNS];
        for (int i = 0; i < PHOTO_RUNS; i++) {
            Path dir = Files.createTempDirectory(work, "process");
            long started = System.nanoTime();
            Processed done = processor.process(photo, "image/jpeg", dir);
            safe[i] = (System.nanoTime() - started) / 1e6;
            assertEquals(4000, Math.max(done.width(), done.height()));
        }
        double[] thumbnail = new double[PHOTO_RUNS];
        String thumbnailPath = Records.mediaPath(team.childId) + "/" + photoId + "/thumbnail";
        for (int i = 0; i < PHOTO_RUNS; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> read = HTTP.send(get(thumbnailPath, token), HttpResponse.BodyHandlers.ofByteArray());
            thumbnail[i] = (System.nanoTime() - started) / 1e6;
            assertEquals(200, read.statusCode());
        }
        System.out.printf("%n%s: a 12 MP photo made safe with its two thumbnails: median %.0f ms; a small thumbnail "
                + "read: median %.1f ms%n", store, median(safe), median(thumbnail));

        // Resident memory while a 190 MiB video streams in (sampled every 10 ms).
        System.gc();
        Thread.sleep(500);
        long before = rss();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rss(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        HttpResponse<String> uploaded = HTTP.send(post(team, token, "video/mp4", big), HttpResponse.BodyHandlers.ofString());
        sampler.interrupt();
        sampler.join();
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        System.out.printf("%n%s: a %.0f MiB video upload: resident memory %.0f MiB before, peak %.0f MiB, growth "
                + "%.1f MiB%n", store, Files.size(big) / 1048576.0, before / 1048576.0, peak.get() / 1048576.0,
                (peak.get() - before) / 1048576.0);
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String measure(String store, String label, Path file, String type, int runs, CareTeam team, String token)
            throws Exception {
        double[] up = new double[runs];
        double[] down = new double[runs];
        String id = null;
        long size = Files.size(file);
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            HttpResponse<String> created = HTTP.send(post(team, token, type, file), HttpResponse.BodyHandlers.ofString());
            up[i] = (System.nanoTime() - started) / 1e6;
            assertEquals(201, created.statusCode(), created.body());
            id = created.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
            started = System.nanoTime();
            HttpResponse<Path> read = HTTP.send(get(Records.mediaPath(team.childId) + "/" + id, token),
                    HttpResponse.BodyHandlers.ofFile(file.resolveSibling("download")));
            down[i] = (System.nanoTime() - started) / 1e6;
            assertEquals(200, read.statusCode());
        }
        long stored = Files.size(file.resolveSibling("download"));
        System.out.printf("| %s | %s | %.1f MB | %.0f ms | %.0f | %.0f ms | %.0f |%n", store, label, size / 1e6,
                median(up), size / 1e6 / (median(up) / 1000), median(down), stored / 1e6 / (median(down) / 1000));
        return id;
    }

    private HttpRequest post(CareTeam team, String token, String type, Path file) throws IOException {
        return HttpRequest.newBuilder(root.resolve(Records.mediaPath(team.childId)))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(root.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "*/*").GET().build();
    }

    /** A 4000×3000 JPEG (a 12 MP phone photo) with enough texture to weigh about {@code bytes}. */
    private static byte[] phonePhoto(int bytes) {
        BufferedImage image = TestMedia.picture(4000, 3000);
        Random random = new Random(42);
        int[] row = new int[4000];
        for (int y = 0; y < 3000; y++) {
            image.getRGB(0, y, 4000, 1, row, 0, 4000);
            for (int x = 0; x < 4000; x++) {
                int n = random.nextInt(110);
                int rgb = row[x];
                row[x] = (Math.min(255, ((rgb >> 16) & 0xff) + n) << 16) | (Math.min(255, ((rgb >> 8) & 0xff) + n) << 8)
                        | Math.min(255, (rgb & 0xff) + n);
            }
            image.setRGB(0, y, 4000, 1, row, 0, 4000);
        }
        byte[] jpeg = TestMedia.encode(image, "jpg");
        System.out.printf("bench photo: %.1f MB (aimed at %.1f)%n", jpeg.length / 1e6, bytes / 1e6);
        return TestMedia.withGpsAndOrientation(jpeg, 48.8584, 2.2945, 1);
    }

    /** A 1080p MPEG-4 video of noise, long enough to weigh about {@code bytes}. */
    private static void video(Path file, long bytes) throws Exception {
        long bitrate = 60_000_000; // bits per second at quality 2 on noise, roughly
        long seconds = Math.max(2, bytes * 8 / bitrate);
        List<String> command = List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=1920x1080:rate=30,noise=alls=40:allf=t", "-t", Long.toString(seconds), "-c:v", "mpeg4",
                "-q:v", "2", "-fs", Long.toString(bytes), "-pix_fmt", "yuv420p", file.toString());
        Process ffmpeg = new ProcessBuilder(command).inheritIO().start();
        if (!ffmpeg.waitFor(10, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + command);
        }
        System.out.printf("bench video: %.1f MB (aimed at %.1f)%n", Files.size(file) / 1e6, bytes / 1e6);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The process' resident set, from /proc (Linux). */
    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return 0;
    }
}

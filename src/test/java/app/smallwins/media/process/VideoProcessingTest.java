package app.smallwins.media.process;

import static app.smallwins.media.process.MediaFixtures.ISO6709;
import static app.smallwins.media.process.MediaFixtures.contains;
import static app.smallwins.media.process.MediaFixtures.jpegMarkers;
import static app.smallwins.media.process.MediaFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Videos, made here by ffmpeg from its test pattern with a family's location in their metadata. */
class VideoProcessingTest {

    @TempDir
    Path dir;

    private final MediaProcessor processor = MediaFixtures.processor();
    private int uploads;

    @Test
    void anMp4LosesItsLocationAndKeepsItsPicture() throws Exception {
        Path upload = video("phone.mp4", List.of("-metadata", "location=" + ISO6709, "-metadata", "title=Maya at home"));
        assertTrue(probe(upload).contains("+48.8584"), "the fixture carries a location");

        Processed processed = process(upload, "video/mp4");

        assertEquals(MediaKind.VIDEO, processed.kind());
        assertEquals("video/mp4", processed.contentType());
        assertEquals(320, processed.width());
        assertEquals(240, processed.height());
        assertEquals(2.0, processed.durationSeconds(), 0.1);
        assertEquals(Files.size(processed.original()), processed.size());
        assertTrue(processed.original().getFileName().toString().endsWith(".mp4"));
        String probe = probe(processed.original());
        assertTrue(probe.contains("\"codec_type\": \"video\""), probe);
        // (A quote before "location": chroma_location is a property of the picture, not a place.)
        for (String trace : List.of("\"location", "+48.8584", "Maya")) {
            assertFalse(probe.contains(trace), trace + " in\n" + probe);
        }
        assertFalse(contains(Files.readAllBytes(processed.original()), "loci"), "the MP4 location box");
        assertThumbnails(processed, 320, 240, 320, 240);
    }

    @Test
    void aQuickTimeMovieLosesItsAppleLocationKeysAndItsOwnersName() throws Exception {
        Path upload = video("iphone.mov", List.of("-movflags", "use_metadata_tags",
                "-metadata", "com.apple.quicktime.location.ISO6709=+48.8584+002.2945+035.000/",
                "-metadata", "location=" + ISO6709, "-metadata:s:v", "handler_name=Maya's iPhone"));
        String before = probe(upload);
        assertTrue(before.contains("com.apple.quicktime.location.ISO6709") && before.contains("Maya's iPhone"), before);

        Processed processed = process(upload, "video/quicktime");

        assertEquals("video/quicktime", processed.contentType());
        assertTrue(processed.original().getFileName().toString().endsWith(".mov"));
        String probe = probe(processed.original());
        for (String trace : List.of("\"location", "ISO6709", "+48.8584", "Maya")) {
            assertFalse(probe.contains(trace), trace + " in\n" + probe);
        }
        byte[] bytes = Files.readAllBytes(processed.original());
        for (String trace : List.of("ISO6709", "+48.8584", "\u00a9xyz", "Maya")) {
            assertFalse(contains(bytes, trace), trace + " in the file");
        }
        assertTrue(probe.contains("\"major_brand\": \"qt  \""), "still a QuickTime movie:\n" + probe);
        assertEquals(2.0, processed.durationSeconds(), 0.1);
    }

    @Test
    void anIphoneMovieDeclaredAsMp4IsTakenAndKeptAsWhatItIs() throws Exception {
        Path upload = video("declared.mov", List.of());

        Processed processed = process(upload, "video/mp4");

        assertEquals("video/quicktime", processed.contentType());
        assertTrue(probe(processed.original()).contains("\"major_brand\": \"qt  \""));
    }

    @Test
    void aTurnedVideoReportsItsSizeAsShown() throws Exception {
        Path plain = video("plain.mp4", List.of());
        Path turned = dir.resolve("turned.mp4");
        MediaFixtures.run(dir, "ffmpeg", "-v", "error", "-nostdin", "-i", plain.toString(), "-c", "copy",
                "-metadata:s:v:0", "rotate=90", "-y", turned.toString());

        Processed processed = process(turned, "video/mp4");

        assertEquals(240, processed.width());
        assertEquals(320, processed.height());
        assertTrue(probe(processed.original()).contains("\"rotation\": "), "the rotation is kept with the picture");
        assertThumbnails(processed, 240, 320, 240, 320);
    }

    @Test
    void aMovieWithoutPictureIsRefused() throws Exception {
        Path upload = dir.resolve("sound.mov");
        MediaFixtures.run(dir, "ffmpeg", "-v", "error", "-nostdin", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac",
                "-f", "mov", "-y", upload.toString());

        MediaRefused refused = assertThrows(MediaRefused.class, () -> process(upload, "video/quicktime"));

        assertEquals(422, refused.status());
        assertEquals("This video has no picture in it (it may be a sound recording).", refused.getMessage());
    }

    @Test
    void aBrokenMovieIsUnreadable() throws Exception {
        byte[] start = Files.readAllBytes(video("cut.mp4", List.of()));
        Path upload = Files.write(dir.resolve("cut-short.mp4"), Arrays.copyOf(start, 64));

        assertEquals(422, assertThrows(MediaRefused.class, () -> process(upload, "video/mp4")).status());
    }

    @Test
    void aVideoDeclaredAsAPhotoIsRefused() throws Exception {
        Path upload = video("photo.mp4", List.of());

        MediaRefused refused = assertThrows(MediaRefused.class, () -> process(upload, "image/jpeg"));

        assertEquals(415, refused.status());
        assertEquals("The file says it is a JPEG photo, but its contents are an MP4 video.", refused.getMessage());
    }

    @Test
    void withoutFfmpegVideosAreRefusedInPlainWords() throws Exception {
        Path upload = video("nowhere.mp4", List.of());
        MediaProcessor withoutFfmpeg = MediaFixtures.processor(50_000_000L, "/nonexistent/ffmpeg", "/nonexistent/ffprobe",
                "heif-convert");

        MediaRefused refused = assertThrows(MediaRefused.class,
                () -> withoutFfmpeg.process(upload, "video/mp4", Files.createDirectory(dir.resolve("nowhere"))));

        assertEquals(415, refused.status());
        assertTrue(refused.getMessage().startsWith("This server cannot take videos yet: "), refused.getMessage());
        assertFalse(refused.getMessage().contains("/nonexistent"));
    }

    @Test
    void nothingFromAVideosMetadataIsLogged() throws Exception {
        Path upload = video("logged.mov", List.of("-movflags", "use_metadata_tags",
                "-metadata", "com.apple.quicktime.location.ISO6709=+48.8584+002.2945+035.000/",
                "-metadata", "title=Maya's first steps", "-metadata:s:v", "handler_name=Maya's iPhone"));
        Path cut = Files.write(dir.resolve("logged-cut.mov"), Arrays.copyOf(Files.readAllBytes(upload), 2000));
        MediaProcessor withoutFfmpeg = MediaFixtures.processor(50_000_000L, "/nonexistent/ffmpeg", "/nonexistent/ffprobe",
                "heif-convert");

        List<String> logged;
        try (LogCapture log = new LogCapture()) {
            process(upload, "video/quicktime");
            assertThrows(MediaRefused.class, () -> process(cut, "video/quicktime"));
            assertThrows(MediaRefused.class,
                    () -> withoutFfmpeg.process(upload, "video/quicktime", Files.createDirectory(dir.resolve("logged"))));
            logged = log.lines();
        }

        assertFalse(logged.isEmpty(), "the missing program is logged");
        for (String line : logged) {
            for (String trace : List.of("48.8584", "Maya", "ISO6709", "iPhone")) {
                assertFalse(line.contains(trace), trace + " logged: " + line);
            }
        }
    }

    private Processed process(Path upload, String declaredType) throws Exception {
        return processor.process(upload, declaredType, Files.createDirectory(dir.resolve("work-" + ++uploads)));
    }

    /** Two seconds of ffmpeg's test pattern, 320×240 at 15 frames a second, with these extra output options. */
    private Path video(String name, List<String> options) throws Exception {
        Path file = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-f", "lavfi",
                "-i", "testsrc=duration=2:size=320x240:rate=15", "-c:v", "libx264", "-pix_fmt", "yuv420p"));
        command.addAll(options);
        command.addAll(List.of("-y", file.toString()));
        MediaFixtures.run(dir, command.toArray(String[]::new));
        return file;
    }

    /** Everything ffprobe tells of a file: container, streams, their tags and side data. */
    private String probe(Path file) throws Exception {
        return MediaFixtures.run(dir, "ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                "-show_chapters", file.toString());
    }

    private static void assertThumbnails(Processed processed, int mediumWidth, int mediumHeight, int smallWidth,
            int smallHeight) throws Exception {
        BufferedImage medium = read(processed.medium());
        BufferedImage small = read(processed.small());
        assertEquals(mediumWidth + "x" + mediumHeight, medium.getWidth() + "x" + medium.getHeight());
        assertEquals(smallWidth + "x" + smallHeight, small.getWidth() + "x" + small.getHeight());
        for (Path thumbnail : List.of(processed.small(), processed.medium())) {
            assertFalse(jpegMarkers(Files.readAllBytes(thumbnail)).contains(0xE1));
        }
        // The pattern's colours, not a black frame.
        int rgb = medium.getRGB(medium.getWidth() / 4, medium.getHeight() / 3);
        assertTrue(((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) > 60,
                String.format(Locale.ROOT, "a picture, not black: %06x", rgb & 0xffffff));
    }
}

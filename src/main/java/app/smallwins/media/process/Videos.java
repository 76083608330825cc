package app.smallwins.media.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A video made safe to keep with ffprobe and ffmpeg: its container's metadata removed
 * (location, dates, device and owner names), its streams copied untouched, and a poster frame.
 *
 * <p>Every run reads the input with the QuickTime/MP4 demuxer named ({@code -f mov}) and only the
 * {@code file} protocol, so a file that merely looks like a video cannot make ffmpeg open a
 * playlist, another file or a URL. Paths are passed as {@code file:/absolute}, so no name is read
 * as an option or a protocol.
 */
final class Videos {

    private static final Logger LOG = Logger.getLogger(Videos.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration PROBE_TIME = Duration.ofSeconds(30);
    /** Copying streams is fast; this allows for a 200 MB video on a slow disk. */
    private static final Duration COPY_TIME = Duration.ofMinutes(2);
    private static final Duration POSTER_TIME = Duration.ofSeconds(60);

    /** Keys a stripped file may still carry: the muxer writes them, nothing comes from the upload. */
    private static final Set<String> CONTAINER_KEYS = Set.of("major_brand", "minor_version", "compatible_brands", "encoder");
    private static final Set<String> STREAM_KEYS = Set.of("handler_name", "vendor_id", "language", "encoder", "rotate");

    private static final String NO_VIDEO_TOOLS = "This server cannot take videos yet: the program that prepares them "
            + "is not installed. Please send a photo for now, and tell the school's Small Wins administrator.";
    private static final String UNREADABLE = "This video could not be read. It may be damaged or only partly uploaded: please try again.";

    private final String ffmpeg;
    private final String ffprobe;

    Videos(String ffmpeg, String ffprobe) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    /** What ffprobe says of a video: its picture's size as shown (rotation applied) and its length. */
    record Probe(int width, int height, double durationSeconds) {
    }

    /** The stored video (same container as the upload) and its poster frame as a PNG. */
    record Result(Path video, Probe probe, Path poster) {
    }

    Result process(Path upload, Format format, Path workDir) throws MediaRefused, IOException {
        // The upload is probed first so a file without a picture is refused with its reason before
        // anything is copied; the figures reported are the stored file's.
        probe(upload, workDir);
        Path video = Files.createTempFile(workDir, "original-", format == Format.QUICKTIME ? ".mov" : ".mp4");
        strip(upload, format, video, workDir);
        checkStripped(video, workDir);
        Probe probe = probe(video, workDir);
        Path poster = poster(video, probe, workDir);
        return new Result(video, probe, poster);
    }

    /**
     * Width, height and duration of the first video stream that is not cover art. Only these
     * entries are asked for, so no tag of the upload is ever read into the server.
     */
    private Probe probe(Path file, Path workDir) throws MediaRefused, IOException {
        Programs.Run run = run("ffprobe", List.of(ffprobe, "-v", "error", "-f", "mov", "-protocol_whitelist", "file",
                "-print_format", "json", "-show_entries",
                "stream=index,codec_type,width,height,duration:stream_disposition=attached_pic"
                        + ":stream_tags=rotate:stream_side_data=rotation:format=duration",
                url(file)), workDir, PROBE_TIME);
        if (!run.succeeded()) {
            throw new MediaRefused(422, UNREADABLE);
        }
        JsonNode root = JSON.readTree(run.output());
        for (JsonNode stream : root.path("streams")) {
            if (!stream.path("codec_type").asText().equals("video") || stream.path("disposition").path("attached_pic").asInt() == 1) {
                continue;
            }
            int width = stream.path("width").asInt();
            int height = stream.path("height").asInt();
            if (width <= 0 || height <= 0) {
                continue;
            }
            double duration = root.path("format").path("duration").asDouble(stream.path("duration").asDouble(-1));
            if (!(duration > 0)) {
                throw new MediaRefused(422, UNREADABLE);
            }
            return quarterTurned(rotation(stream)) ? new Probe(height, width, duration) : new Probe(width, height, duration);
        }
        throw new MediaRefused(422, "This video has no picture in it (it may be a sound recording).");
    }

    /** The display rotation in degrees: the display matrix's (current ffmpeg) or the older "rotate" tag. */
    private static int rotation(JsonNode stream) {
        for (JsonNode sideData : stream.path("side_data_list")) {
            if (sideData.has("rotation")) {
                return sideData.path("rotation").asInt();
            }
        }
        return stream.path("tags").path("rotate").asInt(0);
    }

    private static boolean quarterTurned(int degrees) {
        return Math.floorMod(degrees, 180) == 90;
    }

    /**
     * Copies the picture and sound streams into a new file of the same container with no
     * metadata. {@code -map_metadata -1} drops the container's tags (the QuickTime ©xyz
     * location, the mdta keys such as com.apple.quicktime.location.ISO6709, the MP4 loci box,
     * dates, device names) and the streams' tags (a handler name can carry an owner's name);
     * ProcessorVideoTest checks it with ffprobe. Only picture and sound streams are kept: an
     * iPhone's timed-metadata and data tracks can carry location per frame, and cover art
     * ({@code 0:V} excludes attached pictures) is a photo with its own EXIF. {@code +bitexact}
     * leaves out the encoder's name and the creation time.
     */
    private void strip(Path upload, Format format, Path video, Path workDir) throws MediaRefused, IOException {
        Programs.Run run = run("ffmpeg", List.of(ffmpeg, "-hide_banner", "-nostdin", "-v", "error",
                "-f", "mov", "-protocol_whitelist", "file", "-i", url(upload),
                "-map", "0:V", "-map", "0:a?", "-map_metadata", "-1", "-map_chapters", "-1", "-c", "copy",
                "-fflags", "+bitexact", "-movflags", "+faststart",
                "-f", format == Format.QUICKTIME ? "mov" : "mp4", "-y", url(video)), workDir, COPY_TIME);
        if (!run.succeeded()) {
            LOG.debugf("ffmpeg could not copy a video's streams: %s", run.errors());
            throw new MediaRefused(422, "This video could not be prepared for keeping. It may be damaged: please try again, or send a shorter clip.");
        }
    }

    /** The stripped file carries only tags the muxer writes; anything else is a bug, never stored. */
    private void checkStripped(Path video, Path workDir) throws MediaRefused, IOException {
        Programs.Run run = run("ffprobe", List.of(ffprobe, "-v", "error", "-f", "mov", "-protocol_whitelist", "file",
                "-print_format", "json", "-show_entries", "format_tags:stream_tags", url(video)), workDir, PROBE_TIME);
        if (!run.succeeded()) {
            throw new MediaRefused(422, UNREADABLE);
        }
        JsonNode root = JSON.readTree(run.output());
        Set<String> left = new TreeSet<>();
        root.path("format").path("tags").fieldNames().forEachRemaining(key -> {
            if (!CONTAINER_KEYS.contains(key)) {
                left.add(key);
            }
        });
        for (JsonNode stream : root.path("streams")) {
            stream.path("tags").fieldNames().forEachRemaining(key -> {
                if (!STREAM_KEYS.contains(key)) {
                    left.add(key);
                }
            });
        }
        if (!left.isEmpty()) {
            // The keys' names only: their values may be a family's address.
            throw new IOException("ffmpeg left metadata in a stripped video: " + left);
        }
    }

    /**
     * One frame, a second in (or halfway through a shorter clip), as a PNG. ffmpeg turns it
     * upright by the stream's rotation, so it has the width and height {@link #probe} reports.
     */
    private Path poster(Path video, Probe probe, Path workDir) throws MediaRefused, IOException {
        Path poster = Files.createTempFile(workDir, "poster-", ".png");
        double at = Math.min(1.0, probe.durationSeconds() / 2);
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-v", "error",
                "-ss", String.format(Locale.ROOT, "%.3f", at),
                "-f", "mov", "-protocol_whitelist", "file", "-i", url(video),
                "-map", "0:V:0", "-frames:v", "1", "-pix_fmt", "rgb24", "-f", "image2", "-c:v", "png", "-y", url(poster)));
        Programs.Run run = run("ffmpeg", command, workDir, POSTER_TIME);
        if (!run.succeeded() || Files.size(poster) == 0) {
            LOG.debugf("ffmpeg could not take a poster frame: %s", run.errors());
            throw new MediaRefused(422, UNREADABLE);
        }
        return poster;
    }

    private Programs.Run run(String what, List<String> command, Path workDir, Duration timeout)
            throws MediaRefused, IOException {
        try {
            return Programs.run(command, workDir, timeout);
        } catch (Programs.Unavailable e) {
            LOG.errorf("%s could not be started (smallwins.media.%s=%s): videos are refused until it is installed",
                    what, what, command.get(0));
            throw new MediaRefused(415, NO_VIDEO_TOOLS);
        } catch (Programs.TimedOut e) {
            LOG.warnf("%s ran past %s on a video and was stopped", what, timeout);
            throw new MediaRefused(422, "This video took too long to prepare. Please send a shorter clip.");
        }
    }

    /** ffmpeg's URL for a local file: never read as an option or another protocol. */
    private static String url(Path file) {
        return "file:" + file.toAbsolutePath();
    }
}

package app.smallwins.media.process;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.SmallWinsConfig;

/**
 * Checks an upload and makes it safe to keep (see {@link Processed}).
 *
 * <p>The checks, in order: the bytes are sniffed (never the name) and must be on the
 * allowlist and answer the declared type (415); a photo's header must declare no more than
 * {@code smallwins.media.max-image-pixels} (413) before anything is decoded; the file must
 * decode (422). A photo is then decoded, turned upright by its EXIF orientation, converted
 * to sRGB and written anew with no metadata; a video's streams are copied into a new file
 * without the container's metadata. Both get two JPEG thumbnails (a video's from a poster
 * frame). Nothing read from an upload's metadata is logged.
 *
 * <p>Memory: a decoded photo holds up to about 12 bytes a pixel at its peak (the decoded
 * picture, its sRGB copy and the upright copy), so at most
 * {@code smallwins.media.image-workers} photos (and video posters) are decoded at once on
 * this node; the others wait their turn. The pixel cap bounds each of them.
 */
@ApplicationScoped
public class MediaProcessor {

    private final Photos photos;
    private final Videos videos;
    private final Semaphore imageWorkers;

    public MediaProcessor(SmallWinsConfig config) {
        SmallWinsConfig.Media media = config.media();
        this.photos = new Photos(media.maxImagePixels(), media.heifConvert());
        this.videos = new Videos(media.ffmpeg(), media.ffprobe());
        this.imageWorkers = new Semaphore(media.imageWorkers(), true);
    }

    /** The kind a declared content type names, if it is on the allowlist. */
    public static Optional<MediaKind> kindOf(String contentType) {
        return Format.declared(contentType).map(format -> format.kind);
    }

    /**
     * Sniffs the upload, checks it against the allowlist and the declared type, and writes
     * the safe original and thumbnails into {@code workDir} (which the caller removes).
     */
    public Processed process(Path upload, String declaredType, Path workDir) throws MediaRefused, IOException {
        Format format = Sniffer.check(upload, declaredType);
        if (format.kind == MediaKind.IMAGE) {
            Photos.Result photo;
            acquireImageWorker();
            try {
                photo = photos.process(upload, format, workDir);
            } finally {
                imageWorkers.release();
            }
            return new Processed(MediaKind.IMAGE, photo.contentType(), photo.original(), Files.size(photo.original()),
                    photo.width(), photo.height(), null, photo.thumbnails().small(), photo.thumbnails().medium());
        }
        Videos.Result video = videos.process(upload, format, workDir);
        Photos.Thumbnails thumbnails;
        acquireImageWorker();
        try {
            thumbnails = photos.posterThumbnails(video.poster(), workDir);
        } finally {
            imageWorkers.release();
        }
        return new Processed(MediaKind.VIDEO, format.contentType, video.video(), Files.size(video.video()),
                video.probe().width(), video.probe().height(), video.probe().durationSeconds(),
                thumbnails.small(), thumbnails.medium());
    }

    private void acquireImageWorker() throws InterruptedIOException {
        try {
            imageWorkers.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to decode a picture");
        }
    }
}

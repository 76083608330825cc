package app.smallwins.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.common.SmallWinsConfig;
import app.smallwins.common.Times;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.error.ProblemType;
import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.security.Permission;
import app.smallwins.media.process.MediaKind;
import app.smallwins.media.process.MediaProcessor;
import app.smallwins.media.process.MediaRefused;
import app.smallwins.media.process.Processed;
import app.smallwins.media.store.MediaStore;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Photos and videos of a child: taken in with the family's consent and made safe
 * ({@link MediaProcessor}), kept in the {@link MediaStore}, read by the team while consent
 * stands and by parents and admins until the media are erased.
 *
 * <p>An upload streams to a temporary file (never into memory), is processed there, and its
 * objects are stored before its row is written in a short transaction; objects left behind
 * by a failure in between are removed at once, or by {@link MediaCleanup}.
 */
@ApplicationScoped
public class MediaService {

    private static final Logger LOG = Logger.getLogger(MediaService.class);
    static final String TARGET = "MEDIA";

    private final ChildAccess access;
    private final MediaRepository media;
    private final MediaConsentRepository consents;
    private final MediaProcessor processor;
    private final MediaStore store;
    private final AccessLog accessLog;
    private final Idempotency idempotency;
    private final long maxImageSize;
    private final long maxVideoSize;
    private final Duration retention;

    MediaService(ChildAccess access, MediaRepository media, MediaConsentRepository consents, MediaProcessor processor,
            MediaStore store, AccessLog accessLog, Idempotency idempotency, SmallWinsConfig config) {
        this.access = access;
        this.media = media;
        this.consents = consents;
        this.processor = processor;
        this.store = store;
        this.accessLog = accessLog;
        this.idempotency = idempotency;
        this.maxImageSize = config.media().maxImageSize().asLongValue();
        this.maxVideoSize = config.media().maxVideoSize().asLongValue();
        this.retention = config.media().retention();
    }

    /** What a request asks to upload: the declared type and length (-1 when streamed) and an Idempotency-Key. */
    public record Upload(String contentType, long contentLength, String idempotencyKey) {
    }

    /** What an idempotent retry must repeat: the same declared type and the same bytes. */
    record Fingerprint(String contentType, String sha256) {
    }

    public Idempotency.Outcome<MediaView> upload(UUID childId, Upload upload, InputStream body) {
        Idempotency.check(upload.idempotencyKey());
        MediaKind kind = MediaProcessor.kindOf(upload.contentType()).orElseThrow(() -> new ApiException(
                ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send a photo (JPEG, PNG, WebP or HEIC) or a video (MP4 or QuickTime)"));
        QuarkusTransaction.requiringNew().run(() -> mayUpload(childId));
        long cap = kind == MediaKind.IMAGE ? maxImageSize : maxVideoSize;
        if (upload.contentLength() > cap) {
            throw tooLarge(kind, cap);
        }
        Path work = workDirectory();
        try {
            Received received = receive(body, work.resolve("upload"), kind, cap);
            Processed processed = processor.process(received.file(), upload.contentType(), work);
            UUID id = UUID.randomUUID();
            String sha256 = sha256(processed.original());
            storeObjects(childId, id, processed);
            Idempotency.Outcome<MediaView> outcome;
            try {
                outcome = QuarkusTransaction.requiringNew().call(() -> record(childId, id, processed, sha256, upload,
                        new Fingerprint(kind + " " + upload.contentType().toLowerCase(), received.sha256())));
            } catch (RuntimeException notRecorded) {
                deleteObjects(childId, id);
                throw notRecorded;
            }
            if (outcome.replayed()) {
                deleteObjects(childId, id); // the first request's objects stand
            }
            return outcome;
        } catch (MediaRefused refused) {
            throw refusal(refused);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(work);
        }
    }

    /** An item about to be read, and the SHA-256 of its original (its ETag). */
    public record Readable(MediaView view, String sha256) {
    }

    /** The item, for a read of its metadata, original or thumbnail (access checked, the read logged). */
    public Readable read(UUID childId, UUID mediaId, String action) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ChildGrant grant = access.require(childId, Permission.READ_RECORD);
            Media item = media.kept(childId, mediaId).orElseThrow(MediaService::notFound);
            MediaConsentChange consent = current(childId);
            if (!mayView(grant, consent)) {
                throw notFound();
            }
            accessLog.read(grant, action, TARGET, mediaId);
            return new Readable(view(item, consent), item.sha256);
        });
    }

    /** Every kept photo and video of the child, oldest first, for the record export (one statement). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MediaView> exportItems(ChildGrant grant) {
        MediaConsentChange consent = current(grant.childId());
        if (!mayView(grant, consent)) {
            return List.of();
        }
        return media.list("childId = ?1 and erasedAt is null order by uploadedAt, id", grant.childId()).stream()
                .map(m -> view(m, consent)).toList();
    }

    /** The original's bytes, whole. */
    public InputStream open(MediaView item) throws IOException {
        return open(item, MediaKeys.ORIGINAL, 0, -1);
    }

    public InputStream open(MediaView item, String variant, long first, long length) throws IOException {
        return store.open(MediaKeys.of(item.childId(), item.id(), variant), first, length);
    }

    private void mayUpload(UUID childId) {
        access.require(childId, Permission.RECORD_OBSERVATIONS);
        requireConsent(childId);
    }

    private Idempotency.Outcome<MediaView> record(UUID childId, UUID id, Processed processed, String sha256,
            Upload upload, Fingerprint fingerprint) {
        ChildGrant grant = access.require(childId, Permission.RECORD_OBSERVATIONS);
        MediaConsentChange consent = requireConsent(childId); // again: it may have been withdrawn meanwhile
        return idempotency.once(grant.caller().userId(), upload.idempotencyKey(), "POST /children/" + childId + "/media",
                fingerprint, MediaView.class, () -> {
                    Media item = new Media();
                    item.id = id;
                    item.childId = childId;
                    item.kind = processed.kind();
                    item.contentType = processed.contentType();
                    item.size = processed.size();
                    item.width = processed.width();
                    item.height = processed.height();
                    item.durationSeconds = processed.durationSeconds();
                    item.sha256 = sha256;
                    item.uploadedBy = grant.caller().userId();
                    item.uploadedCapacity = grant.capacity();
                    item.uploadedAt = Times.now();
                    media.persist(item);
                    accessLog.change(grant, "media.upload", TARGET, id);
                    return view(item, consent);
                });
    }

    /** The team sees media while consent stands; after it is withdrawn, parents and admins until erasure. */
    static boolean mayView(ChildGrant grant, MediaConsentChange consent) {
        return mayView(grant, consent.consent);
    }

    static boolean mayView(ChildGrant grant, Consent consent) {
        return consent == Consent.TEAM || grant.may(Permission.SET_MEDIA_CONSENT);
    }

    MediaView view(Media m, MediaConsentChange consent) {
        return view(m.id, m.childId, m.kind, m.contentType, m.size, m.width, m.height, m.durationSeconds, m.uploadedAt,
                consent.consent, consent.changedAt);
    }

    /** As the caller sees it: withdrawn (with its erasure date) unless the consent is TEAM. */
    MediaView view(UUID id, UUID childId, MediaKind kind, String contentType, long size, int width, int height,
            Double durationSeconds, Instant uploadedAt, Consent consent, Instant consentChangedAt) {
        boolean withdrawn = consent != Consent.TEAM;
        String path = "/api/v1/children/" + childId + "/media/" + id;
        return new MediaView(id, childId, kind, contentType, size, width, height, durationSeconds,
                withdrawn ? MediaState.WITHDRAWN : MediaState.READY,
                withdrawn ? consentChangedAt.plus(retention) : null, path, path + "/thumbnail", uploadedAt);
    }

    MediaConsentChange current(UUID childId) {
        return consents.currentOrNone(childId);
    }

    /** The child's consent, refused with 409 unless it is TEAM: what an upload and an attachment need. */
    MediaConsentChange requireConsent(UUID childId) {
        MediaConsentChange consent = current(childId);
        if (consent.consent != Consent.TEAM) {
            throw new ApiException(ProblemType.MEDIA_CONSENT_REQUIRED,
                    "The family has not given consent to photos or videos of this child");
        }
        return consent;
    }

    private record Received(Path file, long size, String sha256) {
    }

    /** Copies the body to a file, refusing it as soon as it outgrows its kind's cap. */
    private static Received receive(InputStream body, Path file, MediaKind kind, long cap) throws IOException {
        MessageDigest sha = sha256Digest();
        long total = 0;
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = read(in, buffer)) != -1;) {
                total += n;
                if (total > cap) {
                    throw tooLarge(kind, cap);
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "The file is empty");
        }
        return new Received(file, total, HexFormat.of().formatHex(sha.digest()));
    }

    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException cutOff) {
            throw new ApiException(ProblemType.VALIDATION, "The upload was cut off before its end; send it again");
        }
    }

    private void storeObjects(UUID childId, UUID id, Processed processed) throws IOException {
        try {
            store.put(MediaKeys.of(childId, id, MediaKeys.ORIGINAL), processed.original(), processed.contentType());
            store.put(MediaKeys.of(childId, id, ThumbnailSize.SMALL.key()), processed.small(), "image/jpeg");
            store.put(MediaKeys.of(childId, id, ThumbnailSize.MEDIUM.key()), processed.medium(), "image/jpeg");
        } catch (IOException | RuntimeException failed) {
            deleteObjects(childId, id);
            throw failed;
        }
    }

    /** Best effort: what is left is found by the clean-up (an object without a row). */
    void deleteObjects(UUID childId, UUID id) {
        for (String key : MediaKeys.all(childId, id)) {
            try {
                store.delete(key);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Could not delete stored object of media %s (the clean-up will): %s", id, e.getClass().getSimpleName());
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path workDirectory() {
        try {
            return Files.createTempDirectory("small-wins-upload-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not remove an upload's temporary files: %s", e.getClass().getSimpleName());
        }
    }

    static ApiException notFound() {
        return ApiException.notFound("Media");
    }

    private static ApiException tooLarge(MediaKind kind, long cap) {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, (kind == MediaKind.IMAGE ? "A photo" : "A video")
                + " may be at most " + megabytes(cap) + " MB");
    }

    private static ApiException refusal(MediaRefused refused) {
        ProblemType type = switch (refused.status()) {
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.UNPROCESSABLE;
        };
        return new ApiException(type, refused.getMessage());
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}

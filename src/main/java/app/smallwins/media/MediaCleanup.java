package app.smallwins.media;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import app.smallwins.common.SmallWinsConfig;
import app.smallwins.common.Times;
import app.smallwins.media.store.MediaStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Keeps the store and the database in step, every {@code smallwins.media.cleanup-interval}
 * on each node (both passes are safe to run twice):
 * <ol>
 * <li>media whose child's consent has been withdrawn for the retention period are erased:
 * the row is marked (what was erased, and when, stays on record) and its objects deleted,
 * each erasure written to the log without personal data;</li>
 * <li>stored objects without a row (a node died between storing and recording) or of an
 * erased row (a deletion failed) are deleted once they are older than a grace period, so an
 * upload in progress is never touched.</li>
 * </ol>
 */
@ApplicationScoped
public class MediaCleanup {

    private static final Logger LOG = Logger.getLogger(MediaCleanup.class);
    private static final int BATCH = 200;
    /** An object this young may belong to an upload whose row is about to be written. */
    static final Duration GRACE = Duration.ofHours(1);

    private final MediaRepository media;
    private final MediaStore store;
    private final MediaService service;
    private final Duration retention;

    MediaCleanup(MediaRepository media, MediaStore store, MediaService service, SmallWinsConfig config) {
        this.media = media;
        this.store = store;
        this.service = service;
        this.retention = config.media().retention();
    }

    @Scheduled(identity = "media-cleanup", every = "${smallwins.media.cleanup-interval}", delayed = "1M",
            concurrentExecution = ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            eraseWithdrawn(Times.now());
            removeOrphans(Times.now());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Media clean-up failed (it runs again next round): %s", e.getClass().getName());
        }
    }

    /** Erases the media whose consent was withdrawn more than the retention before {@code now}; returns how many. */
    public int eraseWithdrawn(Instant now) {
        int total = 0;
        List<MediaRepository.Stored> erased;
        do {
            erased = QuarkusTransaction.requiringNew().call(() -> media.markErased(now.minus(retention), now, BATCH));
            for (MediaRepository.Stored item : erased) {
                service.deleteObjects(item.childId(), item.id());
                LOG.infof("Erased media %s of child %s: consent withdrawn more than %s ago", item.id(), item.childId(),
                        retention);
            }
            total += erased.size();
        } while (erased.size() == BATCH);
        return total;
    }

    /** Deletes stored objects older than the grace period that have no row, or whose row is erased; returns how many. */
    public int removeOrphans(Instant now) throws IOException {
        Map<UUID, List<String>> byMedia = new HashMap<>();
        List<String> strangers = new ArrayList<>();
        store.list("", object -> {
            if (object.storedAt().isAfter(now.minus(GRACE))) {
                return;
            }
            MediaKeys.mediaIdOf(object.key()).ifPresentOrElse(
                    id -> byMedia.computeIfAbsent(id, ignored -> new ArrayList<>()).add(object.key()),
                    () -> strangers.add(object.key()));
        });
        List<UUID> ids = new ArrayList<>(byMedia.keySet());
        int removed = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            Set<UUID> kept = QuarkusTransaction.requiringNew().call(() -> media.kept(batch));
            for (UUID id : batch) {
                if (!kept.contains(id)) {
                    for (String key : byMedia.get(id)) {
                        store.delete(key);
                        removed++;
                    }
                }
            }
        }
        if (!strangers.isEmpty()) {
            LOG.warnf("The media store holds %d objects whose keys are not Small Wins'; they are left alone",
                    strangers.size());
        }
        if (removed > 0) {
            LOG.infof("Removed %d stored media objects without a record", removed);
        }
        return removed;
    }
}

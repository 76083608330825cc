package app.smallwins.media;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildGrant;
import app.smallwins.common.error.ApiException;
import app.smallwins.media.process.MediaKind;

/**
 * Photos and videos attached to observations (and journal entries) and messages: what other
 * features publish with {@code mediaIds} and show as {@code attachments}. Attaching checks
 * each id in two statements; loading the attachments of a page takes one, whatever its size.
 */
@ApplicationScoped
public class MediaAttachments {

    /** The most photos and videos one observation or message carries. */
    public static final int MAX_PER_ITEM = 10;

    private final MediaRepository attachments;
    private final MediaService media;

    MediaAttachments(MediaRepository attachments, MediaService media) {
        this.attachments = attachments;
        this.media = media;
    }

    /** Attaches, in the caller's transaction, media of the child (in the order given) to an observation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attachToObservation(ChildGrant grant, UUID observationId, List<UUID> mediaIds) {
        attach(grant, "observation_id", observationId, mediaIds);
    }

    /** Attaches, in the caller's transaction, media of the child (in the order given) to a message. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attachToMessage(ChildGrant grant, UUID messageId, List<UUID> mediaIds) {
        attach(grant, "message_id", messageId, mediaIds);
    }

    /**
     * The attachments of these observations and messages of the child, as the caller may see
     * them (after consent is withdrawn, only parents and admins do), each owner's in order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, List<MediaView>> of(ChildGrant grant, Collection<UUID> observationIds,
            Collection<UUID> messageIds) {
        if (observationIds.isEmpty() && messageIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = attachments.attachmentsOf(grant.childId(), observationIds, messageIds);
        Map<UUID, List<MediaView>> byOwner = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Consent consent = Consent.valueOf((String) r[9]);
            if (!MediaService.mayView(grant, consent)) {
                continue;
            }
            byOwner.computeIfAbsent((UUID) r[0], ignored -> new ArrayList<>()).add(media.view((UUID) r[1],
                    grant.childId(), MediaKind.valueOf((String) r[2]), (String) r[3], ((Number) r[4]).longValue(),
                    ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                    r[7] == null ? null : ((Number) r[7]).doubleValue(), instant(r[8]), consent, instant(r[10])));
        }
        return byOwner;
    }

    private void attach(ChildGrant grant, String ownerColumn, UUID ownerId, List<UUID> mediaIds) {
        if (mediaIds == null || mediaIds.isEmpty()) {
            return;
        }
        Set<UUID> distinct = new HashSet<>(mediaIds);
        if (distinct.size() != mediaIds.size()) {
            throw ApiException.invalid("mediaIds", "must not name the same photo or video twice");
        }
        media.requireConsent(grant.childId());
        if (attachments.countKept(grant.childId(), mediaIds) != mediaIds.size()) {
            throw ApiException.unprocessable("mediaIds", "each must be a photo or video uploaded for this child");
        }
        attachments.insert(ownerColumn, ownerId, mediaIds);
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}

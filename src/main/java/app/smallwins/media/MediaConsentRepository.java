package app.smallwins.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Keyset;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** A child's media consent: its changes, newest first. */
@ApplicationScoped
public class MediaConsentRepository implements PanacheRepositoryBase<MediaConsentChange, UUID> {

    /** The child's consent: its newest change. */
    public Optional<MediaConsentChange> current(UUID childId) {
        return find("childId = ?1 order by changedAt desc, id desc", childId).firstResultOptional();
    }

    /** The child's consent, or NONE for a record without any change (none should be left; rows loaded in bulk). */
    public MediaConsentChange currentOrNone(UUID childId) {
        return current(childId).orElseGet(() -> {
            MediaConsentChange none = new MediaConsentChange();
            none.childId = childId;
            none.consent = Consent.NONE;
            none.changedAt = Instant.EPOCH;
            return none;
        });
    }

    public List<MediaConsentChange> history(UUID childId, Cursor after, int fetch) {
        return Keyset.newestFirst(getEntityManager()::createQuery,
                "select c from MediaConsentChange c where c.childId = :child", MediaConsentChange.class,
                "c.changedAt", "c.id", after, fetch)
                .setParameter("child", childId).getResultList();
    }
}

package app.smallwins.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.child.ChildOpened;
import app.smallwins.common.SmallWinsConfig;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Page;
import app.smallwins.common.security.Permission;
import app.smallwins.live.EventRefs;
import app.smallwins.live.EventType;
import app.smallwins.live.LiveEvents;
import app.smallwins.user.Names;
import app.smallwins.user.People;
import io.quarkus.runtime.Startup;

/**
 * The family's consent to photos and videos of their child: set by parents and admins, read
 * by the team, every change kept. A record opens with the deployment's default
 * (`smallwins.media.default-consent`, checked at startup), written as its first change.
 */
@ApplicationScoped
@Startup
public class MediaConsentService {

    private static final String TARGET = "CHILD";

    private final ChildAccess access;
    private final MediaConsentRepository consents;
    private final People people;
    private final AccessLog accessLog;
    private final LiveEvents live;
    private final Consent defaultConsent;

    MediaConsentService(ChildAccess access, MediaConsentRepository consents, People people, AccessLog accessLog,
            LiveEvents live, SmallWinsConfig config) {
        this.access = access;
        this.consents = consents;
        this.people = people;
        this.accessLog = accessLog;
        this.live = live;
        try {
            this.defaultConsent = Consent.valueOf(config.media().defaultConsent().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("smallwins.media.default-consent must be NONE or TEAM", e);
        }
    }

    /** A new record starts with the deployment's default, recorded as its first change (by nobody). */
    void opened(@Observes ChildOpened event) {
        consents.persist(change(event.grant().childId(), defaultConsent, false, null));
    }

    @Transactional
    public MediaConsentView get(UUID childId) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        MediaConsentChange current = current(childId);
        accessLog.read(grant, "media-consent.read", TARGET, childId);
        return view(current, names(List.of(current)));
    }

    /** Sets the consent (parents, admins); the same answer again changes nothing and is not a new change. */
    @Transactional
    public MediaConsentView set(UUID childId, MediaConsentUpdate update) {
        ChildGrant grant = access.require(childId, Permission.SET_MEDIA_CONSENT);
        boolean sharing = Boolean.TRUE.equals(update.allowSharingOutsideTeam());
        if (sharing && update.consent() == Consent.NONE) {
            throw ApiException.unprocessable("allowSharingOutsideTeam", "must be false when consent is NONE");
        }
        MediaConsentChange current = current(childId);
        if (current.consent == update.consent() && current.allowSharingOutsideTeam == sharing) {
            return view(current, names(List.of(current)));
        }
        MediaConsentChange change = change(childId, update.consent(), sharing, grant);
        consents.persist(change);
        accessLog.change(grant, "media-consent.update", TARGET, childId);
        live.emit(grant, EventType.MEDIA_CONSENT_CHANGED, EventRefs.child());
        return view(change, names(List.of(change)));
    }

    @Transactional
    public Page<MediaConsentView> history(UUID childId, Cursor after, int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        List<MediaConsentChange> rows = consents.history(childId, after, limit + 1);
        Names names = names(rows);
        accessLog.read(grant, "media-consent.history", TARGET, childId);
        return Page.of(rows, limit, c -> new Cursor(c.changedAt, c.id)).map(c -> view(c, names));
    }

    /** The child's consent; a record without any change (none should be left) has none. */
    private MediaConsentChange current(UUID childId) {
        return consents.current(childId).orElseGet(() -> change(childId, Consent.NONE, false, null));
    }

    private static MediaConsentChange change(UUID childId, Consent consent, boolean sharing, ChildGrant by) {
        MediaConsentChange change = new MediaConsentChange();
        change.id = UUID.randomUUID();
        change.childId = childId;
        change.consent = consent;
        change.allowSharingOutsideTeam = sharing;
        change.changedBy = by == null ? null : by.caller().userId();
        change.changedCapacity = by == null ? null : by.capacity();
        change.changedAt = Instant.now();
        return change;
    }

    private Names names(List<MediaConsentChange> changes) {
        return people.names(changes.stream().filter(c -> c.changedBy != null).map(c -> c.changedBy).toList());
    }

    private static MediaConsentView view(MediaConsentChange c, Names names) {
        return new MediaConsentView(c.id, c.childId, c.consent, c.allowSharingOutsideTeam,
                c.changedBy == null ? null : names.author(c.changedBy, c.changedCapacity), c.changedAt);
    }
}

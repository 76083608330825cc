package app.smallwins.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Page;
import app.smallwins.common.persistence.ReadOnly;
import app.smallwins.common.security.Permission;
import app.smallwins.media.MediaAttachments;
import app.smallwins.media.MediaView;
import app.smallwins.messaging.MessageSlice;
import app.smallwins.messaging.MessageView;
import app.smallwins.messaging.MessagingService;
import app.smallwins.observation.CheerView;
import app.smallwins.observation.ObservationService;
import app.smallwins.observation.ObservationSlice;
import app.smallwins.observation.ObservationView;
import app.smallwins.user.Names;
import app.smallwins.user.People;

/**
 * The child's story, newest first: observations, cheers and team messages merged. One query
 * picks the page across all kinds ({@link TimelineRepository}), the observation and messaging
 * features load its rows (cheers shown as items and cheers on the page's observations
 * together), and everyone the page names is looked up once, so the cost does not grow with
 * the page size.
 */
@ApplicationScoped
public class TimelineService {

    private final EntityManager em;
    private final ChildAccess access;
    private final AccessLog accessLog;
    private final TimelineRepository timeline;
    private final ObservationService observations;
    private final MessagingService messaging;
    private final People people;
    private final MediaAttachments attachments;

    TimelineService(EntityManager em, ChildAccess access, AccessLog accessLog, TimelineRepository timeline,
            ObservationService observations, MessagingService messaging, People people, MediaAttachments attachments) {
        this.em = em;
        this.access = access;
        this.accessLog = accessLog;
        this.timeline = timeline;
        this.observations = observations;
        this.messaging = messaging;
        this.people = people;
        this.attachments = attachments;
    }

    @Transactional
    public Page<TimelineItem> page(UUID childId, Cursor after, int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        ReadOnly.rest(em);
        Page<TimelineRepository.Entry> page = Page.of(timeline.page(childId, after, limit + 1), limit,
                e -> new Cursor(e.at(), e.id()));

        ObservationSlice shown = observations.slice(grant, idsOf(page, TimelineItem.Type.OBSERVATION),
                Set.copyOf(idsOf(page, TimelineItem.Type.CHEER)));
        MessageSlice messages = messaging.slice(grant, idsOf(page, TimelineItem.Type.MESSAGE));
        List<UUID> authorIds = new ArrayList<>(shown.authorIds());
        authorIds.addAll(messages.authorIds());
        Names names = people.names(authorIds);
        Map<UUID, List<MediaView>> attached = attachments.of(grant, idsOf(page, TimelineItem.Type.OBSERVATION),
                idsOf(page, TimelineItem.Type.MESSAGE));
        Map<UUID, ObservationView> observationsById = shown.observations(names, attached);
        Map<UUID, CheerView> cheersById = shown.cheers(names);
        Map<UUID, MessageView> messagesById = messages.views(names, attached);

        accessLog.read(grant, "timeline.read", "TIMELINE", null);
        return page.map(e -> switch (e.kind()) {
            case OBSERVATION -> new TimelineItem(e.kind(), e.id(), e.at(), observationsById.get(e.id()), null, null);
            case CHEER -> new TimelineItem(e.kind(), e.id(), e.at(), null, cheersById.get(e.id()), null);
            case MESSAGE -> new TimelineItem(e.kind(), e.id(), e.at(), null, null, messagesById.get(e.id()));
        });
    }

    private static List<UUID> idsOf(Page<TimelineRepository.Entry> page, TimelineItem.Type type) {
        return page.items().stream().filter(e -> e.kind() == type).map(TimelineRepository.Entry::id).toList();
    }
}

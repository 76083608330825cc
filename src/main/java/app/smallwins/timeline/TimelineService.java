package app.smallwins.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Page;
import app.smallwins.common.persistence.ReadOnly;
import app.smallwins.common.persistence.RowQuery;
import app.smallwins.common.security.Permission;
import app.smallwins.messaging.Message;
import app.smallwins.messaging.MessagingRepository;
import app.smallwins.messaging.MessagingService;
import app.smallwins.observation.Cheer;
import app.smallwins.observation.Observation;
import app.smallwins.observation.ObservationRepository;
import app.smallwins.observation.ObservationService;
import app.smallwins.observation.ObservationView;
import app.smallwins.user.People;

/**
 * The child's story, newest first: observations, cheers and team messages merged. One query picks the page
 * across all kinds (a UNION ordered on the same keyset), then one query per kind loads the
 * page's rows (cheers shown as items and cheers on the page's observations together), so the
 * cost does not grow with the page size.
 */
@ApplicationScoped
public class TimelineService {

    @Inject
    EntityManager em;

    @Inject
    ChildAccess access;

    @Inject
    AccessLog accessLog;

    @Inject
    ObservationRepository observations;

    @Inject
    MessagingRepository messaging;

    @Inject
    People people;

    private record Entry(TimelineItem.Type type, UUID id, Instant at) {
    }

    @Transactional
    public Page<TimelineItem> page(UUID childId, Cursor after, int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        ReadOnly.rest(em);
        // Each branch is ordered and limited on its own index, so the merge reads at most
        // three pages of rows however long the child's history is.
        var query = RowQuery.of(em, """
                select * from (
                  (select 'OBSERVATION' as type, o.id, o.occurred_at as at from observation o
                   where o.child_id = :child and o.deleted_at is null"""
                + Cursor.olderThanNative(after, "o.occurred_at", "o.id") + """

                   order by o.occurred_at desc, o.id desc limit :fetch)
                  union all
                  (select 'CHEER', c.id, c.created_at from cheer c
                   join observation o on o.id = c.observation_id and o.child_id = c.child_id
                   where c.child_id = :child and o.deleted_at is null"""
                + Cursor.olderThanNative(after, "c.created_at", "c.id") + """

                   order by c.created_at desc, c.id desc limit :fetch)
                  union all
                  (select 'MESSAGE', m.id, m.created_at from message m
                   where m.child_id = :child and m.deleted_at is null and m.observation_id is null
                     and m.conversation_id = (select cv.id from conversation cv
                                              where cv.child_id = :child and cv.kind = 'TEAM')"""
                + Cursor.olderThanNative(after, "m.created_at", "m.id") + """

                   order by m.created_at desc, m.id desc limit :fetch)
                ) t order by at desc, id desc limit :fetch""")
                .set("child", childId)
                .set("fetch", limit + 1);
        List<Entry> entries = Cursor.bind(query, after).list(row -> new Entry(
                RowQuery.enumOf(row, "type", TimelineItem.Type.class), RowQuery.uuid(row, "id"), RowQuery.instant(row, "at")));
        Page<Entry> page = Page.of(entries, limit, e -> new Cursor(e.at(), e.id()));

        List<UUID> observationIds = idsOf(page, TimelineItem.Type.OBSERVATION);
        List<Observation> pageObservations = observations.byIds(childId, observationIds);
        Set<UUID> cheerIds = Set.copyOf(idsOf(page, TimelineItem.Type.CHEER));
        List<Cheer> cheersLoaded = observations.cheersOnOrByIds(childId, observationIds, cheerIds);
        Set<UUID> observationsOnPage = Set.copyOf(observationIds);
        Map<UUID, List<Cheer>> cheersOnPage = cheersLoaded.stream().filter(c -> observationsOnPage.contains(c.observationId))
                .collect(Collectors.groupingBy(c -> c.observationId));
        List<Cheer> cheers = cheersLoaded.stream().filter(c -> cheerIds.contains(c.id)).toList();
        Map<UUID, Message> messagesById = messaging.messagesByIds(childId, idsOf(page, TimelineItem.Type.MESSAGE))
                .stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        // Everyone the page names, in one lookup.
        List<UUID> authorIds = ObservationService.authorsOf(pageObservations, cheersOnPage);
        cheers.forEach(c -> authorIds.add(c.authorId));
        messagesById.values().forEach(m -> authorIds.add(m.authorId));
        var authors = people.names(authorIds);
        Map<UUID, ObservationView> observationsById = ObservationService.views(pageObservations, cheersOnPage, authors)
                .stream().collect(Collectors.toMap(ObservationView::id, Function.identity()));
        Map<UUID, Cheer> cheersById = cheers.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));

        accessLog.read(grant, "timeline.read", "TIMELINE", null);
        List<TimelineItem> items = new ArrayList<>();
        for (Entry e : page.items()) {
            items.add(switch (e.type()) {
                case OBSERVATION -> new TimelineItem(e.type(), e.id(), e.at(), observationsById.get(e.id()), null, null);
                case CHEER -> new TimelineItem(e.type(), e.id(), e.at(), null,
                        ObservationService.cheerView(cheersById.get(e.id()), authors), null);
                case MESSAGE -> new TimelineItem(e.type(), e.id(), e.at(), null, null,
                        MessagingService.view(messagesById.get(e.id()), List.of(), authors));
            });
        }
        return new Page<>(items, page.nextCursor());
    }

    private static List<UUID> idsOf(Page<Entry> page, TimelineItem.Type type) {
        return page.items().stream().filter(e -> e.type() == type).map(Entry::id).toList();
    }

}

package app.smallwins.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import app.smallwins.access.Caller;
import app.smallwins.access.CurrentMembership;
import app.smallwins.common.Times;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Keyset;
import app.smallwins.common.persistence.SqlValues;
import app.smallwins.common.persistence.TypedRows;

/** Conversations, messages and read markers; every query is scoped by child. */
@ApplicationScoped
public class MessagingRepository {

    private final EntityManager em;
    private final TypedRows rows;

    MessagingRepository(EntityManager em, TypedRows rows) {
        this.em = em;
        this.rows = rows;
    }

    /** A person's read position in a conversation. */
    public record ReadPosition(UUID userId, Instant lastReadAt) {
    }

    /** The child's team conversation, created on first use so it exists for every child, old or new. */
    public Conversation teamConversation(UUID childId) {
        em.createNativeQuery("""
                insert into conversation (id, child_id, kind, created_at, last_activity_at)
                select ?1, ?2, 'TEAM', c.created_at, c.created_at from child c where c.id = ?2
                on conflict (child_id) where kind = 'TEAM' do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, childId).executeUpdate();
        return em.createQuery("select c from Conversation c where c.childId = :child and c.kind = :kind",
                Conversation.class)
                .setParameter("child", childId).setParameter("kind", ConversationKind.TEAM).getSingleResult();
    }

    public Optional<Conversation> findConversation(UUID childId, UUID conversationId) {
        return em.createQuery("select c from Conversation c where c.id = :id and c.childId = :child", Conversation.class)
                .setParameter("id", conversationId).setParameter("child", childId)
                .getResultList().stream().findFirst();
    }

    public boolean isParticipant(UUID conversationId, UUID userId) {
        return !em.createNativeQuery(
                "select 1 from conversation_participant where conversation_id = ?1 and user_id = ?2")
                .setParameter(1, conversationId).setParameter(2, userId).getResultList().isEmpty();
    }

    public void addParticipant(Conversation conversation, UUID userId) {
        em.createNativeQuery("""
                insert into conversation_participant (conversation_id, child_id, user_id, added_at)
                values (?1, ?2, ?3, now()) on conflict do nothing""")
                .setParameter(1, conversation.id).setParameter(2, conversation.childId).setParameter(3, userId)
                .executeUpdate();
    }

    /** Participants of several conversations of one child: one query. */
    public Map<UUID, List<UUID>> participants(UUID childId, Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        return session().createNativeQuery("""
                select conversation_id, user_id from conversation_participant
                where child_id = :child and conversation_id = any(:conversations) order by added_at, user_id""",
                Participation.class)
                .addScalar("conversation_id", UUID.class).addScalar("user_id", UUID.class)
                .setParameter("child", childId).setParameter("conversations", SqlValues.uuids(conversationIds))
                .getResultList().stream().collect(Collectors.groupingBy(Participation::conversationId,
                        Collectors.mapping(Participation::userId, Collectors.toList())));
    }

    /** One person in one conversation. */
    public record Participation(UUID conversationId, UUID userId) {
    }

    /** The team conversation and the private ones the user is in, most recent activity first. */
    @SuppressWarnings("unchecked")
    public List<Conversation> conversationsFor(UUID childId, UUID userId, Cursor after, int fetch) {
        var query = em.createNativeQuery("""
                select c.* from conversation c where c.child_id = :child
                  and (c.kind = 'TEAM' or exists (select 1 from conversation_participant p
                                                  where p.conversation_id = c.id and p.user_id = :user))"""
                + Cursor.olderThanNative(after, "c.last_activity_at", "c.id")
                + " order by c.last_activity_at desc, c.id desc limit :fetch", Conversation.class)
                .setParameter("child", childId).setParameter("user", userId).setParameter("fetch", fetch);
        Cursor.bindNative(query, after);
        return query.getResultList();
    }

    public List<Message> messages(UUID childId, UUID conversationId, Cursor after, int fetch) {
        return Keyset.newestFirst(em::createQuery, "select m from Message m where m.childId = :child and m.conversationId = :conv",
                Message.class, "m.createdAt", "m.id", after, fetch)
                .setParameter("child", childId).setParameter("conv", conversationId).getResultList();
    }

    /** A conversation's messages oldest first, deleted ones included (for the record export). */
    public List<Message> messagesOldestFirst(UUID childId, UUID conversationId, Cursor after, int fetch) {
        return Keyset.oldestFirst(em::createQuery, "select m from Message m where m.childId = :child and m.conversationId = :conv",
                Message.class, "m.createdAt", "m.id", after, fetch)
                .setParameter("child", childId).setParameter("conv", conversationId).getResultList();
    }

    public Optional<Message> findMessage(UUID childId, UUID conversationId, UUID messageId) {
        return em.createQuery("""
                select m from Message m where m.id = :id and m.childId = :child and m.conversationId = :conv""",
                Message.class)
                .setParameter("id", messageId).setParameter("child", childId).setParameter("conv", conversationId)
                .getResultList().stream().findFirst();
    }

    /** These messages of the child, as rows for a page of the timeline (TypedRows: why, there). */
    List<MessageRow> rowsByIds(UUID childId, List<UUID> ids) {
        return ids.isEmpty() ? List.of() : rows.list("select " + MessageRow.COLUMNS
                + " from message where child_id = ? and id = any(?)", List.of(childId, SqlValues.uuids(ids)),
                MessageRow::read);
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public List<MessageEdit> edits(UUID childId, UUID messageId) {
        return em.createQuery("""
                select e from MessageEdit e where e.childId = :child and e.messageId = :message
                order by e.replacedAt desc, e.id desc""", MessageEdit.class)
                .setParameter("child", childId).setParameter("message", messageId).getResultList();
    }

    /** Moves the user's read marker forward to the message; never backwards. */
    /** Moves the reader's marker forward (never back); whether it moved. */
    public boolean markRead(Conversation conversation, UUID userId, Message upTo) {
        return em.createNativeQuery("""
                insert into conversation_read (conversation_id, user_id, child_id, last_read_at, last_read_message_id)
                values (?1, ?2, ?3, ?4, ?5)
                on conflict (conversation_id, user_id) do update
                  set last_read_at = excluded.last_read_at, last_read_message_id = excluded.last_read_message_id
                  where conversation_read.last_read_at < excluded.last_read_at""")
                .setParameter(1, conversation.id).setParameter(2, userId).setParameter(3, conversation.childId)
                .setParameter(4, SqlValues.utc(upTo.createdAt)).setParameter(5, upTo.id).executeUpdate() > 0;
    }

    /** Everyone's read position in one conversation (at most the team's size): one query. */
    public List<ReadPosition> readPositions(UUID childId, UUID conversationId) {
        return session().createNativeQuery("""
                select user_id, last_read_at from conversation_read where child_id = :child and conversation_id = :conversation""",
                ReadPosition.class)
                .addScalar("user_id", UUID.class).addScalar("last_read_at", Instant.class)
                .setParameter("child", childId).setParameter("conversation", conversationId)
                .getResultList();
    }

    /**
     * What "unread" means, for a conversation {@code c} and the reader's marker {@code r}
     * (left-joined; none means nothing read): messages by others, not deleted, after the
     * marker. Counted on the (conversation, time) index from the marker, so the cost is the
     * number of unread messages, not the length of the conversation. {@code reader} is the
     * reader's place ({@code :reader}, or {@code ?} in a typed read).
     */
    private static String unreadAfterMarker(String reader) {
        return """
                from message m
                where m.child_id = c.child_id and m.conversation_id = c.id
                  and m.created_at > coalesce(r.last_read_at, '-infinity')
                  and m.deleted_at is null and m.author_id <> """ + reader + "\n";
    }

    /** Unread messages by others per conversation of one child for the user: one query. */
    public Map<UUID, Long> unreadCounts(UUID childId, UUID userId, Collection<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        return session().createNativeQuery("""
                select c.id, u.unread from conversation c
                left join conversation_read r on r.conversation_id = c.id and r.user_id = :reader
                cross join lateral (select count(*) as unread\n"""
                + unreadAfterMarker(":reader") + """
                ) u
                where c.child_id = :child and c.id = any(:conversations) and u.unread > 0""", UnreadCount.class)
                .addScalar("id", UUID.class).addScalar("unread", Long.class)
                .setParameter("reader", userId).setParameter("child", childId)
                .setParameter("conversations", SqlValues.uuids(conversationIds))
                .getResultList().stream().collect(Collectors.toMap(UnreadCount::conversationId, UnreadCount::unread));
    }

    /** Unread messages by others in one conversation. */
    public record UnreadCount(UUID conversationId, Long unread) {
    }

    /**
     * Unread counts across every conversation the user belongs to, on every child whose team
     * they are on through a current membership: one query, which reads only the unread
     * messages ({@link #unreadAfterMarker}). Conversations with urgent unread messages come
     * first, then the most recent.
     *
     * <p>The reader's id is read from a one-row {@code caller} rather than compared as a
     * parameter: PostgreSQL then plans the statement once per connection. Given the id, it
     * estimated one person's rows a little lower than the average and re-planned on every call
     * (0.76 ms of planning for 0.18 ms of execution; docs/benchmarks.md); the plan is the same
     * for everyone (index by user, then by child and conversation).
     */
    public List<UnreadView> unreadForUser(Caller caller) {
        return rows.list("""
                with caller as (select cast(? as uuid) as id)
                select c.id, c.child_id, c.kind, c.title, u.unread, u.urgent, u.last_at
                from team_membership tm
                join child ch on ch.id = tm.child_id and ch.archived_at is null
                join conversation c on c.child_id = tm.child_id
                left join conversation_read r on r.conversation_id = c.id and r.user_id = (select id from caller)
                cross join lateral (select count(*) as unread, count(*) filter (where m.urgent) as urgent,
                                           max(m.created_at) as last_at\n"""
                + unreadAfterMarker("(select id from caller)") + """
                ) u
                where tm.user_id = (select id from caller) and """ + CurrentMembership.sql("tm", caller) + """
                  and u.unread > 0
                  and (c.kind = 'TEAM' or exists (select 1 from conversation_participant p
                                                  where p.conversation_id = c.id and p.user_id = (select id from caller)))
                order by u.urgent > 0 desc, u.last_at desc, c.id""",
                List.of(caller.userId()),
                row -> new UnreadView(TypedRows.uuid(row, 1), TypedRows.uuid(row, 2),
                        TypedRows.enumOf(ConversationKind.class, row, 3), row.getString(4), row.getLong(5),
                        row.getLong(6), TypedRows.instant(row, 7)));
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    public void touch(Conversation conversation) {
        conversation.lastActivityAt = Times.now();
    }

}

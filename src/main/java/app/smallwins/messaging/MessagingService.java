package app.smallwins.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.smallwins.access.Caller;
import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.access.CurrentCaller;
import app.smallwins.audit.AccessLog;
import app.smallwins.common.Times;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Page;
import app.smallwins.common.security.Permission;
import app.smallwins.live.EventRefs;
import app.smallwins.live.EventType;
import app.smallwins.live.LiveEvents;
import app.smallwins.media.MediaAttachments;
import app.smallwins.media.MediaView;
import app.smallwins.observation.Observation;
import app.smallwins.observation.ObservationService;
import app.smallwins.observation.ObservationSource;
import app.smallwins.team.TeamService;
import app.smallwins.user.Names;
import app.smallwins.user.People;

/**
 * Conversations about a child. Who may see a conversation: anyone on the child's team for
 * the TEAM conversation (so new members see its history and removed members lose it with
 * their membership); only its participants for a PRIVATE one. Anyone else gets 404.
 */
@ApplicationScoped
public class MessagingService {

    static final String TARGET = "CONVERSATION";

    /** How long the author may still correct a message. */
    static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    private final MessagingRepository messaging;
    private final TeamService team;
    private final ChildAccess access;
    private final CurrentCaller currentCaller;
    private final AccessLog accessLog;
    private final Idempotency idempotency;
    private final ObservationService observations;
    private final People people;
    private final LiveEvents live;
    private final MediaAttachments attachments;

    MessagingService(MessagingRepository messaging, TeamService team, ChildAccess access, CurrentCaller currentCaller,
            AccessLog accessLog, Idempotency idempotency, ObservationService observations, People people,
            LiveEvents live, MediaAttachments attachments) {
        this.messaging = messaging;
        this.team = team;
        this.access = access;
        this.currentCaller = currentCaller;
        this.accessLog = accessLog;
        this.idempotency = idempotency;
        this.observations = observations;
        this.people = people;
        this.live = live;
        this.attachments = attachments;
    }

    private static List<UUID> idsOf(List<Message> page) {
        return page.stream().map(m -> m.id).toList();
    }

    private record Access(ChildGrant grant, Conversation conversation) {
    }

    @Transactional
    public Page<ConversationView> list(UUID childId, Cursor after, int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_CONVERSATIONS);
        messaging.teamConversation(childId);
        UUID me = grant.caller().userId();
        List<Conversation> rows = messaging.conversationsFor(childId, me, after, limit + 1);
        Page<Conversation> page = Page.of(rows, limit, c -> new Cursor(c.lastActivityAt, c.id));
        accessLog.read(grant, "conversation.list", TARGET, null);
        return new Page<>(conversationViews(childId, me, page.items()), page.nextCursor());
    }

    @Transactional
    public ConversationView get(UUID childId, UUID conversationId) {
        Access a = enter(childId, conversationId, Permission.READ_CONVERSATIONS);
        accessLog.read(a.grant(), "conversation.read", TARGET, conversationId);
        return conversationViews(childId, a.grant().caller().userId(), List.of(a.conversation())).get(0);
    }

    /** Conversations as the reader sees them: participants, names and unread counts in three queries. */
    private List<ConversationView> conversationViews(UUID childId, UUID reader, List<Conversation> conversations) {
        List<UUID> ids = conversations.stream().map(c -> c.id).toList();
        Map<UUID, List<UUID>> participants = messaging.participants(childId, ids);
        Map<UUID, Long> unread = messaging.unreadCounts(childId, reader, ids);
        Names names = people.names(participants.values().stream().flatMap(List::stream).toList());
        return conversations.stream().map(c -> view(c, participants.getOrDefault(c.id, List.of()), names,
                unread.getOrDefault(c.id, 0L))).toList();
    }

    @Transactional
    public Idempotency.Outcome<ConversationView> open(UUID childId, NewConversation body, String idempotencyKey) {
        ChildGrant grant = access.require(childId, Permission.MESSAGE);
        UUID me = grant.caller().userId();
        return idempotency.once(me, idempotencyKey, "POST /children/" + childId + "/conversations", body,
                ConversationView.class, () -> {
                    Set<UUID> userIds = new LinkedHashSet<>();
                    userIds.add(me);
                    for (int i = 0; i < body.memberIds().size(); i++) {
                        UUID membershipId = body.memberIds().get(i);
                        UUID userId = team.signedInMember(grant, membershipId).orElse(null);
                        if (userId == null) {
                            throw ApiException.unprocessable("memberIds[" + i + "]",
                                    "is not a current, signed-in member of this child's team");
                        }
                        userIds.add(userId);
                    }
                    Conversation c = new Conversation();
                    c.id = UUID.randomUUID();
                    c.childId = childId;
                    c.kind = ConversationKind.PRIVATE;
                    c.title = body.title() == null ? null : body.title().strip();
                    c.createdAt = Times.now();
                    c.createdBy = me;
                    c.lastActivityAt = c.createdAt;
                    messaging.persist(c);
                    messaging.flush();
                    userIds.forEach(userId -> messaging.addParticipant(c, userId));
                    accessLog.change(grant, "conversation.create", TARGET, c.id);
                    // As every later read shows it (participants in their stored order).
                    return conversationViews(childId, me, List.of(c)).get(0);
                });
    }

    @Transactional
    public Page<MessageView> messages(UUID childId, UUID conversationId, Cursor after, int limit) {
        Access a = enter(childId, conversationId, Permission.READ_CONVERSATIONS);
        List<Message> rows = messaging.messages(childId, conversationId, after, limit + 1);
        Page<Message> page = Page.of(rows, limit, m -> new Cursor(m.createdAt, m.id));
        accessLog.read(a.grant(), "message.list", TARGET, conversationId);
        return new Page<>(messageViews(a.grant(), conversationId, page.items()), page.nextCursor());
    }

    @Transactional
    public MessageView message(UUID childId, UUID conversationId, UUID messageId) {
        Access a = enter(childId, conversationId, Permission.READ_CONVERSATIONS);
        Message m = messaging.findMessage(childId, conversationId, messageId)
                .orElseThrow(() -> ApiException.notFound("Message"));
        accessLog.read(a.grant(), "message.read", "MESSAGE", messageId);
        return messageViews(a.grant(), conversationId, List.of(m)).get(0);
    }

    /** Messages with who has read each: read markers and names in two queries, whatever the count. */
    private List<MessageView> messageViews(ChildGrant grant, UUID conversationId, List<Message> page) {
        List<MessagingRepository.ReadPosition> reads = messaging.readPositions(grant.childId(), conversationId);
        List<UUID> userIds = new ArrayList<>(page.stream().map(m -> m.authorId).toList());
        reads.forEach(r -> userIds.add(r.userId()));
        Names names = people.names(userIds);
        Map<UUID, List<MediaView>> attached = attachments.of(grant, List.of(), idsOf(page));
        return page.stream().map(m -> MessageView.of(m, reads, names, attached)).toList();
    }

    /** The id of the child's team conversation (made on first use), for the record export. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID teamConversationId(ChildGrant grant) {
        return messaging.teamConversation(grant.childId()).id;
    }

    /**
     * A page of the team conversation oldest first, deleted messages as their placeholders,
     * for the record export: two queries.
     */
    @Transactional
    public List<MessageView> exportPage(ChildGrant grant, UUID teamConversationId, Cursor after, int size) {
        List<Message> page = messaging.messagesOldestFirst(grant.childId(), teamConversationId, after, size);
        Names names = people.names(page.stream().map(m -> m.authorId).toList());
        Map<UUID, List<MediaView>> attached = attachments.of(grant, List.of(), idsOf(page));
        return page.stream().map(m -> MessageView.of(m, List.of(), names, attached)).toList();
    }

    /** For another feature's page (the timeline): these messages of the child, in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MessageSlice slice(ChildGrant grant, List<UUID> messageIds) {
        return new MessageSlice(messaging.rowsByIds(grant.childId(), messageIds));
    }

    /**
     * Posts a message; with a {@code win}, records the observation in the same transaction
     * and links the two, so either both exist or neither does.
     */
    @Transactional
    public Idempotency.Outcome<MessageView> post(UUID childId, UUID conversationId, NewMessage body,
            String idempotencyKey) {
        Access a = enter(childId, conversationId, Permission.MESSAGE);
        ChildGrant grant = a.grant();
        if (body.win() != null && !grant.may(Permission.RECORD_OBSERVATIONS)) {
            throw ApiException.forbidden("Your capacity on this child does not permit recording observations");
        }
        UUID me = grant.caller().userId();
        return idempotency.once(me, idempotencyKey,
                "POST /children/" + childId + "/conversations/" + conversationId + "/messages", body,
                MessageView.class, () -> {
                    Message m = new Message();
                    m.id = UUID.randomUUID();
                    m.childId = childId;
                    m.conversationId = conversationId;
                    m.authorId = me;
                    m.authorCapacity = grant.capacity();
                    m.body = body.body().strip();
                    m.urgent = Boolean.TRUE.equals(body.urgent());
                    m.createdAt = Times.now();
                    Observation win = null;
                    if (body.win() != null) {
                        win = observations.record(grant, body.win().draft(m.body, body.mediaIds()),
                                ObservationSource.MESSAGE, m.id);
                        m.observationId = win.id;
                    }
                    messaging.persist(m);
                    messaging.touch(a.conversation());
                    messaging.flush();
                    attachments.attachToMessage(grant, m.id, body.mediaIds());
                    // The author has read their own message.
                    messaging.markRead(a.conversation(), me, m);
                    accessLog.change(grant, "message.create", "MESSAGE", m.id);
                    live.emit(grant, EventType.MESSAGE_POSTED, EventRefs.message(conversationId, m.id));
                    return MessageView.of(m, List.of(), people.names(List.of(me)),
                            attachments.of(grant, List.of(), List.of(m.id)));
                });
    }

    @Transactional
    public MessageView edit(UUID childId, UUID conversationId, UUID messageId, MessagePatch body) {
        Access a = enter(childId, conversationId, Permission.MESSAGE);
        Message m = ownLiveMessage(a, messageId);
        if (Times.now().isAfter(m.createdAt.plus(EDIT_WINDOW))) {
            throw ApiException.conflict("A message can be edited for 15 minutes after posting");
        }
        String next = body.body().strip();
        if (!next.equals(m.body)) {
            keepEarlierBody(m);
            m.body = next;
            m.editedAt = Times.now();
            if (m.observationId != null) {
                observations.syncTextFromMessage(a.grant(), m.observationId, next);
            }
            accessLog.change(a.grant(), "message.update", "MESSAGE", m.id);
            live.emit(a.grant(), EventType.MESSAGE_EDITED, EventRefs.message(conversationId, m.id));
        }
        return messageViews(a.grant(), conversationId, List.of(m)).get(0);
    }

    /**
     * Leaves a "deleted" placeholder; the body stays in the record for admins. A win the message
     * carried is retracted with it: it counts in no view from now on.
     */
    @Transactional
    public void delete(UUID childId, UUID conversationId, UUID messageId) {
        Access a = enter(childId, conversationId, Permission.MESSAGE);
        Message m = ownLiveMessage(a, messageId);
        keepEarlierBody(m);
        m.deletedAt = Times.now();
        accessLog.change(a.grant(), "message.delete", "MESSAGE", m.id);
        live.emit(a.grant(), EventType.MESSAGE_DELETED, EventRefs.message(conversationId, m.id));
        if (m.observationId != null) {
            observations.retractWithMessage(a.grant(), m.observationId);
        }
    }

    @Transactional
    public List<MessageEditView> history(UUID childId, UUID conversationId, UUID messageId) {
        Access a = enter(childId, conversationId, Permission.READ_CONVERSATIONS);
        if (!a.grant().may(Permission.READ_MESSAGE_HISTORY)) {
            throw ApiException.forbidden("Only admins read a message's earlier versions");
        }
        messaging.findMessage(childId, conversationId, messageId)
                .orElseThrow(() -> ApiException.notFound("Message"));
        accessLog.read(a.grant(), "message.history", "MESSAGE", messageId);
        return messaging.edits(childId, messageId).stream().map(e -> new MessageEditView(e.body, e.replacedAt))
                .toList();
    }

    @Transactional
    public void markRead(UUID childId, UUID conversationId, ReadMarker marker) {
        Access a = enter(childId, conversationId, Permission.MESSAGE);
        Message upTo = messaging.findMessage(childId, conversationId, marker.upTo())
                .orElseThrow(() -> ApiException.unprocessable("upTo", "is not a message of this conversation"));
        UUID me = a.grant().caller().userId();
        if (messaging.markRead(a.conversation(), me, upTo)) {
            live.emitTo(a.grant(), me, EventType.UNREAD_CHANGED, EventRefs.conversation(conversationId));
        }
    }

    /** Outside a transaction on purpose: one statement, its own transaction in PostgreSQL (as ChildService.list). */
    public List<UnreadView> unread() {
        Caller caller = currentCaller.get();
        return messaging.unreadForUser(caller);
    }

    /**
     * The conversation of this child that the caller may see, or 404. (No need to create the
     * team conversation here: a caller can only know its id once listing created it.)
     */
    private Access enter(UUID childId, UUID conversationId, Permission permission) {
        ChildGrant grant = access.require(childId, permission);
        Conversation c = messaging.findConversation(childId, conversationId)
                .filter(found -> found.kind == ConversationKind.TEAM
                        || messaging.isParticipant(found.id, grant.caller().userId()))
                .orElseThrow(() -> ApiException.notFound("Conversation"));
        return new Access(grant, c);
    }

    private Message ownLiveMessage(Access a, UUID messageId) {
        Message m = messaging.findMessage(a.conversation().childId, a.conversation().id, messageId)
                .filter(found -> found.deletedAt == null)
                .orElseThrow(() -> ApiException.notFound("Message"));
        if (!m.authorId.equals(a.grant().caller().userId())) {
            throw ApiException.forbidden("Only the author changes a message");
        }
        return m;
    }

    private void keepEarlierBody(Message m) {
        MessageEdit edit = new MessageEdit();
        edit.id = UUID.randomUUID();
        edit.childId = m.childId;
        edit.messageId = m.id;
        edit.body = m.body;
        edit.replacedAt = Times.now();
        messaging.persist(edit);
    }

    private static ConversationView view(Conversation c, List<UUID> participantIds, Names names,
            long unread) {
        return new ConversationView(c.id, c.childId, c.kind, c.title,
                participantIds.stream().map(id -> participant(id, names)).toList(), c.createdAt, c.lastActivityAt,
                unread);
    }

    static ConversationView.Participant participant(UUID userId, Names names) {
        return new ConversationView.Participant(userId, names.of(userId));
    }
}

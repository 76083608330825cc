package app.smallwins.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.SmallWinsConfig;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.persistence.TypedRows;

/** The notification tables: settings, push subscriptions, the notifications themselves, the planner's place. */
@ApplicationScoped
public class NotificationRepository {

    private static final String SETTINGS_COLUMNS = """
            s.time_zone, s.language, to_char(s.quiet_start, 'HH24:MI'), to_char(s.quiet_end, 'HH24:MI'),
            to_char(s.digest_time, 'HH24:MI'), s.digest_days, s.weekly_summary_day, s.include_content, s.categories::text""";

    /**
     * The time zone of the first child a person joined the team of: the default of their own
     * (a family's evening is the child's evening).
     */
    private static final String FIRST_CHILD_ZONE = """
            coalesce((select c.time_zone from team_membership m join child c on c.id = m.child_id
                      where m.user_id = u.id and m.removed_at is null order by m.created_at, m.id limit 1), 'UTC')""";

    /** Whether a person is on teams as family only (the family defaults), from their memberships. */
    private static final String FAMILY_ONLY = """
            (exists (select 1 from team_membership m where m.user_id = u.id and m.removed_at is null and m.role = 'parent')
             and not exists (select 1 from team_membership m where m.user_id = u.id and m.removed_at is null
                             and m.role <> 'parent'))""";

    private final TypedRows rows;
    /** A person's address for notification mail, as SQL: verified ones only, unless configured otherwise. */
    private final String mailAddress;

    NotificationRepository(TypedRows rows, SmallWinsConfig config) {
        this.rows = rows;
        this.mailAddress = config.mail().verifiedAddressesOnly() ? "case when u.email_verified then u.email end"
                : "u.email";
    }

    // --- Settings ---

    /** A person's saved settings, as stored: the columns and the categories as JSON. */
    record StoredSettings(String timeZone, String language, String quietStart, String quietEnd, String digestTime,
            String digestDays, String weeklySummaryDay, boolean includeContent, String categoriesJson) {

        static StoredSettings of(ResultSet r, int first) throws SQLException {
            if (r.getString(first) == null) {
                return null;
            }
            return new StoredSettings(r.getString(first), r.getString(first + 1), r.getString(first + 2),
                    r.getString(first + 3), r.getString(first + 4), r.getString(first + 5), r.getString(first + 6),
                    r.getBoolean(first + 7), r.getString(first + 8));
        }
    }

    /** A person as the planner and the sender see them: where to reach them and what they chose. */
    record Profile(UUID userId, String email, boolean family, String defaultZone, StoredSettings stored,
            boolean hasPushDevice) {
    }

    Optional<StoredSettings> settings(UUID userId) {
        return rows.list("select " + SETTINGS_COLUMNS + " from notification_settings s where s.user_id = ?",
                List.of(userId), r -> StoredSettings.of(r, 1)).stream().findFirst();
    }

    String defaultZone(UUID userId) {
        return rows.list("select " + FIRST_CHILD_ZONE + " from app_user u where u.id = ?", List.of(userId),
                r -> r.getString(1)).stream().findFirst().orElse("UTC");
    }

    void storeSettings(UUID userId, NotificationSettings s, String categoriesJson, Instant now) {
        Object quietStart = s.quietHours() == null ? new TypedRows.NullOf(Types.VARCHAR) : s.quietHours().start();
        Object quietEnd = s.quietHours() == null ? new TypedRows.NullOf(Types.VARCHAR) : s.quietHours().end();
        rows.update("""
                insert into notification_settings (user_id, time_zone, language, quiet_start, quiet_end, digest_time,
                    digest_days, weekly_summary_day, include_content, categories, updated_at)
                values (?, ?, ?, ?::time, ?::time, ?::time, ?, ?, ?, ?::jsonb, ?)
                on conflict (user_id) do update set time_zone = excluded.time_zone, language = excluded.language,
                    quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                    digest_time = excluded.digest_time, digest_days = excluded.digest_days,
                    weekly_summary_day = excluded.weekly_summary_day, include_content = excluded.include_content,
                    categories = excluded.categories, updated_at = excluded.updated_at""",
                List.of(userId, s.timeZone(), s.language(), quietStart, quietEnd, s.digest().time(),
                        String.join(",", s.digest().days().stream().map(Weekday::name).toList()),
                        s.weeklySummaryDay().name(), s.includeContent(), categoriesJson, now));
    }

    /** The profiles of several people in one statement; those without an e-mail address get none. */
    List<Profile> profiles(UUID[] userIds) {
        return rows.list("""
                select u.id, %s, %s, %s,
                    exists (select 1 from push_subscription p where p.user_id = u.id), %s
                from app_user u left join notification_settings s on s.user_id = u.id
                where u.id = any(?)""".formatted(mailAddress, FAMILY_ONLY, FIRST_CHILD_ZONE, SETTINGS_COLUMNS),
                List.<Object>of((Object) userIds), r -> new Profile(TypedRows.uuid(r, 1), r.getString(2), r.getBoolean(3),
                        r.getString(4), StoredSettings.of(r, 6), r.getBoolean(5)));
    }

    // --- Push subscriptions ---

    record Subscription(UUID id, String endpoint, String p256dh, String auth, Instant createdAt) {

        static Subscription of(ResultSet r) throws SQLException {
            return new Subscription(TypedRows.uuid(r, 1), r.getString(2), r.getString(3), r.getString(4),
                    TypedRows.instant(r, 5));
        }
    }

    /**
     * Keeps a browser's subscription for a person. The same endpoint sent again (a refreshed key,
     * or another person signed in on that browser) replaces the earlier row: one browser, one owner.
     */
    Subscription subscribe(UUID userId, String endpoint, String p256dh, String auth, Instant now) {
        return rows.list("""
                insert into push_subscription (id, user_id, endpoint, p256dh, auth, created_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (endpoint) do update set user_id = excluded.user_id, p256dh = excluded.p256dh,
                    auth = excluded.auth, created_at = excluded.created_at
                returning id, endpoint, p256dh, auth, created_at""",
                List.of(UUID.randomUUID(), userId, endpoint, p256dh, auth, now), Subscription::of).get(0);
    }

    int unsubscribe(UUID userId, String endpoint) {
        return rows.update("delete from push_subscription where user_id = ? and endpoint = ?", List.of(userId, endpoint));
    }

    List<Subscription> subscriptions(UUID userId) {
        return rows.list("select id, endpoint, p256dh, auth, created_at from push_subscription where user_id = ? "
                + "order by created_at desc, id desc", List.of(userId), Subscription::of);
    }

    /** A subscription the push service says is gone (404, 410). */
    void forgetSubscription(UUID subscriptionId) {
        rows.update("delete from push_subscription where id = ?", List.of(subscriptionId));
    }

    // --- Planning ---

    /** Takes the planner's place for this transaction, or empty when another node is planning now. */
    Optional<Long> claimPlanner() {
        return rows.list("select planned_through from notification_planner for update skip locked", List.of(),
                r -> r.getLong(1)).stream().findFirst();
    }

    void movePlanner(long plannedThrough) {
        rows.update("update notification_planner set planned_through = ?", List.of(plannedThrough));
    }

    /** The last id of the next batch of events after a point (0 when there is none). */
    long batchEnd(long after, int size) {
        return rows.list("select coalesce(max(id), 0) from (select id from live_event where id > ? order by id limit ?) b",
                List.of(after, size), r -> r.getLong(1)).get(0);
    }

    /** An event that may notify, with what its category and its author depend on. */
    record Happening(long eventId, UUID childId, String type, UUID conversationId, UUID messageId,
            UUID observationId, UUID goalId, UUID actorId, boolean urgent, String actorCapacity,
            String observationKind, UUID cheeredAuthorId) {
    }

    List<Happening> happenings(long after, long upTo) {
        return rows.list("""
                select e.id, e.child_id, e.type, e.conversation_id, e.message_id, e.observation_id, e.goal_id,
                    coalesce(msg.author_id, o.author_id, ch.author_id, tm.created_by),
                    coalesce(msg.urgent, false), msg.author_capacity, o.kind, cheered.author_id
                from live_event e
                left join message msg on e.type = 'message.posted' and msg.child_id = e.child_id and msg.id = e.message_id
                left join observation o on e.type = 'observation.recorded' and o.child_id = e.child_id
                    and o.id = e.observation_id
                left join cheer ch on e.type = 'cheer.added' and ch.child_id = e.child_id and ch.id = e.cheer_id
                left join observation cheered on cheered.child_id = e.child_id and cheered.id = ch.observation_id
                left join team_membership tm on e.type = 'team.changed' and tm.child_id = e.child_id
                    and tm.id = e.membership_id
                where e.id > ? and e.id <= ?
                  and e.type in ('message.posted', 'observation.recorded', 'cheer.added', 'progress.flagged', 'team.changed')
                order by e.id""", List.of(after, upTo), r -> new Happening(r.getLong(1), TypedRows.uuid(r, 2),
                r.getString(3), TypedRows.uuid(r, 4), TypedRows.uuid(r, 5), TypedRows.uuid(r, 6), TypedRows.uuid(r, 7),
                TypedRows.uuid(r, 8), r.getBoolean(9), r.getString(10), r.getString(11), TypedRows.uuid(r, 12)));
    }

    /** A notification about to be written by the planner. */
    record Planned(UUID id, UUID userId, UUID childId, NotificationCategory category, Channel channel, long eventId,
            UUID conversationId, UUID messageId, UUID observationId, UUID goalId, NotificationStatus status,
            Instant heldUntil, boolean bypassedQuietHours) {
    }

    /** A notification written, and when it is due (now, or when quiet hours end). */
    record Queued(UUID id, Instant due) {
    }

    /**
     * Writes planned notifications in one statement; a notification another node already wrote
     * (same person, event and channel) is skipped. Returns those written, to be queued.
     */
    List<Queued> insertPlanned(List<Planned> planned, Instant now) {
        if (planned.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(planned.stream().map(Planned::id).toArray(UUID[]::new));
        parameters.add(planned.stream().map(Planned::userId).toArray(UUID[]::new));
        parameters.add(planned.stream().map(Planned::childId).toArray(UUID[]::new));
        parameters.add(planned.stream().map(p -> p.category().name()).toArray(String[]::new));
        parameters.add(planned.stream().map(p -> p.channel().name()).toArray(String[]::new));
        parameters.add(planned.stream().map(p -> Long.toString(p.eventId())).toArray(String[]::new));
        parameters.add(planned.stream().map(Planned::conversationId).toArray(UUID[]::new));
        parameters.add(planned.stream().map(Planned::messageId).toArray(UUID[]::new));
        parameters.add(planned.stream().map(Planned::observationId).toArray(UUID[]::new));
        parameters.add(planned.stream().map(Planned::goalId).toArray(UUID[]::new));
        parameters.add(planned.stream().map(p -> p.status().name()).toArray(String[]::new));
        parameters.add(planned.stream().map(p -> p.heldUntil() == null ? null : p.heldUntil().toString())
                .toArray(String[]::new));
        parameters.add(planned.stream().map(p -> Boolean.toString(p.bypassedQuietHours())).toArray(String[]::new));
        parameters.add(now);
        return rows.list("""
                insert into notification (id, user_id, child_id, category, channel, event_id, conversation_id, message_id,
                    observation_id, goal_id, status, held_until, bypassed_quiet_hours, created_at)
                select p.id, p.user_id, p.child_id, p.category, p.channel, p.event_id::bigint, p.conversation_id,
                    p.message_id, p.observation_id, p.goal_id, p.status, p.held_until::timestamptz, p.bypass::boolean, ?
                from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[],
                    ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[])
                    as p(id, user_id, child_id, category, channel, event_id, conversation_id, message_id, observation_id,
                        goal_id, status, held_until, bypass)
                on conflict (user_id, event_id, channel) where event_id is not null do nothing
                returning id, coalesce(held_until, created_at)""", rotateLast(parameters),
                r -> new Queued(TypedRows.uuid(r, 1), TypedRows.instant(r, 2)));
    }

    /** Moves the last parameter (the creation time, bound first in the statement) to the front. */
    private static List<Object> rotateLast(List<Object> parameters) {
        List<Object> rotated = new ArrayList<>(parameters.size());
        rotated.add(parameters.get(parameters.size() - 1));
        rotated.addAll(parameters.subList(0, parameters.size() - 1));
        return rotated;
    }

    // --- Held notifications, when quiet hours change ---

    record Held(UUID id, Instant heldUntil) {
    }

    List<Held> held(UUID userId) {
        return rows.list("select id, held_until from notification where user_id = ? and status = 'HELD'",
                List.of(userId), r -> new Held(TypedRows.uuid(r, 1), TypedRows.instant(r, 2)));
    }

    void holdUntil(UUID id, Instant until) {
        rows.update("update notification set held_until = ? where id = ? and status = 'HELD'", List.of(until, id));
    }

    // --- Sending ---

    /** Everything the sender needs about one notification, read in one statement. */
    record Outgoing(UUID id, UUID userId, UUID childId, NotificationCategory category, Channel channel,
            NotificationStatus status, int attempts, UUID conversationId, UUID messageId, UUID observationId,
            UUID goalId, String email, boolean family, String defaultZone, StoredSettings stored, String childName,
            String actorCapacity, String quotedText, boolean stillOnTeam, Instant periodStart, Instant createdAt,
            LocalDate digestDate) {
    }

    Optional<Outgoing> outgoing(UUID id) {
        return rows.list("""
                select n.id, n.user_id, n.child_id, n.category, n.channel, n.status, n.attempts, n.conversation_id,
                    n.message_id, n.observation_id, n.goal_id, %s, %s, %s,
                    coalesce(c.preferred_name, c.display_name),
                    coalesce(msg.author_capacity, o.author_capacity),
                    case when s.include_content then coalesce(msg.body, o.text) end,
                    n.child_id is null or exists (select 1 from team_membership m where m.child_id = n.child_id
                        and m.user_id = n.user_id and m.removed_at is null),
                    %s, n.period_start, n.created_at, n.digest_date
                from notification n
                join app_user u on u.id = n.user_id
                left join notification_settings s on s.user_id = n.user_id
                left join child c on c.id = n.child_id
                left join message msg on msg.child_id = n.child_id and msg.id = n.message_id and msg.deleted_at is null
                left join observation o on n.message_id is null and o.child_id = n.child_id and o.id = n.observation_id
                    and o.deleted_at is null
                where n.id = ?""".formatted(mailAddress, FAMILY_ONLY, FIRST_CHILD_ZONE, SETTINGS_COLUMNS), List.of(id),
                r -> new Outgoing(TypedRows.uuid(r, 1), TypedRows.uuid(r, 2), TypedRows.uuid(r, 3),
                        TypedRows.enumOf(NotificationCategory.class, r, 4), TypedRows.enumOf(Channel.class, r, 5),
                        TypedRows.enumOf(NotificationStatus.class, r, 6), r.getInt(7), TypedRows.uuid(r, 8),
                        TypedRows.uuid(r, 9), TypedRows.uuid(r, 10), TypedRows.uuid(r, 11), r.getString(12),
                        r.getBoolean(13), r.getString(14), StoredSettings.of(r, 19), r.getString(15), r.getString(16),
                        r.getString(17), r.getBoolean(18), TypedRows.instant(r, 28), TypedRows.instant(r, 29),
                        r.getObject(30, LocalDate.class)))
                .stream().findFirst();
    }

    void markSent(UUID id, Instant at) {
        rows.update("update notification set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null "
                + "where id = ?", List.of(at, id));
    }

    void markRetrying(UUID id, String error) {
        rows.update("update notification set status = 'QUEUED', attempts = attempts + 1, last_error = ? where id = ?",
                List.of(error, id));
    }

    void markFailed(UUID id, String error, boolean attempted) {
        rows.update("update notification set status = 'FAILED', attempts = attempts + ?, last_error = ? where id = ?",
                List.of(attempted ? 1 : 0, error, id));
    }

    // --- Digests ---

    /** A person who may get a digest: how to reach them, what they chose, when their last ones were planned. */
    record DigestCandidate(UUID userId, String email, boolean family, String defaultZone, StoredSettings stored,
            boolean hasPushDevice, LocalDate lastDaily, Instant lastDailyAt, LocalDate lastWeekly) {
    }

    /** Everyone on a team who can be reached, in one statement (the digest planner's round). */
    List<DigestCandidate> digestCandidates() {
        return rows.list("""
                select u.id, %s, %s, %s,
                    exists (select 1 from push_subscription p where p.user_id = u.id),
                    dd.last_date, dd.planned_at, wk.last_date, %s
                from app_user u
                left join notification_settings s on s.user_id = u.id
                left join notification_digest_day dd on dd.user_id = u.id and dd.category = 'DAILY_DIGEST'
                left join notification_digest_day wk on wk.user_id = u.id and wk.category = 'WEEKLY_SUMMARY'
                where exists (select 1 from team_membership m where m.user_id = u.id and m.removed_at is null)
                  and (%s is not null or exists (select 1 from push_subscription p where p.user_id = u.id))"""
                .formatted(mailAddress, FAMILY_ONLY, FIRST_CHILD_ZONE, SETTINGS_COLUMNS, mailAddress), List.of(),
                r -> new DigestCandidate(TypedRows.uuid(r, 1), r.getString(2), r.getBoolean(3), r.getString(4),
                        StoredSettings.of(r, 9), r.getBoolean(5), r.getObject(6, LocalDate.class), TypedRows.instant(r, 7),
                        r.getObject(8, LocalDate.class)));
    }

    /** What a daily digest may tell, per person: since when, and which parts they take in digests. */
    record NewsQuestion(UUID userId, Instant since, boolean wins, boolean cheers, boolean messages, boolean flags,
            boolean team) {
    }

    /** Which of these questions (by position, from 1) have something new to tell: one statement. */
    List<Integer> withNews(List<NewsQuestion> questions, Instant until) {
        if (questions.isEmpty()) {
            return List.of();
        }
        return rows.list("""
                select q.n::int from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    with ordinality as q(user_id, since, wins, cheers, messages, flags, team, n)
                where (q.wins::boolean and exists (
                        select 1 from team_membership m join observation o on o.child_id = m.child_id
                        where m.user_id = q.user_id and m.removed_at is null and o.kind = 'WIN' and o.deleted_at is null
                          and o.created_at > q.since::timestamptz and o.created_at <= ? and o.author_id <> q.user_id))
                   or (q.cheers::boolean and exists (
                        select 1 from observation o
                        where o.author_id = q.user_id and o.deleted_at is null
                          and exists (select 1 from cheer c where c.child_id = o.child_id and c.observation_id = o.id
                                      and c.created_at > q.since::timestamptz and c.created_at <= ?
                                      and c.author_id <> q.user_id)))
                   or (q.messages::boolean and exists (
                        select 1 from team_membership m
                        join message msg on msg.child_id = m.child_id
                        join conversation c on c.id = msg.conversation_id
                        left join conversation_read r on r.conversation_id = c.id and r.user_id = q.user_id
                        where m.user_id = q.user_id and m.removed_at is null and msg.deleted_at is null
                          and msg.author_id <> q.user_id and msg.created_at > q.since::timestamptz
                          and msg.created_at <= ? and msg.created_at > coalesce(r.last_read_at, '-infinity')
                          and (c.kind = 'TEAM' or exists (select 1 from conversation_participant p
                                                          where p.conversation_id = c.id and p.user_id = q.user_id))))
                   or (q.flags::boolean and exists (
                        select 1 from team_membership m
                        where m.user_id = q.user_id and m.removed_at is null
                          and exists (select 1 from goal_gap_flag f where f.child_id = m.child_id and f.flagged
                                      and f.changed_at > q.since::timestamptz and f.changed_at <= ?)))
                   or (q.team::boolean and exists (
                        select 1 from team_membership m
                        where m.user_id = q.user_id and m.removed_at is null
                          and exists (select 1 from team_membership other where other.child_id = m.child_id
                                      and other.user_id is distinct from q.user_id
                                      and (other.created_at > q.since::timestamptz and other.created_at <= ?
                                           or other.removed_at > q.since::timestamptz and other.removed_at <= ?))))""",
                List.of(questions.stream().map(NewsQuestion::userId).toArray(UUID[]::new),
                        questions.stream().map(q -> q.since().toString()).toArray(String[]::new),
                        flags(questions, NewsQuestion::wins), flags(questions, NewsQuestion::cheers),
                        flags(questions, NewsQuestion::messages), flags(questions, NewsQuestion::flags),
                        flags(questions, NewsQuestion::team), until, until, until, until, until, until),
                r -> r.getInt(1));
    }

    private static String[] flags(List<NewsQuestion> questions, java.util.function.Predicate<NewsQuestion> flag) {
        return questions.stream().map(q -> Boolean.toString(flag.test(q))).toArray(String[]::new);
    }

    /** A digest or weekly summary to write: one per person, kind, local day and channel. */
    record PlannedDigest(UUID id, UUID userId, NotificationCategory category, Channel channel, LocalDate day,
            Instant periodStart) {
    }

    /** Writes planned digests (a repeat of the same person, kind, day and channel is skipped); returns those written. */
    List<Queued> insertDigests(List<PlannedDigest> planned, Instant now) {
        if (planned.isEmpty()) {
            return List.of();
        }
        return rows.list("""
                insert into notification (id, user_id, category, channel, digest_date, period_start, status, created_at)
                select p.id, p.user_id, p.category, p.channel, p.day::date, p.period_start::timestamptz, 'QUEUED', ?
                from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                    as p(id, user_id, category, channel, day, period_start)
                on conflict (user_id, category, digest_date, channel) where digest_date is not null do nothing
                returning id, created_at""", List.of(now,
                planned.stream().map(PlannedDigest::id).toArray(UUID[]::new),
                planned.stream().map(PlannedDigest::userId).toArray(UUID[]::new),
                planned.stream().map(p -> p.category().name()).toArray(String[]::new),
                planned.stream().map(p -> p.channel().name()).toArray(String[]::new),
                planned.stream().map(p -> p.day().toString()).toArray(String[]::new),
                planned.stream().map(p -> p.periodStart().toString()).toArray(String[]::new)),
                r -> new Queued(TypedRows.uuid(r, 1), TypedRows.instant(r, 2)));
    }

    /** Notes the day each person's digest (or summary) was planned, told or not. */
    void markDigestDays(NotificationCategory category, List<UUID> userIds, List<LocalDate> days, Instant now) {
        if (userIds.isEmpty()) {
            return;
        }
        rows.update("""
                insert into notification_digest_day (user_id, category, last_date, planned_at)
                select d.user_id, ?, d.day::date, ? from unnest(?::uuid[], ?::text[]) as d(user_id, day)
                on conflict (user_id, category) do update set last_date = excluded.last_date,
                    planned_at = excluded.planned_at""", List.of(category.name(), now,
                userIds.toArray(UUID[]::new), days.stream().map(LocalDate::toString).toArray(String[]::new)));
    }

    // --- A digest's content, read when it is sent ---

    record DigestWin(UUID childId, String childName, String goal, boolean firstTime, String text, String capacity) {
    }

    List<DigestWin> digestWins(UUID userId, Instant since, Instant until, int limit) {
        return rows.list("""
                select o.child_id, coalesce(c.preferred_name, c.display_name), coalesce(g.plain_language, g.title),
                    o.first_time, o.text, o.author_capacity
                from team_membership m
                join child c on c.id = m.child_id and c.archived_at is null
                join observation o on o.child_id = m.child_id
                left join goal g on g.child_id = o.child_id and g.id = o.goal_id
                where m.user_id = ? and m.removed_at is null and o.kind = 'WIN' and o.deleted_at is null
                  and o.created_at > ? and o.created_at <= ? and o.author_id <> m.user_id
                order by c.id, o.first_time desc, o.occurred_at, o.id limit ?""", List.of(userId, since, until, limit),
                r -> new DigestWin(TypedRows.uuid(r, 1), r.getString(2), r.getString(3), r.getBoolean(4),
                        r.getString(5), r.getString(6)));
    }

    record DigestUnread(UUID childId, String childName, String conversationKind, String title, long unread,
            long urgent) {
    }

    List<DigestUnread> digestUnread(UUID userId) {
        return rows.list("""
                select c.child_id, coalesce(ch.preferred_name, ch.display_name), c.kind, c.title, u.unread, u.urgent
                from team_membership tm
                join child ch on ch.id = tm.child_id and ch.archived_at is null
                join conversation c on c.child_id = tm.child_id
                left join conversation_read r on r.conversation_id = c.id and r.user_id = tm.user_id
                cross join lateral (select count(*) as unread, count(*) filter (where msg.urgent) as urgent
                    from message msg where msg.child_id = c.child_id and msg.conversation_id = c.id
                      and msg.created_at > coalesce(r.last_read_at, '-infinity')
                      and msg.deleted_at is null and msg.author_id <> tm.user_id) u
                where tm.user_id = ? and tm.removed_at is null and u.unread > 0
                  and (c.kind = 'TEAM' or exists (select 1 from conversation_participant p
                                                  where p.conversation_id = c.id and p.user_id = tm.user_id))
                order by ch.id, u.urgent > 0 desc, c.last_activity_at desc""", List.of(userId),
                r -> new DigestUnread(TypedRows.uuid(r, 1), r.getString(2), r.getString(3), r.getString(4),
                        r.getLong(5), r.getLong(6)));
    }

    record DigestCheer(UUID childId, String childName, String note, String capacity) {
    }

    List<DigestCheer> digestCheers(UUID userId, Instant since, Instant until, int limit) {
        return rows.list("""
                select o.child_id, coalesce(c.preferred_name, c.display_name), ch.note, ch.author_capacity
                from observation o
                join child c on c.id = o.child_id and c.archived_at is null
                join cheer ch on ch.child_id = o.child_id and ch.observation_id = o.id
                where o.author_id = ? and o.deleted_at is null and ch.created_at > ? and ch.created_at <= ?
                  and ch.author_id <> o.author_id
                  and exists (select 1 from team_membership m where m.child_id = o.child_id and m.user_id = o.author_id
                              and m.removed_at is null)
                order by c.id, ch.created_at limit ?""", List.of(userId, since, until, limit),
                r -> new DigestCheer(TypedRows.uuid(r, 1), r.getString(2), r.getString(3), r.getString(4)));
    }

    record DigestFlag(UUID childId, String childName, String goal) {
    }

    List<DigestFlag> digestFlags(UUID userId, Instant since, Instant until) {
        return rows.list("""
                select f.child_id, coalesce(c.preferred_name, c.display_name), coalesce(g.plain_language, g.title)
                from team_membership m
                join child c on c.id = m.child_id and c.archived_at is null
                join goal_gap_flag f on f.child_id = m.child_id
                join goal g on g.child_id = f.child_id and g.id = f.goal_id
                where m.user_id = ? and m.removed_at is null and f.flagged and f.changed_at > ? and f.changed_at <= ?
                order by c.id, g.id""", List.of(userId, since, until),
                r -> new DigestFlag(TypedRows.uuid(r, 1), r.getString(2), r.getString(3)));
    }

    record DigestTeamChange(UUID childId, String childName, String relationship, boolean joined) {
    }

    List<DigestTeamChange> digestTeamChanges(UUID userId, Instant since, Instant until) {
        return rows.list("""
                select m.child_id, coalesce(c.preferred_name, c.display_name), other.relationship,
                    other.removed_at is null or other.removed_at > ?
                from team_membership m
                join child c on c.id = m.child_id and c.archived_at is null
                join team_membership other on other.child_id = m.child_id and other.user_id is distinct from m.user_id
                where m.user_id = ? and m.removed_at is null
                  and (other.created_at > ? and other.created_at <= ? or other.removed_at > ? and other.removed_at <= ?)
                order by c.id, other.created_at""", List.of(until, userId, since, until, since, until),
                r -> new DigestTeamChange(TypedRows.uuid(r, 1), r.getString(2), r.getString(3), r.getBoolean(4)));
    }

    /** The children a person is on the team of, with their capacity (the weekly summary's children). */
    record Membership(UUID childId, String role) {
    }

    String childName(UUID childId) {
        return rows.list("select coalesce(preferred_name, display_name) from child where id = ?", List.of(childId),
                r -> r.getString(1)).get(0);
    }

    List<Membership> memberships(UUID userId) {
        return rows.list("""
                select m.child_id, m.role from team_membership m join child c on c.id = m.child_id
                where m.user_id = ? and m.removed_at is null and c.archived_at is null order by m.created_at, m.id""",
                List.of(userId), r -> new Membership(TypedRows.uuid(r, 1), r.getString(2)));
    }

    // --- Retention ---

    /** Deletes a batch of finished notifications older than a point; returns how many went. */
    int purgeFinishedBefore(Instant before, int batch) {
        return rows.update("""
                delete from notification where id in (
                    select id from notification where created_at < ? and status in ('SENT', 'FAILED') limit ?)""",
                List.of(before, batch));
    }

    // --- History ---

    record HistoryRow(UUID id, UUID childId, NotificationCategory category, Channel channel, NotificationStatus status,
            Instant createdAt, Instant heldUntil, Instant sentAt, boolean bypassedQuietHours, int attempts,
            String lastError, UUID conversationId, UUID messageId, UUID observationId, UUID goalId) {
    }

    List<HistoryRow> history(UUID userId, Cursor after, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(userId));
        if (after != null) {
            parameters.add(after.at());
            parameters.add(after.id());
        }
        parameters.add(limit);
        return rows.list("""
                select id, child_id, category, channel, status, created_at, held_until, sent_at, bypassed_quiet_hours,
                    attempts, last_error, conversation_id, message_id, observation_id, goal_id
                from notification where user_id = ?%s
                order by created_at desc, id desc limit ?""".formatted(Cursor.olderThanTyped(after, "created_at", "id")),
                parameters, r -> new HistoryRow(TypedRows.uuid(r, 1), TypedRows.uuid(r, 2),
                        TypedRows.enumOf(NotificationCategory.class, r, 3), TypedRows.enumOf(Channel.class, r, 4),
                        TypedRows.enumOf(NotificationStatus.class, r, 5), TypedRows.instant(r, 6),
                        TypedRows.instant(r, 7), TypedRows.instant(r, 8), r.getBoolean(9), r.getInt(10),
                        r.getString(11), TypedRows.uuid(r, 12), TypedRows.uuid(r, 13), TypedRows.uuid(r, 14),
                        TypedRows.uuid(r, 15)));
    }
}

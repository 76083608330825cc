package app.smallwins.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.access.Caller;
import app.smallwins.access.CurrentMembership;
import app.smallwins.common.persistence.TypedRows;
import app.smallwins.common.security.Role;

/**
 * The event table: written with each change, read by the streams and by polling. Who may see
 * an event is one condition, written once for the reader's own queries ({@link #VISIBLE_TO_ME})
 * and once for a node's fan-out ({@link #RECIPIENTS}): the rules of the GETs the events announce.
 */
@ApplicationScoped
public class LiveEventRepository {

    /** The transaction-scoped advisory lock under which event ids are handed out (V8__live_events.sql). */
    static final long ID_LOCK = 0x534C_5645_4E54L;
    /** Taken by the retention job, so one node purges at a time. */
    static final long PURGE_LOCK = 0x534C_5055_5247L;

    private static final String COLUMNS = """
            e.id, e.child_id, e.type, e.occurred_at, e.conversation_id, e.message_id, e.observation_id, e.cheer_id,
            e.goal_id, e.membership_id""";

    /**
     * A private conversation's events reach its participants only; the team conversation's,
     * everyone who may read it. {@code %1$s} is the reader's user id column or parameter.
     */
    private static final String CONVERSATION_VISIBLE = """
            (e.conversation_id is null or exists (select 1 from conversation c where c.id = e.conversation_id
                and (c.kind = 'TEAM' or exists (select 1 from conversation_participant p
                    where p.conversation_id = c.id and p.user_id = %1$s))))""";

    /**
     * Events one person may see, oldest first, after an id: through each of their current
     * memberships (one index range per child), plus notices addressed to them alone.
     */
    private static final String VISIBLE_TO_ME = """
            select * from (
                select %1$s from team_membership m
                join live_event e on e.child_id = m.child_id and e.id > ? and m.role = any(e.roles)
                where m.user_id = ? and %2$s
                  and (e.recipient_id is null or e.recipient_id = m.user_id)
                  and %3$s
                union all
                select %1$s from live_event e where e.recipient_id = ? and e.roles is null and e.id > ?
            ) visible order by id limit ?""";

    /** Who may see each event of a range: (event, user, the role of the membership that shows it; null for a notice). */
    private static final String RECIPIENTS = """
            select e.id, m.user_id, m.role from live_event e
            join team_membership m on m.child_id = e.child_id and m.removed_at is null and m.user_id is not null
                and m.role = any(e.roles)
            where e.id > ? and e.id <= ?
              and (e.recipient_id is null or e.recipient_id = m.user_id)
              and %s
            union all
            select e.id, e.recipient_id, null from live_event e where e.id > ? and e.id <= ? and e.roles is null"""
            .formatted(CONVERSATION_VISIBLE.formatted("m.user_id"));

    private static final String INSERT = """
            insert into live_event (id, child_id, type, occurred_at, roles, recipient_id, conversation_id, message_id,
                observation_id, cheer_id, goal_id, membership_id)
            select nextval('live_event_id_seq'), e.child_id, e.type, e.occurred_at, string_to_array(e.roles, ','),
                e.recipient_id, e.conversation_id, e.message_id, e.observation_id, e.cheer_id, e.goal_id, e.membership_id
            from pg_advisory_xact_lock(?) as locked,
                unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[],
                    ?::uuid[], ?::uuid[], ?::uuid[])
                as e(child_id, type, occurred_at, roles, recipient_id, conversation_id, message_id, observation_id,
                    cheer_id, goal_id, membership_id)""";

    /** One event waiting for its transaction's commit. */
    record Pending(UUID childId, EventType type, Instant at, String roles, UUID recipientId, EventRefs refs) {
    }

    /** One stored event. */
    record Row(long id, UUID childId, String type, Instant occurredAt, UUID conversationId, UUID messageId,
            UUID observationId, UUID cheerId, UUID goalId, UUID membershipId) {

        static Row of(ResultSet r) throws SQLException {
            return new Row(r.getLong(1), TypedRows.uuid(r, 2), r.getString(3), TypedRows.instant(r, 4),
                    TypedRows.uuid(r, 5), TypedRows.uuid(r, 6), TypedRows.uuid(r, 7), TypedRows.uuid(r, 8),
                    TypedRows.uuid(r, 9), TypedRows.uuid(r, 10));
        }
    }

    private final TypedRows rows;

    LiveEventRepository(TypedRows rows) {
        this.rows = rows;
    }

    /**
     * Writes a transaction's events in one statement, taking their ids in commit order, on the
     * transaction's own connection (each column travels as one array, {@code unnest} makes rows).
     */
    static void insert(Connection connection, List<Pending> events) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(INSERT)) {
            s.setLong(1, ID_LOCK);
            s.setArray(2, connection.createArrayOf("uuid", events.stream().map(Pending::childId).toArray()));
            s.setArray(3, connection.createArrayOf("text", events.stream().map(e -> e.type().wireName()).toArray()));
            s.setArray(4, connection.createArrayOf("text", events.stream().map(e -> e.at().toString()).toArray()));
            s.setArray(5, connection.createArrayOf("text", events.stream().map(Pending::roles).toArray()));
            s.setArray(6, connection.createArrayOf("uuid", events.stream().map(Pending::recipientId).toArray()));
            List<java.util.function.Function<EventRefs, UUID>> refs = List.of(EventRefs::conversationId,
                    EventRefs::messageId, EventRefs::observationId, EventRefs::cheerId, EventRefs::goalId,
                    EventRefs::membershipId);
            for (int i = 0; i < refs.size(); i++) {
                var ref = refs.get(i);
                s.setArray(7 + i, connection.createArrayOf("uuid", events.stream().map(e -> ref.apply(e.refs())).toArray()));
            }
            s.executeUpdate();
        }
    }

    /** The events a person may see after an id, oldest first: one query. */
    List<Row> visibleAfter(Caller caller, long after, int limit) {
        String sql = VISIBLE_TO_ME.formatted(COLUMNS, CurrentMembership.sql("m", caller),
                CONVERSATION_VISIBLE.formatted("m.user_id"));
        return rows.list(sql, List.of(after, caller.userId(), caller.userId(), after, limit), Row::of);
    }

    /** Everyone who may see the events of a range, as the rules stand now, on the transaction's connection. */
    List<EventRecipient> recipients(long after, long upTo) {
        return rows.list(RECIPIENTS, List.of(after, upTo, after, upTo), EventRecipient::of);
    }

    /** The newest event id (0 when there is none yet) and how far retention has deleted. */
    record Head(long newest, long purgedThrough) {
    }

    Head head() {
        return rows.list("select coalesce((select max(id) from live_event), 0), purged_through from live_event_horizon",
                List.of(), r -> new Head(r.getLong(1), r.getLong(2))).get(0);
    }

    /**
     * Deletes a batch of events older than a point and moves the horizon past them, under a
     * lock so one node purges at a time; returns how many went.
     */
    int purgeOlderThan(Instant before, int batch) {
        rows.list("select 1 from pg_advisory_xact_lock(?)", List.of(PURGE_LOCK), r -> r.getInt(1));
        return rows.list("""
                with gone as (
                    delete from live_event where id in (
                        select id from live_event where occurred_at < ? order by id limit ?)
                    returning id),
                moved as (
                    update live_event_horizon set purged_through = greatest(purged_through, (select max(id) from gone))
                    where exists (select 1 from gone) returning 1)
                select count(*) from gone""", List.of(before, batch), r -> r.getInt(1)).get(0);
    }

    // --- The node's own connection (LiveEventDispatcher): plain JDBC, outside any transaction. ---

    /** Events after an id, oldest first, at most {@code limit}. */
    static List<Row> after(Connection connection, long after, int limit) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "select " + COLUMNS + " from live_event e where e.id > ? order by e.id limit ?")) {
            s.setLong(1, after);
            s.setInt(2, limit);
            List<Row> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(Row.of(r));
                }
            }
            return found;
        }
    }

    /** Everyone who may see the events of a range, as the rules stand now. */
    static List<EventRecipient> recipients(Connection connection, long after, long upTo) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(RECIPIENTS)) {
            s.setLong(1, after);
            s.setLong(2, upTo);
            s.setLong(3, after);
            s.setLong(4, upTo);
            List<EventRecipient> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(EventRecipient.of(r));
                }
            }
            return found;
        }
    }
}

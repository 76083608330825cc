package app.smallwins.live;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import app.smallwins.common.security.Role;

/**
 * One open stream of one person. It starts catching up (replaying from the table what the
 * client missed) while the node's fan-out already offers it new events; those wait in a
 * bounded queue and follow the replay. Ids only grow: an event at or below the last one sent
 * is never sent again, so replay and fan-out may overlap without repeating anything.
 */
final class EventStream {

    /** New events held while a replay runs; beyond this the replay simply runs once more. */
    static final int CATCH_UP_QUEUE = 1_000;

    private record Offered(long id, String type, String json) {
    }

    final UUID userId;
    private final Set<Role> teamRoles;
    private final SseEventSink sink;
    private final Sse sse;
    private final ArrayDeque<Offered> waiting = new ArrayDeque<>();
    private long lastSent;
    private boolean live;
    private boolean overflowed;
    private boolean closed;
    private java.util.concurrent.Future<?> expiry;

    EventStream(UUID userId, Set<Role> teamRoles, SseEventSink sink, Sse sse, long startAfter) {
        this.userId = userId;
        this.teamRoles = teamRoles;
        this.sink = sink;
        this.sse = sse;
        this.lastSent = startAfter;
    }

    /**
     * An event of the fan-out, shown to this person through a membership in capacity {@code via}
     * (null: addressed to them alone). The membership counts only while the token carries its role.
     */
    synchronized void offer(long id, String type, String json, Role via) {
        if (closed || (via != null && !teamRoles.contains(via))) {
            return;
        }
        if (live) {
            send(id, type, json);
        } else if (waiting.size() < CATCH_UP_QUEUE) {
            waiting.add(new Offered(id, type, json));
        } else {
            overflowed = true;
            waiting.clear();
        }
    }

    /** An event of the replay. */
    synchronized void replay(long id, String type, String json) {
        send(id, type, json);
    }

    /** Tells the client it is too far behind (or ahead) to replay; the stream goes on after {@code newest}. */
    synchronized void reset(long newest, String json) {
        lastSent = newest;
        write(sse.newEventBuilder().id(Long.toString(newest)).name(EventType.RESET).data(String.class, json)
                .build());
    }

    synchronized long lastSent() {
        return lastSent;
    }

    /**
     * Ends the catch-up: what waited is sent and the stream goes live, unless the queue
     * overflowed, in which case the caller replays again from {@link #lastSent()}.
     */
    synchronized boolean goLive() {
        if (overflowed) {
            overflowed = false;
            return false;
        }
        for (Offered o : waiting) {
            send(o.id(), o.type(), o.json());
        }
        waiting.clear();
        live = true;
        // Tells the client (and any proxy, which now sees the response begin) that it is caught up.
        write(sse.newEventBuilder().comment("live").build());
        return true;
    }

    synchronized void heartbeat() {
        if (!closed) {
            write(sse.newEventBuilder().comment("").build());
        }
    }

    synchronized boolean isClosed() {
        if (!closed && sink.isClosed()) {
            closed = true;
        }
        return closed;
    }

    /** The task that ends the stream when its token expires, cancelled if it ends before. */
    synchronized void expireWith(java.util.concurrent.Future<?> task) {
        expiry = task;
    }

    synchronized void close() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
        if (!closed) {
            closed = true;
            waiting.clear();
            sink.close();
        }
    }

    private void send(long id, String type, String json) {
        if (closed || id <= lastSent) {
            return;
        }
        lastSent = id;
        write(sse.newEventBuilder().id(Long.toString(id)).name(type).data(String.class, json).build());
    }

    private void write(OutboundSseEvent event) {
        if (sink.isClosed()) {
            closed = true;
            return;
        }
        sink.send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                close();
            }
        });
    }
}

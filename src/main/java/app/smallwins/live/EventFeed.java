package app.smallwins.live;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.smallwins.access.Caller;
import app.smallwins.access.CurrentCaller;
import app.smallwins.common.Times;
import app.smallwins.common.error.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * A person's events: the stream (replay from {@code Last-Event-ID}, then live) and the same
 * events as pages for background fetch. Both read the table with the visibility rules of
 * {@link LiveEventRepository}; the stream's live part comes from the node's fan-out.
 *
 * <p>Events name what changed and carry none of the record, so reading them is not written to
 * the access log; the GETs a client then makes are.
 */
@ApplicationScoped
public class EventFeed {

    static final int REPLAY_PAGE = 200;

    private final LiveEventRepository events;
    private final LiveEventDispatcher dispatcher;
    private final CurrentCaller currentCaller;
    private final JsonWebToken token;
    /** Ends streams when their token expires; one thread, the work is a close. */
    private final ScheduledThreadPoolExecutor expiries = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "live-events-expiry");
        t.setDaemon(true);
        return t;
    });

    EventFeed(LiveEventRepository events, LiveEventDispatcher dispatcher, CurrentCaller currentCaller,
            JsonWebToken token) {
        this.events = events;
        this.dispatcher = dispatcher;
        this.currentCaller = currentCaller;
        this.token = token;
        // A stream that ends before its token leaves no task behind.
        expiries.setRemoveOnCancelPolicy(true);
    }

    void stop(@jakarta.enterprise.event.Observes ShutdownEvent stopping) {
        expiries.shutdownNow();
    }

    /**
     * Events after a position ({@code after}, else {@code Last-Event-ID}), oldest first; a
     * position older than the retention gets one {@code reset}.
     */
    public EventPage page(String after, String lastEventId, int limit) {
        Caller caller = currentCaller.get();
        Long resumed = position("Last-Event-ID", lastEventId);
        Long position = after != null ? position("after", after) : resumed;
        LiveEventRepository.Head head = QuarkusTransaction.requiringNew().call(events::head);
        if (position != null && tooFarBehind(position, head)) {
            return new EventPage(List.of(EventView.reset(head.newest(), Times.now())), null);
        }
        long from = position == null ? head.purgedThrough() : position;
        List<LiveEventRepository.Row> rows = QuarkusTransaction.requiringNew()
                .call(() -> events.visibleAfter(caller, from, limit + 1));
        List<EventView> items = rows.stream().limit(limit).map(EventView::of).toList();
        return new EventPage(items, rows.size() > limit ? items.get(limit - 1).id() : null);
    }

    /**
     * Opens the caller's stream: registered with the fan-out first, so nothing committed from
     * now on is missed, then replayed from the table after {@code lastEventId} (or starting
     * now, without one), then live until the client leaves or the token expires.
     */
    public void open(SseEventSink sink, Sse sse, String lastEventId) {
        Caller caller = currentCaller.get();
        Long position = position("Last-Event-ID", lastEventId);
        long expiresAt = token.getExpirationTime();
        LiveEventRepository.Head head = QuarkusTransaction.requiringNew().call(events::head);
        long from = position == null ? head.newest() : position;
        EventStream stream = new EventStream(caller.userId(), caller.teamRoles(), sink, sse, from);
        dispatcher.register(stream);
        try {
            if (position != null && tooFarBehind(position, head)) {
                stream.reset(head.newest(), dispatcher.toJson(EventView.reset(head.newest(), Times.now())));
            }
            do {
                catchUp(caller, stream);
            } while (!stream.goLive());
        } catch (RuntimeException e) {
            dispatcher.unregister(stream);
            throw e;
        }
        long untilExpiry = expiresAt * 1000 - Instant.now().toEpochMilli();
        stream.expireWith(expiries.schedule(() -> dispatcher.unregister(stream), Math.max(0, untilExpiry),
                TimeUnit.MILLISECONDS));
    }

    private void catchUp(Caller caller, EventStream stream) {
        List<LiveEventRepository.Row> rows;
        do {
            long after = stream.lastSent();
            rows = QuarkusTransaction.requiringNew().call(() -> events.visibleAfter(caller, after, REPLAY_PAGE));
            for (LiveEventRepository.Row row : rows) {
                stream.replay(row.id(), row.type(), dispatcher.toJson(EventView.of(row)));
            }
        } while (rows.size() == REPLAY_PAGE && !stream.isClosed());
    }

    /** Before what retention kept, or beyond anything written (a database restored from a backup). */
    private static boolean tooFarBehind(long position, LiveEventRepository.Head head) {
        return position < head.purgedThrough() || position > head.newest();
    }

    private static Long position(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip();
        if (digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.invalid(name, "must be the id of an event (digits)");
        }
        return Long.parseLong(digits);
    }
}

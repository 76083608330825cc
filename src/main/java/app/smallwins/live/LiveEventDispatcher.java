package app.smallwins.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.smallwins.common.SmallWinsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * A node's half of live events: the streams it holds, and one database connection of its own
 * that LISTENs for the NOTIFY every event-writing transaction sends at commit. On each wake-up
 * (and every {@code smallwins.live.wake-interval} without one, the safety net) it reads the
 * events it has not fanned out yet from the table, asks once who may see them, and offers each
 * to the streams of those people on this node. Losing the connection (a database restart) only
 * delays: it reconnects and catches up from the table, so nothing committed meanwhile is lost.
 */
@ApplicationScoped
public class LiveEventDispatcher {

    static final String CHANNEL = "smallwins_live_events";
    private static final Logger LOG = Logger.getLogger(LiveEventDispatcher.class);
    private static final int BATCH = 500;

    private final LiveEventRepository events;
    private final Event<EventsCommitted> woken;
    private final ObjectMapper json;
    private final SmallWinsConfig.Live config;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String schema;
    private final Map<UUID, Set<EventStream>> streams = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile long delivered;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    LiveEventDispatcher(LiveEventRepository events, Event<EventsCommitted> woken, ObjectMapper json, SmallWinsConfig config, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.events = events;
        this.woken = woken;
        this.json = json;
        this.config = config.live();
        this.url = url;
        this.username = username;
        this.password = password;
        this.schema = config.db().schema();
        Gauge.builder("smallwins.live.streams", open, AtomicInteger::get)
                .description("Event streams open on this node").register(meters);
    }

    void start(@Observes StartupEvent started) {
        // Streams opened from now on replay from the table; fan-out starts at today's newest event.
        delivered = QuarkusTransaction.requiringNew().call(() -> events.head().newest());
        running = true;
        listener = new Thread(this::listen, "live-events-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        // Clients reconnect (with Last-Event-ID) to another node.
        streams.values().forEach(set -> set.forEach(EventStream::close));
    }

    /** Whether this node is listening now (its readiness, LiveEventsHealth). */
    boolean isListening() {
        return listening;
    }

    int openStreams() {
        return open.get();
    }

    void register(EventStream stream) {
        streams.computeIfAbsent(stream.userId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        open.incrementAndGet();
    }

    /** Ends a stream (if it has not ended) and forgets it. */
    void unregister(EventStream stream) {
        stream.close();
        streams.computeIfPresent(stream.userId, (id, set) -> {
            if (set.remove(stream)) {
                open.decrementAndGet();
            }
            return set.isEmpty() ? null : set;
        });
    }

    /** Comment lines on every stream, and streams whose client went away are dropped. */
    @Scheduled(identity = "live-heartbeat", every = "${smallwins.live.heartbeat-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void heartbeat() {
        List<EventStream> gone = new ArrayList<>();
        streams.values().forEach(set -> set.forEach(stream -> {
            stream.heartbeat();
            if (stream.isClosed()) {
                gone.add(stream);
            }
        }));
        gone.forEach(this::unregister);
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                if (warned) {
                    LOG.info("Live events: listening again; catching up from the event table");
                    warned = false;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    fanOut(connection);
                    woken.fire(new EventsCommitted());
                    pg.getNotifications((int) config.wakeInterval().toMillis());
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!warned && running) {
                    LOG.warnf("Live events: lost the database connection (%s); retrying every %s",
                            e.getClass().getSimpleName(), config.reconnectDelay());
                    warned = true;
                }
                pause();
            }
        }
        listening = false;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "small-wins live events");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("SET search_path TO " + schema);
        }
        return connection;
    }

    /** Everything committed since the last fan-out, in id order, to the streams of those who may see it. */
    private void fanOut(Connection connection) throws SQLException {
        List<LiveEventRepository.Row> batch;
        do {
            batch = LiveEventRepository.after(connection, delivered, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            long upTo = batch.get(batch.size() - 1).id();
            if (!streams.isEmpty()) {
                deliver(batch, LiveEventRepository.recipients(connection, delivered, upTo));
            }
            delivered = upTo;
        } while (batch.size() == BATCH);
    }

    private void deliver(List<LiveEventRepository.Row> batch, List<EventRecipient> recipients) {
        Map<Long, List<EventRecipient>> byEvent = new HashMap<>();
        for (EventRecipient r : recipients) {
            if (streams.containsKey(r.userId())) {
                byEvent.computeIfAbsent(r.eventId(), id -> new ArrayList<>()).add(r);
            }
        }
        for (LiveEventRepository.Row row : batch) {
            List<EventRecipient> to = byEvent.get(row.id());
            if (to == null) {
                continue;
            }
            String body = toJson(EventView.of(row));
            for (EventRecipient r : to) {
                Set<EventStream> theirs = streams.get(r.userId());
                if (theirs != null) {
                    theirs.forEach(stream -> stream.offer(row.id(), row.type(), body, r.via()));
                }
            }
        }
    }

    String toJson(EventView event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be written as JSON", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.reconnectDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

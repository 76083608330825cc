package app.smallwins.e2e.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.restassured.path.json.JsonPath;

/**
 * A person's live event stream ({@code GET /api/v1/me/events}, Server-Sent Events) held open
 * on one app instance, as a phone or browser holds it: the response's lines are read on a
 * thread of their own and parsed into events ({@code id}, {@code event}, {@code data} up to a
 * blank line; comment lines, such as heartbeats, are counted apart), each stamped with the moment its blank line
 * arrived, so a test measures delivery, not its own polling. If the server ends the stream,
 * the reader says so, and waiting for an event fails at once with how long the stream lived.
 */
public final class LiveStream implements AutoCloseable {

    /** One parsed event and when it arrived ({@link System#nanoTime()}). */
    public record Event(String id, String type, String data, long arrivedAt) {

        public JsonPath json() {
            return JsonPath.from(data);
        }

        @Override
        public String toString() {
            return "id:" + id + " event:" + type + " data:" + data;
        }
    }

    private static final String PATH = Api.BASE + "/me/events";
    // HTTP/1.1 as a browser's EventSource uses it against a plain-HTTP server: one long response.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration OPEN_WITHIN = Duration.ofSeconds(10);
    /** Put on the queue once the stream ended, so a waiting test wakes at once. */
    private static final Event ENDED = new Event(null, null, null, 0);

    private final AppNode node;
    private final Stream<String> lines;
    private final BlockingQueue<Event> arrivals = new LinkedBlockingQueue<>();
    private final List<Event> seen = Collections.synchronizedList(new ArrayList<>());
    private final long openedAt = System.nanoTime();
    private volatile int comments;
    private volatile String endedBecause;
    private volatile boolean closedByUs;

    private LiveStream(AppNode node, Stream<String> lines) {
        this.node = node;
        this.lines = lines;
        Thread reader = new Thread(this::read, "e2e-live-stream-" + node.name());
        reader.setDaemon(true); // never keeps the test JVM alive
        reader.start();
    }

    /**
     * Opens the stream of the token's owner on {@code node} and returns once its 200 arrived
     * (the server registers the stream before it answers, so what commits from then on is on it).
     * The stream ends when the token expires: give a fresh one to a test that holds it long.
     */
    public static LiveStream open(AppNode node, AccessToken token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + PATH))
                .header("Authorization", "Bearer " + token.raw())
                .header("Accept", "text/event-stream")
                .GET().build();
        HttpResponse<Stream<String>> response;
        try {
            response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(OPEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("GET " + node.url() + PATH + " gave no response headers within "
                    + OPEN_WITHIN.toSeconds() + " s", e);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || !contentType.startsWith("text/event-stream")) {
            String body;
            try (Stream<String> lines = response.body()) {
                body = String.join("\n", lines.limit(20).toList());
            }
            throw new AssertionError("GET " + node.url() + PATH + " answered " + response.statusCode() + " "
                    + contentType + ": " + body);
        }
        return new LiveStream(node, response.body());
    }

    private void read() {
        String id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        String reason;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        Event event = new Event(id, type, data.toString(), System.nanoTime());
                        seen.add(event);
                        arrivals.add(event);
                    }
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    type = value(line);
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(value(line));
                }
            }
            reason = "the server ended the stream (end of response)";
        } catch (RuntimeException e) { // an UncheckedIOException from the body, mostly
            reason = "the connection failed: " + e;
        }
        endedBecause = (closedByUs ? "closed by the test" : reason) + " after " + sinceOpened().toMillis() + " ms";
        arrivals.add(ENDED);
    }

    /** A field's value: after the colon, without the one optional space the format allows. */
    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    /**
     * The first event from now on that {@code wanted} accepts, skipping others (a member's stream
     * also carries what the rest of the team does). Fails when none arrives {@code within}, or
     * at once when the stream ends.
     */
    public Event await(String description, Predicate<Event> wanted, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Event next;
            try {
                next = arrivals.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (next == ENDED) {
                arrivals.add(ENDED); // later waits fail at once too
                throw new AssertionError("Waiting for " + description + " on " + node.name() + ": " + endedBecause
                        + "; events seen: " + seen());
            }
            if (next == null) {
                throw new AssertionError("No " + description + " on " + node.name() + "'s stream within "
                        + within.toMillis() + " ms; events seen: " + seen());
            }
            if (wanted.test(next)) {
                return next;
            }
        }
    }

    /** The {@code message.posted} event of that message. */
    public Event awaitMessagePosted(String messageId, Duration within) {
        return await("message.posted of message " + messageId,
                event -> "message.posted".equals(event.type()) && messageId.equals(event.json().getString("messageId")),
                within);
    }

    /** Null while the stream is open; otherwise how it ended and when. */
    public String endedBecause() {
        return endedBecause;
    }

    /** Comment lines seen: the heartbeats, and any the server writes as the stream opens. */
    public int comments() {
        return comments;
    }

    public Duration sinceOpened() {
        return Duration.ofNanos(System.nanoTime() - openedAt);
    }

    public List<Event> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public void close() {
        closedByUs = true;
        lines.close(); // cancels the response body, which ends the reader
    }
}

package app.smallwins.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * Real Server-Sent Events connections to {@code GET /api/v1/me/events}, read line by line on a
 * thread of their own, as a browser's EventSource would: {@code id}, {@code event} and
 * {@code data} fields until a blank line, comment lines counted apart.
 */
public final class EventStreams {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long an event may take to arrive: the fan-out is woken at commit, well within a second. */
    public static final Duration ARRIVES_WITHIN = Duration.ofSeconds(5);

    private EventStreams() {
    }

    /** One event as the client parsed it. */
    public record Event(String id, String type, Map<String, Object> data) {

        public Object get(String field) {
            return data.get(field);
        }
    }

    public static Stream open(Tokens.TestUser user) {
        return open(user.token(), null);
    }

    public static Stream open(Tokens.TestUser user, String lastEventId) {
        return open(user.token(), lastEventId);
    }

    /** Opens a stream and waits for its 200 (an SSE response is committed before any event). */
    public static Stream open(String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri() + Api.BASE + "/me/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                fail("stream answered " + response.statusCode() + ": " + body);
            }
            return new Stream(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String baseUri() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** An open stream: its events in arrival order, its comment lines, and whether the server ended it. */
    public static final class Stream implements AutoCloseable {

        private final HttpResponse<InputStream> response;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final List<String> comments = java.util.Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch ended = new CountDownLatch(1);
        private final Thread reader;

        Stream(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String type = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(id, type, JSON.readValue(data.toString(), new TypeReference<>() {
                            })));
                        }
                        id = null;
                        type = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        comments.add(line);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        type = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException e) {
                // closed by the test or the server
            } finally {
                ended.countDown();
            }
        }

        /** The next event, waiting at most {@link #ARRIVES_WITHIN}; fails when none comes. */
        public Event next() {
            try {
                Event event = events.poll(ARRIVES_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                assertNotNull(event, "no event arrived within " + ARRIVES_WITHIN);
                return event;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The next event, which must be of this type and about this id (field, value). */
        public Event expect(String type, String field, String value) {
            Event event = next();
            assertEquals(type, event.type(), "type of " + event);
            assertEquals(type, event.get("type"), "type in the data of " + event);
            assertEquals(event.id(), event.get("id"), "the SSE id and the data's id agree");
            assertEquals(value, event.get(field), field + " of " + event);
            return event;
        }

        /** Skips events until one matches (for streams that also see other tests' changes of the same people). */
        public Event until(Predicate<Event> wanted) {
            while (true) {
                Event event = next();
                if (wanted.test(event)) {
                    return event;
                }
            }
        }

        /** Nothing arrives for a while: long enough for a fan-out that would carry it. */
        public void expectNothing(Duration quiet) {
            try {
                Event event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                assertNull(event, "no event expected, got " + event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public List<String> comments() {
            return List.copyOf(comments);
        }

        /** Whether the server ended the stream within the time given. */
        public boolean endsWithin(Duration wait) {
            try {
                return ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException e) {
                // already closed
            }
            reader.interrupt();
        }
    }
}

package app.smallwins.common.error;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json for refusals that happen in the HTTP layer, before JAX-RS sees the request
 * (size limits, CORS, unknown paths): the same body {@link ProblemMappers} writes for
 * everything else.
 */
@ApplicationScoped
public class RouteProblems {

    /** An instance longer than this is cut: a 414's path is by definition too long to echo. */
    static final int MAX_INSTANCE = 256;

    /**
     * A refused body up to this size is read and dropped before the connection closes, so the
     * client, still sending, reads the problem instead of a reset connection.
     */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final ObjectMapper json;

    RouteProblems(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Ends the exchange with a problem. {@code bodyUnread}: the request's body was refused
     * unread, so the connection closes once it is drained (or at once when it is huge).
     */
    public void answer(RoutingContext context, ProblemType type, int status, String detail, Map<String, String> headers,
            boolean bodyUnread) {
        String path = context.request().path();
        String instance = path == null ? null : path.length() > MAX_INSTANCE ? path.substring(0, MAX_INSTANCE) : path;
        String body;
        try {
            body = json.writeValueAsString(new Problem(type.uri(), type.title, status, detail, instance, null));
        } catch (JsonProcessingException impossible) {
            body = "{}";
        }
        HttpServerResponse response = context.response();
        response.setStatusCode(status);
        response.headers().set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(response.headers()::set);
        if (bodyUnread) {
            response.headers().set(HttpHeaders.CONNECTION, "close");
            HttpServerRequest request = context.request();
            if (declaredLength(request) <= DRAIN_LIMIT && !request.isEnded()) {
                long[] drained = { 0 };
                request.handler(dropped -> {
                    drained[0] += dropped.length();
                    if (drained[0] > DRAIN_LIMIT) {
                        request.connection().close();
                    }
                });
                request.endHandler(done -> request.connection().close());
                request.resume();
            } else {
                response.endHandler(done -> request.connection().close());
            }
        }
        response.end(body);
    }

    private static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? 0 : Long.parseLong(length.strip()); // streamed: drained up to the limit
        } catch (NumberFormatException malformed) {
            return Long.MAX_VALUE;
        }
    }
}

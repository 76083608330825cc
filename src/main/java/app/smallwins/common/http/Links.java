package app.smallwins.common.http;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.core.UriBuilder;

/**
 * Links to resources, built from the JAX-RS paths of the GET that serves them, so a link can
 * never drift from its endpoint. The result is relative to the application path
 * ({@code /children/…}); JAX-RS resolves it against the base URI ({@code …/api/v1}) when it
 * becomes a Location header. Never write {@code "/api/v1/…"} by hand: that prefix would be
 * added twice.
 */
public final class Links {

    private static final Map<String, String> TEMPLATES = new ConcurrentHashMap<>();

    private Links() {
    }

    /** The path of {@code resource}'s method {@code getter} (a GET), with its path parameters in order. */
    public static URI to(Class<?> resource, String getter, Object... pathParameters) {
        String template = TEMPLATES.computeIfAbsent(resource.getName() + '#' + getter,
                key -> UriBuilder.fromResource(resource).path(resource, getter).toTemplate());
        return UriBuilder.fromPath(template).build(pathParameters);
    }
}

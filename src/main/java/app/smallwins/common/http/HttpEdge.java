package app.smallwins.common.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.smallwins.common.SmallWinsConfig;
import app.smallwins.common.error.ProblemType;
import app.smallwins.common.error.RouteProblems;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The HTTP layer's refusals as problem+json, and a template for every request's metrics.
 *
 * <p>Netty's HTTP codec and Quarkus' own body-size and CORS handlers refuse a request with
 * an empty body (Vert.x's {@code Http1xServerConnection#handleError} writes a bare 414 or
 * 431 and closes the connection before any route runs). So the codec's limits are raised
 * to hard caps ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) and this filter, which runs before CORS and before the
 * body-size check, enforces the documented limits itself:
 * <ul>
 * <li>request target longer than {@code smallwins.http.max-uri-length}: 414;</li>
 * <li>request headers larger than {@code smallwins.http.max-header-size} in total: 431;</li>
 * <li>{@code Content-Length} above {@code smallwins.http.max-body-size}: 413, and the
 * connection is closed once the unread body is drained; a streamed (chunked) body is
 * read here up to the same limit, and refused the same way when it outgrows it; a media
 * upload is the exception: its body is streamed to disk by the media service, which applies
 * the caps of its kind, and only a {@code Content-Length} above the largest cap is refused here
 * ({@code quarkus.http.limits.max-body-size}, Quarkus' own limit, must let it through);</li>
 * <li>an {@code Origin} that CORS does not allow: 403, with the same rules as Quarkus'
 * CORS filter, which still answers every allowed request and preflight.</li>
 * </ul>
 * Beyond the hard caps the codec answers alone and closes the connection: those requests
 * are too large to be read, so they cannot be answered by the application.
 *
 * <p>A request no route handles (outside {@code /api/v1}, or {@code /q/metrics} now that it
 * lives on the management interface) gets a 404 problem. In dev mode a browser asking for
 * HTML still gets Quarkus' page listing the endpoints.
 */
@ApplicationScoped
public class HttpEdge {

    /** Before Quarkus' CORS filter (priority 300) and its body-size check (route order -2). */
    static final int PRIORITY = 400;
    /** The key Quarkus REST and Micrometer share for the matched path template. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** The uri tag of a refused request whose path names no resource (bounded cardinality). */
    static final String UNMATCHED = "/UNMATCHED";

    private static final Set<HttpMethod> MAY_HAVE_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    /** What an upload over its cap may have sent when it is refused (one read buffer and then some). */
    private static final long UPLOAD_MARGIN = 1024 * 1024;
    /** The one streamed upload: photos and videos, written to disk as they arrive, with caps by kind. */
    private static final Pattern MEDIA_UPLOAD = Pattern.compile("/api/v1/children/[^/]+/media/?");

    private final RouteProblems problems;
    private final BodyHandler streamedBodies;
    private final PathTemplates templates;
    private final int maxUriLength;
    private final long maxHeaderSize;
    private final long maxBodySize;
    private final long maxUploadSize;
    private final boolean corsEnabled;
    private final boolean anyOrigin;
    private final Set<String> origins;
    private final List<Pattern> originPatterns;
    private final Set<HttpMethod> methods;

    HttpEdge(RouteProblems problems, PathTemplates templates, SmallWinsConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize quarkusBodyLimit,
            @ConfigProperty(name = "quarkus.http.cors.enabled") boolean corsEnabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
            @ConfigProperty(name = "quarkus.http.cors.methods") Optional<List<String>> methods) {
        this.problems = problems;
        this.templates = templates;
        this.maxUriLength = config.http().maxUriLength();
        this.maxHeaderSize = config.http().maxHeaderSize().asLongValue();
        this.maxBodySize = config.http().maxBodySize().asLongValue();
        this.maxUploadSize = Math.max(config.media().maxImageSize().asLongValue(),
                config.media().maxVideoSize().asLongValue());
        if (quarkusBodyLimit.asLongValue() <= Math.max(this.maxBodySize, maxUploadSize) + UPLOAD_MARGIN) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size must be above the largest media cap ("
                    + maxUploadSize + " bytes) and smallwins.http.max-body-size, so that they refuse first");
        }
        this.streamedBodies = BodyHandler.create(false).setBodyLimit(this.maxBodySize);
        this.corsEnabled = corsEnabled;
        List<String> allowed = origins.orElse(List.of());
        this.anyOrigin = allowed.size() == 1 && (allowed.get(0).equals("*") || allowed.get(0).equals("/.*/"));
        this.origins = Set.copyOf(allowed);
        this.originPatterns = allowed.stream().filter(o -> o.length() > 1 && o.startsWith("/") && o.endsWith("/"))
                .map(o -> Pattern.compile(o.substring(1, o.length() - 1))).toList();
        List<String> allowedMethods = methods.orElse(List.of());
        this.methods = allowedMethods.isEmpty() || allowedMethods.equals(List.of("*")) ? Set.of()
                : allowedMethods.stream().map(m -> HttpMethod.valueOf(m.strip().toUpperCase(Locale.ROOT)))
                        .collect(Collectors.toUnmodifiableSet());
    }

    void filters(@Observes Filters filters) {
        filters.register(this::screen, PRIORITY);
    }

    void routes(@Observes Router router) {
        // After every route, Quarkus REST's included: nothing else answered this path.
        router.route().order(Integer.MAX_VALUE - 1).handler(this::notFound);
        router.route().order(-PRIORITY).failureHandler(this::failed);
    }

    private void screen(RoutingContext context) {
        HttpServerRequest request = context.request();
        context.addHeadersEndHandler(ignored -> nameTemplate(context));
        if (request.uri().length() > maxUriLength) {
            problems.answer(context, ProblemType.URI_TOO_LONG, 414,
                    "The request target is longer than " + maxUriLength + " characters", Map.of(), false);
            return;
        }
        if (headerSize(request.headers()) > maxHeaderSize) {
            problems.answer(context, ProblemType.HEADERS_TOO_LARGE, 431,
                    "The request headers are larger than " + maxHeaderSize + " bytes in total", Map.of(), false);
            return;
        }
        if (corsEnabled && refusedByCors(request)) {
            problems.answer(context, ProblemType.ORIGIN_NOT_ALLOWED, 403,
                    "This origin may not call the API from a browser", Map.of(HttpHeaders.VARY.toString(), "Origin"),
                    false);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (request.method() == HttpMethod.POST && MEDIA_UPLOAD.matcher(request.path()).matches()) {
            // Streamed to disk by the media service, which refuses it by the caps of its kind.
            if (length != null && isOver(length, maxUploadSize)) {
                problems.answer(context, ProblemType.PAYLOAD_TOO_LARGE, 413,
                        "A photo or video may be at most " + maxUploadSize / (1024 * 1024) + " MB", Map.of(), true);
                return;
            }
            context.next();
            return;
        }
        if (length != null && isOver(length, maxBodySize)) {
            tooLarge(context);
            return;
        }
        if (length == null && MAY_HAVE_BODY.contains(request.method())) {
            // A streamed (chunked) body: read it here, up to the limit, so an overflow is ours to
            // answer (Quarkus REST would answer it with an empty 413). Quarkus REST reads the buffer.
            streamedBodies.handle(context);
            return;
        }
        context.next();
    }

    private void tooLarge(RoutingContext context) {
        problems.answer(context, ProblemType.PAYLOAD_TOO_LARGE, 413,
                "The request body is larger than " + maxBodySize + " bytes", Map.of(), true);
    }

    /** The streamed-body reader fails the request with 413 when the body outgrows the limit. */
    private void failed(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            tooLarge(context);
        } else {
            context.next();
        }
    }

    private void notFound(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (LaunchMode.current() == LaunchMode.DEVELOPMENT && accept != null && accept.contains("text/html")) {
            context.next(); // the dev-mode page that lists the endpoints
            return;
        }
        problems.answer(context, ProblemType.NOT_FOUND, 404, "No such resource", Map.of(), false);
    }

    /**
     * Metrics tag a request with its path template: the one its path fits among the API's
     * resources, whether Quarkus REST matched an operation or refused it before (405, 406,
     * 415, 413, CORS…), so no id of a path ever becomes a tag value. (Quarkus REST's own
     * template leaves out the application path, /api/v1.) A path that fits no resource keeps
     * Micrometer's NOT_FOUND for a 404 and is tagged UNMATCHED otherwise.
     */
    private void nameTemplate(RoutingContext context) {
        if (!(context.request() instanceof HttpServerRequestInternal request)) {
            return;
        }
        String template = templates.match(request.path());
        if (template != null) {
            request.context().putLocal(URL_PATH_TEMPLATE, template);
        } else if (context.response().getStatusCode() != 404) {
            request.context().putLocal(URL_PATH_TEMPLATE, UNMATCHED);
        } else {
            request.context().removeLocal(URL_PATH_TEMPLATE);
        }
    }

    private boolean refusedByCors(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || anyOrigin) {
            return false;
        }
        boolean listed = origins.contains(origin) || originPatterns.stream().anyMatch(p -> p.matcher(origin).matches());
        if (!listed) {
            return !isSameOrigin(request, origin);
        }
        // A listed origin may still use only the configured methods (a preflight is answered by CORS itself).
        boolean preflight = request.method() == HttpMethod.OPTIONS
                && (request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null
                        || request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS) != null);
        return !preflight && !methods.isEmpty() && !methods.contains(request.method());
    }

    private static boolean isSameOrigin(HttpServerRequest request, String origin) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String scheme = request.scheme();
            return scheme != null && scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && uri.getHost().equalsIgnoreCase(authority.host())
                    && port(uri.getPort(), scheme) == port(authority.port(), scheme)
                    && (uri.getPath() == null || uri.getPath().isEmpty());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static int port(int port, String scheme) {
        return port > 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** Roughly what the request's header block weighs on the wire: "name: value" and CRLF per line. */
    private static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException notANumber) {
            return false; // the codec refuses a malformed Content-Length before any route runs
        }
    }
}

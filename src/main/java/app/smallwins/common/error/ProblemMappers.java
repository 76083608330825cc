package app.smallwins.common.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import app.smallwins.common.input.InputRules;
import app.smallwins.common.json.InvalidValueException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one place where failures become HTTP responses. Every error is
 * application/problem+json; no exception message, class name, stack trace or SQL text
 * ever reaches the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client should wait before retrying while the database is unreachable. */
    static final String RETRY_AFTER_SECONDS = "5";
    private static final Set<String> CONNECTION_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private final ObjectMapper json;

    ProblemMappers(ObjectMapper json) {
        this.json = json;
    }

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        Response problem = respond(e.type, e.type.status, e.getMessage(), e.errors, request);
        if (e.headers.isEmpty()) {
            return problem;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(problem);
        e.headers.forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        return unauthorized("A valid bearer token is required", "Bearer", request);
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized("The bearer token is invalid or expired", "Bearer error=\"invalid_token\"", request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(ProblemType.FORBIDDEN, 403, "Your roles do not permit this operation", List.of(), request);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemType.VALIDATION, 400, countFields(errors.size()), errors, request);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, HttpServerRequest request) {
        return invalidBody(e, "unknown property", request);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, HttpServerRequest request) {
        String message = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "))
                : expected(e.getTargetType());
        return invalidBody(e, message, request);
    }

    @ServerExceptionMapper
    public Response invalidJsonValue(InvalidValueException e, HttpServerRequest request) {
        return invalidBody(e, e.rule(), request);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        if (e.getPath().isEmpty()) {
            return respond(ProblemType.MALFORMED, 400, "The request body must be a JSON object", List.of(), request);
        }
        return invalidBody(e, expected(e.getTargetType()), request);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, HttpServerRequest request) {
        return json(e, request);
    }

    /** A request type Jackson cannot build is our bug, not the client's: a logged 500. */
    @ServerExceptionMapper
    public Response definition(InvalidDefinitionException e, HttpServerRequest request) {
        return internal(e, request);
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, HttpServerRequest request) {
        return precondition(request);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, HttpServerRequest request) {
        return precondition(request);
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        return respond(ProblemType.CONFLICT, 409, "The request conflicts with the current state of the record",
                List.of(), request);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return unauthorized("A valid bearer token is required", "Bearer", request);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException parsing) {
            // Quarkus REST wraps JSON syntax errors (unlike mapping errors) in a plain 400.
            return json(parsing, request);
        }
        return switch (status) {
            case 400 -> respond(ProblemType.VALIDATION, 400, "The request is not valid", List.of(), request);
            case 403 -> respond(ProblemType.FORBIDDEN, 403, "Not permitted", List.of(), request);
            case 404 -> respond(ProblemType.NOT_FOUND, 404, "No such resource", List.of(), request);
            case 405 -> respond(ProblemType.METHOD_NOT_ALLOWED, 405,
                    "This resource does not support " + request.method().name(), List.of(), request);
            case 406 -> respond(ProblemType.NOT_ACCEPTABLE, 406,
                    "This resource cannot answer in a type the Accept header names (most answer application/json)", List.of(), request);
            case 415 -> respond(ProblemType.UNSUPPORTED_MEDIA_TYPE, 415,
                    "Send the request body as application/json", List.of(), request);
            default -> status >= 500
                    ? internal(e, request)
                    : respond(ProblemType.HTTP_ERROR, status, Response.Status.fromStatusCode(status) != null
                            ? Response.Status.fromStatusCode(status).getReasonPhrase() : "HTTP error", List.of(), request);
        };
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        return internal(e, request);
    }

    /** Syntax, limits and numbers out of range: named where the parser was. */
    private Response json(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof JsonProcessingException parsing
                && !(parsing instanceof JsonMappingException)) {
            // A syntax or number error met inside a nested object: the parser knows where.
            return json(parsing, request);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalidBody(mapping, "is not valid", request);
        }
        if (e instanceof StreamConstraintsException) {
            return respond(ProblemType.MALFORMED, 400, "The request body is nested too deeply or too large", List.of(),
                    request);
        }
        String at = e.getProcessor() instanceof JsonParser parser ? pathOf(parser.getParsingContext()) : "";
        if (e instanceof InputCoercionException && !at.isEmpty()) {
            return respond(ProblemType.VALIDATION, 400, countFields(1),
                    List.of(new Problem.FieldError(at, "is out of range")), request);
        }
        if (e instanceof StreamReadException && !at.isEmpty() && String.valueOf(e.getOriginalMessage())
                .startsWith("Duplicate field")) {
            return respond(ProblemType.MALFORMED, 400, "The request body gives " + at + " more than once", List.of(),
                    request);
        }
        return respond(ProblemType.MALFORMED, 400,
                at.isEmpty() ? "The request body is not valid JSON" : "The request body is not valid JSON at " + at,
                List.of(), request);
    }

    private Response internal(Throwable e, HttpServerRequest request) {
        if (databaseUnreachable(e)) {
            return unavailable(request);
        }
        String errorId = UUID.randomUUID().toString();
        // The message is left out on purpose: driver and constraint messages can quote row values.
        LOG.errorf("Unhandled error %s on %s %s: %s%n%s", errorId, request.method().name(), request.path(),
                e.getClass().getName(), stackOf(e));
        return respond(ProblemType.INTERNAL, 500, "Something went wrong on our side (error id " + errorId + ")",
                List.of(), request);
    }

    /**
     * The database cannot be reached (restart, failover, network): nothing was acknowledged,
     * so the client may retry; an Idempotency-Key makes the retry safe even when a commit
     * went through just before the connection broke. Not logged per request: the pool and
     * readiness (down while it lasts) already tell operators.
     */
    private Response unavailable(HttpServerRequest request) {
        return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE, 503,
                "The service cannot reach its database right now; retry in a few seconds", List.of(), request))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /**
     * Walks the cause chain (and JDBC's chained exceptions) for a failure of the connection
     * itself rather than of the statement: SQL state class 08 (connection exception),
     * 57P01-57P03 (the server is shutting down or starting), 53300 (too many connections),
     * Hibernate's JDBCConnectionException, JDBC's connection exception types, and the pool's
     * acquisition timeout (Agroal gives it no SQL state).
     */
    static boolean databaseUnreachable(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(e);
        while (!pending.isEmpty() && seen.size() < 50) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || CONNECTION_STATES.contains(state))) {
                    return true;
                }
                if (state == null && sql.getMessage() != null
                        && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
                if (sql.getNextException() != null) {
                    pending.add(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    private Response precondition(HttpServerRequest request) {
        return respond(ProblemType.PRECONDITION_FAILED, 412,
                "The record was changed by someone else; fetch it again and retry", List.of(), request);
    }

    private Response unauthorized(String detail, String challenge, HttpServerRequest request) {
        return Response.fromResponse(respond(ProblemType.UNAUTHORIZED, 401, detail, List.of(), request))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    private Response invalidBody(JsonMappingException e, String message, HttpServerRequest request) {
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(jsonPath(e), message));
        return respond(ProblemType.VALIDATION, 400, countFields(1), errors, request);
    }

    private Response respond(ProblemType type, int status, String detail, List<Problem.FieldError> errors,
            HttpServerRequest request) {
        Problem problem = new Problem(type.uri(), type.title, status, detail, request.path(),
                errors.isEmpty() ? null : errors);
        try {
            // Serialized here so the body is written whatever the client asked to accept.
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(json.writeValueAsString(problem)).build();
        } catch (JsonProcessingException impossible) {
            return Response.status(status).type(Problem.MEDIA_TYPE).build();
        }
    }

    private static String countFields(int n) {
        return n == 1 ? "1 field is invalid" : n + " fields are invalid";
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(clientName(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Where a streaming parser stopped, as a field path ("steps[0].description"); empty at the top. */
    private static String pathOf(JsonStreamContext context) {
        List<Object> segments = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.add(0, clientName(c.getCurrentName()));
            } else if (c.inArray()) {
                segments.add(0, Math.max(c.getCurrentIndex(), 0));
            }
        }
        StringBuilder path = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(segment);
            }
        }
        return path.toString();
    }

    /** A key from the request, echoed back: at most 64 characters, control characters replaced. */
    private static String clientName(String name) {
        String clipped = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return InputRules.scrub(clipped);
    }

    /** What a field of this type must be, for a value of another JSON type. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "must be an object";
    }

    /**
     * Keeps the request-facing part of a violation path: "create.body.displayName" →
     * "displayName", "list.page.limit" → "limit".
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean inBody = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
                inBody = true;
                continue;
            }
            if (inBody) {
                // The body or a @BeanParam: its Java parameter name means nothing to the client.
                names.clear();
                inBody = false;
            }
            if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                names.add(name);
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String stackOf(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t != e) {
                out.append("Caused by ").append(t.getClass().getName()).append('\n');
            }
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 25); i++) {
                out.append("\tat ").append(frames[i]).append('\n');
            }
        }
        return out.toString();
    }
}

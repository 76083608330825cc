package app.smallwins.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.restassured.filter.Filter;
import io.restassured.response.Response;

/**
 * Holds the suite to the committed contract, openapi/openapi.yaml: every response of an
 * operation the contract describes must match it (status, headers, media type, body, with no
 * undocumented fields), and every request the server accepted (2xx) must be one the contract
 * allows, so the contract is never stricter than the server. Requests refused on purpose (the
 * suite's invalid-input tests) are not held to it; their problem responses are.
 */
public final class Contract {

    /** Report keys that only say the call is outside the contract (unknown paths, unsupported methods). */
    private static final Set<String> OUTSIDE = Set.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(nullableReferencesInlined(Path.of("openapi/openapi.yaml")))
            .withLevelResolver(LevelResolver.create()
                    // A field the contract does not name is a lie of omission.
                    .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                    .build())
            .withStrictOperationPathMatching()
            .build();

    private static final AtomicInteger RESPONSES = new AtomicInteger();
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    /** The REST Assured filter: fails the test on any contract violation. */
    public static final Filter CONFORMS = (request, response, context) -> {
        Response answer = context.next(request, response);
        check(request.getMethod() + " " + request.getURI(), RestAssuredRequest.of(request), answer);
        return answer;
    };

    static {
        // One line for the build log: how much of the contract the run held the server to.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("Contract: " + checked()
                + " checked against openapi/openapi.yaml; " + Locations.followed() + " Locations followed")));
    }

    private Contract() {
    }

    /** Responses checked so far; requests checked so far (those answered 2xx). */
    public static String checked() {
        return RESPONSES.get() + " responses and " + REQUESTS.get() + " accepted requests";
    }

    private static void check(String where, Request request, Response answer) {
        ValidationReport responseReport = VALIDATOR.validateResponse(request.getPath(), request.getMethod(),
                RestAssuredResponse.of(answer));
        if (outsideContract(responseReport)) {
            return;
        }
        RESPONSES.incrementAndGet();
        ValidationReport report = responseReport;
        if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
            REQUESTS.incrementAndGet();
            report = report.merge(VALIDATOR.validateRequest(request));
        }
        String errors = errors(report, answer.statusCode());
        if (errors != null) {
            throw new AssertionError(where + " answered " + answer.statusCode() + ", which breaks openapi/openapi.yaml:\n"
                    + errors + "\nbody: " + answer.asString());
        }
    }

    /**
     * What is wrong with an answer the suite got by other means (the hostile-input test sends
     * raw bytes), or null when it matches the contract or its operation is not in it.
     */
    public static String responseViolations(String method, String target, int status, String contentType,
            String body) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method),
                (contentType.isEmpty() ? SimpleResponse.Builder.status(status)
                        : SimpleResponse.Builder.status(status).withContentType(contentType)).withBody(body).build());
        if (outsideContract(report)) {
            return null;
        }
        RESPONSES.incrementAndGet();
        return errors(report, status);
    }

    /** The report's errors, one per line, or null. */
    private static String errors(ValidationReport report, int status) {
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR && !OUTSIDE.contains(m.getKey()))
                // Accepting JSON is fine where the answer has no body at all.
                .filter(m -> !(status == 204 && m.getKey().equals("validation.request.accept.notAllowed")))
                .toList();
        return errors.isEmpty() ? null : errors.stream().map(m -> "- " + m.getKey() + ": " + m.getMessage()
                + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The contract says "this field may be null, else it is an X" as OpenAPI 3.0 tools write it:
     * {@code nullable: true, allOf: [$ref X]}. The validator reads {@code nullable} only beside
     * the referred schema's own keywords, so each such field is given a copy of X in place of
     * the reference (equivalent; the committed document is not changed).
     */
    static String nullableReferencesInlined(Path spec) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            JsonNode document = yaml.readTree(spec.toFile());
            JsonNode schemas = document.path("components").path("schemas");
            inline(document, schemas);
            return new ObjectMapper().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void inline(JsonNode node, JsonNode schemas) {
        if (node instanceof ObjectNode object && object.path("nullable").asBoolean(false)
                && object.path("allOf").size() == 1 && object.path("allOf").get(0).has("$ref")) {
            String ref = object.path("allOf").get(0).path("$ref").asText();
            JsonNode target = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            object.remove("allOf");
            target.fields().forEachRemaining(field -> {
                if (!object.has(field.getKey())) {
                    object.set(field.getKey(), field.getValue().deepCopy());
                }
            });
        }
        node.elements().forEachRemaining(child -> inline(child, schemas));
    }

    private static boolean outsideContract(ValidationReport report) {
        return report.getMessages().stream().anyMatch(m -> OUTSIDE.contains(m.getKey()));
    }
}

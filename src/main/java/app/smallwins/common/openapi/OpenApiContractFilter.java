package app.smallwins.common.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.logging.Logger;

import io.smallrye.openapi.model.Extensions;

import app.smallwins.common.error.Problem;
import app.smallwins.common.error.ProblemType;
import app.smallwins.common.http.Responses;

/**
 * Makes the generated document tell the truth, in one place and the same way for every
 * operation, so clients can generate code from it:
 * <ul>
 * <li>every error response is application/problem+json with the Problem schema, and the
 * Problem's {@code type} lists every problem type with its meaning;</li>
 * <li>every property of a response schema is required: the API always writes every field,
 * null or not ({@code quarkus.jackson.serialization-inclusion=always}), so a client may rely on
 * it; whether it can be null is declared on the field. A schema is either read or written, never
 * both (a request's optional field is a response's always-present one);</li>
 * <li>a property that refers to another schema carries no type of its own (SmallRye adds
 * {@code type: string} or {@code object} beside the reference, which contradicts enums);</li>
 * <li>list envelopes are named after their items ({@code ChildPage}, not {@code PageChildView});</li>
 * <li>every enum value is explained: each enum's description lists its values as
 * {@code - `VALUE`: meaning}, copied to {@code x-enum-descriptions} for generators;</li>
 * <li>the server is the one serving the document.</li>
 * </ul>
 */
public class OpenApiContractFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiContractFilter.class);
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";
    /** Marks a {@code @Schema(ref = …)} field that may be null (see {@link #normalizeReferences}). */
    public static final String NULLABLE_REFERENCE = "x-nullable";
    private static final Pattern ENUM_LINE = Pattern.compile("(?m)^- `([^`]+)`: (.+)$");

    /** The documented error responses: name → status and description. */
    private static final Map<String, String> ERRORS = new TreeMap<>(Map.ofEntries(
            Map.entry("BadRequest", "400|Invalid input; `errors` lists the offending fields. Nothing was changed."),
            Map.entry("Unauthorized", "401|No bearer token, or an invalid or expired one."),
            Map.entry("Forbidden", "403|The caller's roles or capacity on this child do not permit the operation."),
            Map.entry("NotFound", "404|No such resource, or the caller is not on this child's team."),
            Map.entry("NotAcceptable", "406|The client does not accept application/json."),
            Map.entry("Conflict", "409|The request conflicts with the record's current state. Nothing was changed."),
            Map.entry("PreconditionFailed", "412|If-Match names a version that is no longer current. Nothing was changed."),
            Map.entry("PayloadTooLarge", "413|The request body is larger than the API accepts."),
            Map.entry("UnsupportedMediaType", "415|The body is not sent as application/json."),
            Map.entry("Unprocessable", "422|Well-formed, but does not fit this child's record (e.g. another child's "
                    + "goal id), or the Idempotency-Key was used before for a different request. Nothing was changed."),
            Map.entry("PreconditionRequired", "428|If-Match is missing."),
            Map.entry("InternalError", "500|Unexpected failure; the detail carries an error id for support."),
            Map.entry("ServiceUnavailable", "503|The database cannot be reached for a moment; retry after the "
                    + "seconds in Retry-After. Nothing was changed.")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        try {
            tellTheTruth(openAPI);
        } catch (RuntimeException e) {
            // SmallRye drops a failing filter's work without a word; say why (OpenApiContractTest fails too).
            LOG.errorf("The OpenAPI contract filter failed: %s", e.getMessage());
            throw e;
        }
    }

    private static void tellTheTruth(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.setServers(List.of(OASFactory.createServer().url("/")
                .description("The server that serves this document; every path starts with /api/v1.")));
        addErrorResponses(openAPI);
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || schemas == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> documentOperation(path, method, operation)));
        renamePages(openAPI);
        schemas = openAPI.getComponents().getSchemas();
        Map<String, Schema> all = schemas;
        schemas.values().forEach(schema -> normalizeReferences(schema, all));
        markResponseFieldsRequired(openAPI, schemas);
        schemas.forEach(OpenApiContractFilter::describeEnum);
        describeProblemTypes(schemas.get("Problem"));
    }

    private static void addErrorResponses(OpenAPI openAPI) {
        Schema problemRef = OASFactory.createSchema().ref(SCHEMAS + "Problem");
        ERRORS.forEach((name, spec) -> {
            APIResponse response = OASFactory.createAPIResponse().description(spec.substring(4))
                    .content(problemContent(problemRef));
            if (name.equals("ServiceUnavailable")) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before retrying.")
                        .schema(OASFactory.createSchema().addType(SchemaType.INTEGER)));
            }
            openAPI.getComponents().addResponse(name, response);
        });
        openAPI.getComponents().addResponse("OtherError", OASFactory.createAPIResponse()
                .description("Any other HTTP error (e.g. 405, 414, 431), always as a problem.")
                .content(problemContent(problemRef)));
    }

    private static Content problemContent(Schema problemRef) {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(problemRef));
    }

    private static void documentOperation(String path, PathItem.HttpMethod method, Operation operation) {
        // Replace what SmallRye generates for security and bean validation (no body) with problems.
        for (String generated : List.of("400", "401", "403")) {
            operation.getResponses().removeAPIResponse(generated);
        }
        add(operation, "Unauthorized");
        add(operation, "Forbidden");
        add(operation, "NotAcceptable");
        add(operation, "InternalError");
        add(operation, "ServiceUnavailable");
        if (path.contains("{") || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            add(operation, "BadRequest");
        }
        if (path.contains("{")) {
            add(operation, "NotFound");
        }
        if (operation.getRequestBody() != null) {
            add(operation, "BadRequest");
            add(operation, "PayloadTooLarge");
            add(operation, "UnsupportedMediaType");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE) {
            add(operation, "Conflict");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH) {
            add(operation, "Unprocessable");
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && p.getName().equalsIgnoreCase("If-Match"))
                .findFirst().ifPresent(ifMatch -> {
                    add(operation, "PreconditionFailed");
                    if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                        add(operation, "PreconditionRequired");
                    }
                });
        APIResponse created = operation.getResponses().getAPIResponse("201");
        if (created != null && method == PathItem.HttpMethod.POST) {
            created.addHeader(Responses.REPLAYED, OASFactory.createHeader()
                    .description("`true` when this is the stored answer to an earlier request with the same "
                            + "Idempotency-Key; nothing new was created.")
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING).addEnumeration("true")));
            Header location = created.getHeaders() == null ? null : created.getHeaders().get("Location");
            if (location != null) {
                location.setDescription("The created resource: a GET of this URL answers it.");
            }
        }
        // OpenAPI 3.0 allows scopes only for OAuth2 and OpenID Connect schemes: the roles SmallRye
        // lists under "bearer" move into the description.
        if (operation.getSecurity() != null) {
            Set<String> roles = new TreeSet<>();
            operation.getSecurity().forEach(requirement -> requirement.getSchemes().forEach((scheme, scopes) -> {
                if (scopes != null) {
                    roles.addAll(scopes);
                }
            }));
            operation.setSecurity(operation.getSecurity().stream().map(requirement -> {
                var plain = OASFactory.createSecurityRequirement();
                requirement.getSchemes().keySet().forEach(plain::addScheme);
                return plain;
            }).toList());
            if (!roles.isEmpty()) {
                String who = "Bearer token with a realm role of " + String.join(", ", roles.stream()
                        .map(r -> "`" + r + "`").toList()) + "; the child's care team decides the rest.";
                operation.setDescription(operation.getDescription() == null ? who
                        : operation.getDescription() + "\n\n" + who);
            }
        }
        operation.getResponses().setDefaultValue(OASFactory.createAPIResponse().ref(RESPONSES + "OtherError"));
        Map<String, APIResponse> sorted = new TreeMap<>(operation.getResponses().getAPIResponses());
        sorted.keySet().forEach(operation.getResponses()::removeAPIResponse);
        sorted.forEach(operation.getResponses()::addAPIResponse);
    }

    private static void add(Operation operation, String name) {
        String code = ERRORS.get(name).substring(0, 3);
        if (operation.getResponses().getAPIResponse(code) == null) {
            operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().ref(RESPONSES + name));
        }
    }

    /** {@code PageChildView} → {@code ChildPage}: list envelopes named after the schema of their items. */
    private static void renamePages(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, String> renamed = new HashMap<>();
        schemas.forEach((name, schema) -> {
            Schema items = schema.getProperties() == null ? null : schema.getProperties().get("items");
            if (name.startsWith("Page") && items != null && items.getItems() != null
                    && items.getItems().getRef() != null && schema.getProperties().containsKey("nextCursor")) {
                renamed.put(name, items.getItems().getRef().substring(SCHEMAS.length()) + "Page");
            }
        });
        Map<String, Schema> result = new TreeMap<>();
        schemas.forEach((name, schema) -> result.put(renamed.getOrDefault(name, name), schema));
        openAPI.getComponents().setSchemas(result);
        eachSchema(openAPI, schema -> {
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                String target = renamed.get(schema.getRef().substring(SCHEMAS.length()));
                if (target != null) {
                    schema.setRef(SCHEMAS + target);
                }
            }
        });
        result.forEach((name, schema) -> {
            if (renamed.containsValue(name)) {
                String item = name.substring(0, name.length() - "Page".length());
                schema.setDescription("A page of " + item + " items, newest first; follow `nextCursor` for the next.");
            }
        });
    }

    /**
     * A property that refers to another schema takes its type from there: SmallRye writes a
     * {@code type} beside the reference (e.g. {@code type: object} beside an enum), which
     * contradicts it. A nullable reference needs the referred type beside it, since OpenAPI 3.0's
     * {@code nullable} only counts next to a {@code type}: it is written as
     * {@code type: string, nullable: true, allOf: [$ref]}. SmallRye drops {@code nullable} from
     * {@code @Schema(ref = …)}, so such fields say {@code x-nullable: true} instead.
     */
    private static void normalizeReferences(Schema schema, Map<String, Schema> schemas) {
        walk(schema, s -> {
            if (s.getRef() != null && s.getExtensions() != null
                    && Boolean.TRUE.equals(s.getExtensions().get(NULLABLE_REFERENCE))) {
                s.removeExtension(NULLABLE_REFERENCE);
                String ref = s.getRef();
                s.setRef(null);
                s.setAnyOf(new ArrayList<>(List.of(OASFactory.createSchema().ref(ref),
                        OASFactory.createSchema().addType(SchemaType.NULL))));
            }
            if (s.getRef() != null) {
                s.setType(null);
                return;
            }
            String nullableRef = s.getAnyOf() == null || s.getAnyOf().size() != 2 ? null
                    : s.getAnyOf().stream().filter(a -> List.of(SchemaType.NULL).equals(a.getType())).findAny()
                            .flatMap(n -> s.getAnyOf().stream().map(Schema::getRef).filter(r -> r != null).findAny())
                            .orElse(null);
            if (nullableRef != null) {
                Schema target = schemas.get(nullableRef.substring(SCHEMAS.length()));
                List<SchemaType> type = new ArrayList<>();
                if (target != null && target.getType() != null) {
                    target.getType().stream().filter(t -> t != SchemaType.NULL).forEach(type::add);
                }
                type.add(SchemaType.NULL);
                s.setType(type);
                // SmallRye's own mark for an Optional field would otherwise become "enum: [null]".
                s.removeExtension(Extensions.PRIVATE_EXT_PREFIX + "nullable");
            }
        });
    }

    /**
     * Every property of a schema only ever answered is required. A schema both sent and answered
     * is refused: its optional and always-present fields would contradict each other.
     */
    private static void markResponseFieldsRequired(OpenAPI openAPI, Map<String, Schema> schemas) {
        Set<String> read = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        openAPI.getComponents().getResponses().values().forEach(r -> reachable(r.getContent(), schemas, read));
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null) {
                reachable(op.getRequestBody().getContent(), schemas, written);
            }
            op.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    reachable(response.getContent(), schemas, read);
                }
            });
        }));
        Set<String> both = new TreeSet<>(read);
        both.retainAll(written);
        both.removeIf(name -> schemas.get(name).getProperties() == null);
        if (!both.isEmpty()) {
            throw new IllegalStateException("These schemas are both sent and answered; give requests their own: " + both);
        }
        read.forEach(name -> walk(schemas.get(name), s -> {
            if (s.getProperties() != null && !s.getProperties().isEmpty() && s.getRequired() == null) {
                s.setRequired(new ArrayList<>(s.getProperties().keySet()));
            }
        }));
    }

    private static void reachable(Content content, Map<String, Schema> schemas, Set<String> names) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> reachable(media.getSchema(), schemas, names));
        }
    }

    /** Adds the names of the component schemas this schema refers to, directly or through others. */
    private static void reachable(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        walk(schema, s -> {
            if (s.getRef() != null && s.getRef().startsWith(SCHEMAS)) {
                String name = s.getRef().substring(SCHEMAS.length());
                if (names.add(name)) {
                    reachable(schemas.get(name), schemas, names);
                }
            }
        });
    }

    /** Copies an enum's documented values (`- \`VALUE\`: meaning` lines) to x-enum-descriptions; all must be there. */
    private static void describeEnum(String name, Schema schema) {
        if (schema.getEnumeration() == null || schema.getEnumeration().isEmpty()) {
            return;
        }
        Map<String, String> meanings = new LinkedHashMap<>();
        Matcher line = ENUM_LINE.matcher(schema.getDescription() == null ? "" : schema.getDescription());
        while (line.find()) {
            meanings.put(line.group(1), line.group(2).strip());
        }
        List<String> descriptions = new ArrayList<>();
        for (Object value : schema.getEnumeration()) {
            String meaning = meanings.get(String.valueOf(value));
            if (meaning == null) {
                throw new IllegalStateException("Enum " + name + " does not explain `" + value
                        + "`: add \"- `" + value + "`: …\" to its @Schema description");
            }
            descriptions.add(meaning);
        }
        schema.addExtension("x-enum-descriptions", descriptions);
    }

    private static void describeProblemTypes(Schema problem) {
        if (problem == null || problem.getProperties() == null || problem.getProperties().get("type") == null) {
            return;
        }
        StringBuilder text = new StringBuilder("Stable identifier of the kind of problem; switch on it, not on "
                + "`title` or `detail`. The types:\n");
        for (ProblemType type : ProblemType.values()) {
            text.append("- `").append(type.uri()).append("` (")
                    .append(type.status == 0 ? "other statuses" : String.valueOf(type.status)).append("): ")
                    .append(type.meaning).append('\n');
        }
        problem.getProperties().get("type").setDescription(text.toString().strip());
    }

    /** Visits every schema of the document: components and those inside operations. */
    private static void eachSchema(OpenAPI openAPI, Consumer<Schema> visit) {
        openAPI.getComponents().getSchemas().values().forEach(s -> walk(s, visit));
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> walk(p.getSchema(), visit));
            }
            if (op.getRequestBody() != null) {
                contentSchemas(op.getRequestBody().getContent(), visit);
            }
            op.getResponses().getAPIResponses().values().forEach(r -> contentSchemas(r.getContent(), visit));
        }));
    }

    private static void contentSchemas(Content content, Consumer<Schema> visit) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> walk(m.getSchema(), visit));
        }
    }

    /** Visits a schema and every schema nested in it (not following references). */
    private static void walk(Schema schema, Consumer<Schema> visit) {
        if (schema == null) {
            return;
        }
        visit.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> walk(s, visit));
        }
        walk(schema.getItems(), visit);
        walk(schema.getAdditionalPropertiesSchema(), visit);
        for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(s -> walk(s, visit));
            }
        }
    }
}

package app.smallwins.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The committed OpenAPI 3.0 contract read as data: every operation with its parameters and
 * request body, schemas resolved ($ref followed, allOf merged), so tests can generate
 * requests for operations they have never heard of.
 */
public final class OpenApiSpec {

    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    private final JsonNode root;

    private OpenApiSpec(JsonNode root) {
        this.root = root;
    }

    public static OpenApiSpec load(Path file) {
        try {
            return new OpenApiSpec(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Operation(String id, String method, String path, List<Parameter> parameters, RequestBody body) {

        public List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    public record Parameter(String name, String in, boolean required, Schema schema) {
    }

    /** The request body: its media types (the first is the one to send) and schema. */
    public record RequestBody(boolean required, List<String> mediaTypes, Schema schema) {
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode shared = path.getValue().path("parameters");
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                for (JsonNode list : List.of(shared, op.path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode param = follow(p);
                        Parameter parameter = new Parameter(param.path("name").asText(), param.path("in").asText(),
                                param.path("required").asBoolean(false), schema(param.path("schema")));
                        parameters.put(parameter.in() + ":" + parameter.name(), parameter);
                    }
                }
                RequestBody body = null;
                JsonNode requestBody = op.has("requestBody") ? follow(op.get("requestBody")) : null;
                if (requestBody != null) {
                    List<String> types = new ArrayList<>();
                    requestBody.path("content").fieldNames().forEachRemaining(types::add);
                    JsonNode first = requestBody.path("content").path(types.get(0)).path("schema");
                    body = new RequestBody(requestBody.path("required").asBoolean(false), types, schema(first));
                }
                String id = op.path("operationId").asText(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                operations.add(new Operation(id, method.toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters.values()), body));
            }
        }
        return operations;
    }

    private JsonNode follow(JsonNode node) {
        int hops = 0;
        while (node.has("$ref")) {
            node = target(node.get("$ref").asText());
            if (++hops > 20) {
                throw new IllegalStateException("$ref cycle at " + node);
            }
        }
        return node;
    }

    private JsonNode target(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalStateException("Only local $refs are supported: " + ref);
        }
        JsonNode node = root;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part.replace("~1", "/").replace("~0", "~"));
        }
        if (node.isMissingNode()) {
            throw new IllegalStateException("Unresolvable $ref " + ref);
        }
        return node;
    }

    Schema schema(JsonNode node) {
        return new Schema(this, resolve(node, 0));
    }

    /** The schema with its $ref followed and its allOf parts merged; its own keywords win. */
    private ObjectNode resolve(JsonNode node, int depth) {
        if (depth > 30) {
            throw new IllegalStateException("Schema nesting too deep at " + node);
        }
        ObjectNode out = new ObjectMapper().createObjectNode();
        if (node == null || node.isMissingNode() || !node.isObject()) {
            return out;
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            out.setAll(resolve(target(ref), depth + 1));
            out.put("x-name", ref.substring(ref.lastIndexOf('/') + 1));
        }
        for (JsonNode part : node.path("allOf")) {
            ObjectNode merged = resolve(part, depth + 1);
            out.setAll(merged);
        }
        node.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref") && !field.getKey().equals("allOf")) {
                out.set(field.getKey(), field.getValue());
            }
        });
        return out;
    }

    /** A resolved schema, classified by what a value of it looks like on the wire. */
    public static final class Schema {

        public enum Kind { TEXT, ENUM, UUID, DATE, DATE_TIME, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT, ANY }

        private final OpenApiSpec spec;
        private final JsonNode node;

        Schema(OpenApiSpec spec, JsonNode node) {
            this.spec = spec;
            this.node = node;
        }

        public Kind kind() {
            if (node.has("enum") && node.get("enum").size() > 0 && !node.get("enum").get(0).isNull()) {
                // Some schemas say "type: object" beside an enum of strings; the enum is what the server reads.
                return Kind.ENUM;
            }
            String type = node.path("type").asText("");
            String format = node.path("format").asText("");
            return switch (type) {
                case "string" -> switch (format) {
                    case "uuid" -> Kind.UUID;
                    case "date" -> Kind.DATE;
                    case "date-time" -> Kind.DATE_TIME;
                    default -> Kind.TEXT;
                };
                case "integer" -> Kind.INTEGER;
                case "number" -> Kind.NUMBER;
                case "boolean" -> Kind.BOOLEAN;
                case "array" -> Kind.ARRAY;
                case "object" -> Kind.OBJECT;
                default -> node.has("properties") ? Kind.OBJECT : Kind.ANY;
            };
        }

        /** Whether an integer is 64-bit (format int64): 2^31 is then a valid value, not an overflow. */
        public boolean isLong() {
            return "int64".equals(node.path("format").asText(""));
        }

        /** The component name when the schema came from a $ref, else null. */
        public String name() {
            return node.has("x-name") ? node.get("x-name").asText() : null;
        }

        public List<String> enumValues() {
            List<String> values = new ArrayList<>();
            node.path("enum").forEach(v -> values.add(v.asText()));
            return values;
        }

        /** The schema's example when it is text (the contract keeps its examples valid), else null. */
        public String textExample() {
            JsonNode example = node.has("example") ? node.get("example") : node.path("examples").path(0);
            return example.isTextual() ? example.asText() : null;
        }

        public Integer maxLength() {
            return node.has("maxLength") ? node.get("maxLength").asInt() : null;
        }

        public Integer minLength() {
            return node.has("minLength") ? node.get("minLength").asInt() : null;
        }

        public Integer maxItems() {
            return node.has("maxItems") ? node.get("maxItems").asInt() : null;
        }

        public BigDecimal minimum() {
            return node.has("minimum") ? node.get("minimum").decimalValue() : null;
        }

        public BigDecimal maximum() {
            return node.has("maximum") ? node.get("maximum").decimalValue() : null;
        }

        public boolean nullable() {
            return node.path("nullable").asBoolean(false);
        }

        public Set<String> required() {
            Set<String> names = new LinkedHashSet<>();
            node.path("required").forEach(n -> names.add(n.asText()));
            return names;
        }

        public Map<String, Schema> properties() {
            Map<String, Schema> properties = new LinkedHashMap<>();
            node.path("properties").fields()
                    .forEachRemaining(p -> properties.put(p.getKey(), spec.schema(p.getValue())));
            return properties;
        }

        public Schema items() {
            return spec.schema(node.path("items"));
        }

        @Override
        public String toString() {
            return kind() + (name() != null ? " " + name() : "");
        }
    }
}

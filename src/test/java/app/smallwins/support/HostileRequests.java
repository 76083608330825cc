package app.smallwins.support;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.smallwins.support.OpenApiSpec.Operation;
import app.smallwins.support.OpenApiSpec.Parameter;
import app.smallwins.support.OpenApiSpec.Schema;
import app.smallwins.support.OpenApiSpec.Schema.Kind;

/**
 * Hostile variants of one operation's valid request, generated from its contract: each
 * variant changes exactly one thing (a path or query parameter, a header, one body
 * property, the body's syntax or media type) and says what the server may answer.
 */
public final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for the hostile value in a serialized body until the raw bytes replace it. */
    private static final String MARK = "@@hostile-value@@";
    /** Replaced by a new UUID in every request, for values that must be unique (a new member's subject). */
    private static final String FRESH = "@@fresh@@";

    /** What the server may answer a variant. */
    public enum Outcome {
        /** Anything but a 5xx: the value is odd but may be valid. */
        ANY,
        /** A 4xx. */
        REFUSED,
        /** A 400 whose errors name {@link Request#field}. */
        FIELD,
        /** Exactly {@link Request#status}. */
        STATUS
    }

    public record Request(String operation, String category, String label, String method, String target,
            Map<String, String> headers, byte[] body, Outcome outcome, String field, int status) {

        @Override
        public String toString() {
            return operation + " [" + category + ": " + label + "]";
        }
    }

    /** A valid request for an operation, from which the variants are derived. */
    public record Baseline(Operation operation, Map<String, String> path, Map<String, String> query,
            Map<String, String> headers, ObjectNode body, byte[] binary) {

        public String target() {
            return target(path, query);
        }

        String target(Map<String, String> pathValues, Map<String, String> queryValues) {
            String p = operation.path();
            for (Map.Entry<String, String> e : pathValues.entrySet()) {
                p = p.replace("{" + e.getKey() + "}", e.getValue());
            }
            if (queryValues.isEmpty()) {
                return p;
            }
            StringBuilder q = new StringBuilder(p).append('?');
            queryValues.forEach((k, v) -> q.append(q.charAt(q.length() - 1) == '?' ? "" : "&")
                    .append(encode(k)).append('=').append(v));
            return q.toString();
        }

        public String mediaType() {
            if (binary != null) {
                return TestMedia.PNG;
            }
            return operation.body() == null ? null : operation.body().mediaTypes().get(0);
        }

        public Map<String, String> headersWithBody() {
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (body != null || binary != null) {
                all.put("Content-Type", mediaType());
            }
            return all;
        }

        public byte[] bodyBytes() {
            if (binary != null) {
                return binary;
            }
            return body == null ? null : bytes(write(body));
        }
    }

    private final RecordFixture fixture;
    private final RecordFixture other;

    /** @param other a second record, whose ids stand for "another child's" */
    public HostileRequests(RecordFixture fixture, RecordFixture other) {
        this.fixture = fixture;
        this.other = other;
    }

    // ------------------------------------------------------------------ baseline

    public Baseline baseline(Operation op) {
        Map<String, String> path = new LinkedHashMap<>();
        for (Parameter p : op.in("path")) {
            String id = fixture.id(p.name());
            if (id == null) {
                throw new AssertionError(op + " has path parameter {" + p.name() + "} that the hostile-input test "
                        + "has no record for: add it to RecordFixture so the operation is not skipped");
            }
            path.put(p.name(), id);
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter p : op.in("query")) {
            if (p.required()) {
                JsonNode value = valid(p.schema(), p.name(), true);
                if (value == null) {
                    throw new AssertionError(op + ": no valid value for required query parameter " + p.name());
                }
                query.put(p.name(), encode(value.asText()));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.path().endsWith("/thumbnail")) {
            headers.put("Accept", "image/jpeg"); // the one operation that answers no JSON at all
        }
        for (Parameter p : op.in("header")) {
            if (p.required()) {
                headers.put(p.name(), p.name().equalsIgnoreCase("If-Match") ? "*" : "baseline");
            }
        }
        ObjectNode body = null;
        if (op.body() != null && op.body().mediaTypes().contains(TestMedia.PNG)) {
            // The media upload takes the file's own bytes: a small photo.
            return new Baseline(op, path, query, headers, null, TestMedia.png(24, 16));
        }
        if (op.body() != null) {
            JsonNode value = valid(op.body().schema(), "body", !op.method().equals("PATCH"));
            if (!(value instanceof ObjectNode object)) {
                throw new AssertionError(op + ": the hostile-input test only knows JSON object bodies");
            }
            body = object;
        }
        return new Baseline(op, path, query, headers, body, null);
    }

    /**
     * A valid value for a schema, or null when the test cannot make one (an optional id it
     * has no record for). A PATCH baseline ({@code full} false) carries only required properties.
     */
    JsonNode valid(Schema schema, String name, boolean full) {
        return switch (schema.kind()) {
            case ENUM -> {
                List<String> values = schema.enumValues();
                // Team roles: "admin" is a realm role, never a role on a team. Media consent stays
                // given, so the record's photos stay readable and uploads reach their checks.
                if (name.equals("role") && values.contains("para")) {
                    yield NODES.textNode("para");
                }
                yield NODES.textNode(name.equals("consent") && values.contains("TEAM") ? "TEAM" : values.get(0));
            }
            case TEXT -> NODES.textNode(text(schema, name));
            case UUID -> fixture.id(name) == null ? null : NODES.textNode(fixture.id(name));
            case DATE -> NODES.textNode("2020-01-15");
            case DATE_TIME -> NODES.textNode(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS)
                    .toString());
            case INTEGER -> {
                BigDecimal value = schema.minimum() != null ? schema.minimum() : BigDecimal.ONE;
                yield NODES.numberNode(value.intValue());
            }
            case NUMBER -> {
                if (schema.minimum() != null && schema.maximum() != null) {
                    yield NODES.numberNode(schema.minimum().add(schema.maximum())
                            .divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN));
                }
                yield NODES.numberNode(BigDecimal.ONE);
            }
            // Sharing media beyond the team is refused without consent (NONE, the first value): false fits both.
            case BOOLEAN -> NODES.booleanNode(!name.equals("allowSharingOutsideTeam"));
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                JsonNode item = valid(schema.items(), name, true);
                if (item != null) {
                    array.add(item);
                }
                yield array;
            }
            case OBJECT -> {
                ObjectNode object = NODES.objectNode();
                Map<String, Schema> properties = schema.properties();
                for (Map.Entry<String, Schema> p : properties.entrySet()) {
                    String property = p.getKey();
                    boolean required = schema.required().contains(property);
                    if (!full && !required) {
                        continue;
                    }
                    // "Exactly one of email and subject": the baseline names people by subject.
                    if (property.equals("email") && properties.containsKey("subject") && !required) {
                        continue;
                    }
                    JsonNode value = valid(p.getValue(), property, true);
                    if (value == null) {
                        if (required) {
                            throw new AssertionError("No valid value for required property " + property + " of "
                                    + schema + ": add its id to RecordFixture");
                        }
                        continue;
                    }
                    object.set(property, value);
                }
                yield object;
            }
            case ANY -> NODES.textNode("baseline");
        };
    }

    /** Unique where it must be (a new member's e-mail or subject), else the contract's example. */
    private static String text(Schema schema, String name) {
        String value = switch (name) {
            case "email" -> "hostile-" + FRESH + "@example.test";
            case "subject" -> "hostile-" + FRESH;
            case "timeZone" -> "Europe/London";
            default -> schema.textExample() != null ? schema.textExample() : "Baseline " + name;
        };
        Integer max = schema.maxLength();
        Integer min = schema.minLength();
        if (min != null && value.length() < min) {
            value = value + "x".repeat(min - value.length());
        }
        return max != null && value.length() > max ? value.substring(0, max) : value;
    }

    // ------------------------------------------------------------------ variants

    public List<Request> variants(Baseline base) {
        List<Request> out = new ArrayList<>();
        pathVariants(base, out);
        queryVariants(base, out);
        headerVariants(base, out);
        if (base.body() != null) {
            bodyVariants(base, out);
            wholeBodyVariants(base, out);
        }
        if (base.binary() != null) {
            fileVariants(base, out);
        }
        return out;
    }

    /** A file body: its type and its bytes are what can be hostile. */
    private void fileVariants(Baseline base, List<Request> out) {
        String target = base.target();
        out.add(request(base, "media type", "no Content-Type", target, base.headers(), base.binary(), 415));
        for (String type : List.of("text/plain", "application/json", "application/pdf", "image/gif", "image/svg+xml",
                "image/*", "*/*", "multipart/form-data; boundary=x", "image/jpeg", "video/mp4", "image/heic", "", ";")) {
            Map<String, String> headers = new LinkedHashMap<>(base.headers());
            headers.put("Content-Type", type);
            out.add(request(base, "media type", "PNG bytes as Content-Type: " + type, target, headers, base.binary(),
                    Outcome.REFUSED, null));
        }
        Map<String, String> png = base.headersWithBody();
        byte[] whole = base.binary();
        List<Map.Entry<String, byte[]>> files = List.of(
                Map.entry("(empty)", new byte[0]),
                Map.entry("JSON", bytes("{\"kind\":\"WIN\"}")),
                Map.entry("a PDF", TestMedia.pdf()),
                Map.entry("an SVG with a script", bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)"
                        + "</script></svg>")),
                Map.entry("the PNG signature alone", java.util.Arrays.copyOf(whole, 8)),
                Map.entry("the first half of the PNG", java.util.Arrays.copyOf(whole, whole.length / 2)),
                Map.entry("a PNG whose header claims 100000x100000 pixels", TestMedia.pngClaiming(100_000, 100_000)),
                Map.entry("random bytes", TestMedia.noise(4096)));
        for (Map.Entry<String, byte[]> file : files) {
            out.add(request(base, "file", file.getKey(), target, png, file.getValue(), Outcome.REFUSED, null));
        }
    }

    private Request request(Baseline base, String category, String label, String target, Map<String, String> headers,
            byte[] body, Outcome outcome, String field) {
        return new Request(base.operation().id(), category, label, base.operation().method(), target, headers, body,
                outcome, field, 0);
    }

    private Request request(Baseline base, String category, String label, String target, Map<String, String> headers,
            byte[] body, int status) {
        return new Request(base.operation().id(), category, label, base.operation().method(), target, headers, body,
                Outcome.STATUS, null, status);
    }

    private void pathVariants(Baseline base, List<Request> out) {
        for (String name : base.path().keySet()) {
            String id = base.path().get(name);
            String otherId = other.id(name) != null ? other.id(name) : UUID.randomUUID().toString();
            Map<String, Outcome> values = new LinkedHashMap<>();
            values.put("not-a-uuid", Outcome.REFUSED);
            values.put("123", Outcome.REFUSED);
            values.put("%27%20or%201%3D1%20--", Outcome.REFUSED);
            values.put("%00", Outcome.REFUSED);
            values.put(id + "%00", Outcome.REFUSED);
            values.put("%01", Outcome.REFUSED);
            values.put("%7F", Outcome.REFUSED);
            values.put("%C2%85", Outcome.REFUSED);
            values.put("%FF", Outcome.REFUSED);
            values.put("%C0%80", Outcome.REFUSED);
            values.put("%20" + id, Outcome.REFUSED);
            values.put("%7B" + id + "%7D", Outcome.REFUSED);
            values.put("1-1-1-1-1", Outcome.REFUSED);
            values.put("00000000-0000-0000-0000-000000000000", Outcome.REFUSED);
            values.put(otherId, Outcome.REFUSED);
            values.put("a".repeat(3000), Outcome.REFUSED);
            values.put(id.toUpperCase(Locale.ROOT), Outcome.ANY);
            values.forEach((value, outcome) -> {
                Map<String, String> path = new LinkedHashMap<>(base.path());
                path.put(name, value);
                String label = "{" + name + "}=" + RawHttp.abbreviate(value.equals(otherId) ? "another child's" : value);
                // Someone else's record may be visible to an admin caller: anything but a 5xx.
                Outcome expected = value.equals(otherId) && name.equals("childId") ? Outcome.ANY : outcome;
                out.add(request(base, "path", label, base.target(path, base.query()), base.headersWithBody(),
                        base.bodyBytes(), expected, null));
            });
        }
    }

    private void queryVariants(Baseline base, List<Request> out) {
        for (Parameter p : base.operation().in("query")) {
            Schema schema = p.schema();
            Kind kind = schema.kind();
            boolean strict = kind != Kind.TEXT && kind != Kind.ANY || p.name().equals("cursor");
            Map<String, Outcome> values = new LinkedHashMap<>();
            Outcome refused = strict ? Outcome.FIELD : Outcome.ANY;
            for (String v : List.of("%00", "a%00b", "%01", "%7F", "%C2%85", "%FF", "%C0%80", "x".repeat(3000),
                    "null", "%5B%5D", "%7B%7D", "true", "-1", "0", "1e300", "2.5", "99999999999999999999",
                    "%2B1000000000-01-01T00%3A00%3A00Z", "-1000000000-01-01T00%3A00%3A00Z",
                    "294277-01-01T00%3A00%3A00Z", "1969-12-31T23%3A59%3A59Z", "10000-01-01T00%3A00%3A00Z",
                    "%2B999999999-12-31", "-999999999-01-01", "5874898-01-01", "10000-01-01", "0000-01-01",
                    "1899-12-31", "2019-02-30", "2019-03-14T10%3A00%3A00", "2019-03-14T10%3A00%3A00%2B05%3A30")) {
                values.put(v, refused);
            }
            values.put("", Outcome.ANY);
            values.put("%20", Outcome.ANY);
            switch (kind) {
                case ENUM -> {
                    String first = schema.enumValues().get(0);
                    values.put(encode(" " + first), Outcome.FIELD);
                    values.put(encode(first + " "), Outcome.FIELD);
                    values.put(encode(swapCase(first)), Outcome.FIELD);
                    values.put("1", Outcome.FIELD);
                    values.put(encode(first) + "%00", Outcome.FIELD);
                    values.put(encode(first), Outcome.ANY);
                }
                case INTEGER -> {
                    values.put("1e2", Outcome.FIELD);
                    values.put("2.0", Outcome.FIELD);
                    values.put("0x10", Outcome.FIELD);
                    if (schema.maximum() != null) {
                        values.put(schema.maximum().add(BigDecimal.ONE).toPlainString(), Outcome.FIELD);
                    }
                    values.put("%2B5", Outcome.ANY);
                }
                case DATE -> {
                    values.put("1900-01-01", Outcome.ANY);
                    values.put("9999-12-31", Outcome.ANY);
                    values.put("2019-03-14T00%3A00%3A00Z", Outcome.FIELD);
                    values.put("2019-3-4", Outcome.FIELD);
                }
                case DATE_TIME -> {
                    values.put("1970-01-01T00%3A00%3A00Z", Outcome.ANY);
                    // An offset is part of RFC 3339: the same instant as 04:30Z.
                    values.put("2019-03-14T10%3A00%3A00%2B05%3A30", Outcome.ANY);
                    values.put("2019-03-14", Outcome.FIELD);
                }
                default -> {
                    // no kind-specific values
                }
            }
            if (p.name().equals("cursor")) {
                for (String forged : List.of("+1000000000-01-01T00:00:00Z|" + UUID.randomUUID(),
                        "-1000000000-01-01T00:00:00Z|" + UUID.randomUUID(),
                        "+294277-01-01T00:00:00Z|" + UUID.randomUUID(),
                        "-4714-11-24T00:00:00Z|" + UUID.randomUUID(),
                        "1969-12-31T23:59:59Z|" + UUID.randomUUID(),
                        "+10000-01-01T00:00:00Z|" + UUID.randomUUID(),
                        "x|y", "|", "2026-01-01T00:00:00Z|1-1-1-1-1",
                        "2026-01-01T00:00:00Z|" + UUID.randomUUID() + "|extra",
                        "2026-01-01T00:00:00Z|" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
                        "2026-01-01T00:00:00Z|\u0000", "2026-01-01T00:00:00Z\u0000|" + UUID.randomUUID(),
                        "x".repeat(2000))) {
                    values.put(Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(forged.getBytes(StandardCharsets.UTF_8)), Outcome.FIELD);
                }
                values.put(Base64.getUrlEncoder().encodeToString(new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1 }),
                        Outcome.FIELD);
                values.put("%3D%3D%3D%3D", Outcome.FIELD);
                values.put(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("2020-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), Outcome.ANY);
            }
            values.forEach((value, outcome) -> {
                Map<String, String> query = new LinkedHashMap<>(base.query());
                query.put(p.name(), value);
                out.add(request(base, "query", p.name() + "=" + RawHttp.abbreviate(value),
                        base.target(base.path(), query), base.headersWithBody(), base.bodyBytes(), outcome, p.name()));
            });
            // The same parameter twice: the server takes one; either way no 5xx.
            String target = base.target() + (base.query().isEmpty() ? "?" : "&") + encode(p.name()) + "=%00&"
                    + encode(p.name()) + "=x";
            out.add(request(base, "query", p.name() + " repeated", target, base.headersWithBody(), base.bodyBytes(),
                    Outcome.ANY, null));
        }
        String target = base.target() + (base.query().isEmpty() ? "?" : "&") + "undeclared=%00%01&undeclared="
                + "x".repeat(1000);
        out.add(request(base, "query", "undeclared parameter", target, base.headersWithBody(), base.bodyBytes(),
                Outcome.ANY, null));
    }

    private void headerVariants(Baseline base, List<Request> out) {
        for (Parameter p : base.operation().in("header")) {
            Map<String, Outcome> values = new LinkedHashMap<>();
            boolean idempotency = p.name().equalsIgnoreCase("Idempotency-Key");
            // A condition or range that does not match, or cannot be read, is ignored: the whole
            // representation is the answer (RFC 9110, sections 13.1.2, 13.1.5 and 14.2).
            boolean ignoredWhenOdd = List.of("If-None-Match", "If-Range", "Range").stream()
                    .anyMatch(p.name()::equalsIgnoreCase);
            Outcome bad = idempotency ? Outcome.FIELD : ignoredWhenOdd ? Outcome.ANY : Outcome.REFUSED;
            // An empty header is as good as none. (Non-ASCII values are left out: the JDK's
            // client does not send them byte for byte.)
            values.put("", Outcome.ANY);
            values.put("x".repeat(256), bad);
            values.put("x".repeat(4000), bad);
            values.put("has space", bad);
            values.put("tab\there", bad);
            Outcome odd = idempotency || ignoredWhenOdd ? Outcome.ANY : Outcome.REFUSED;
            values.put("\"99999999999999999999\"", odd);
            values.put("W/\"not-a-version\"", odd);
            values.put(",,,", odd);
            values.put("\"", odd);
            values.put(idempotency ? "key-" + UUID.randomUUID() : "*", Outcome.ANY);
            values.forEach((value, outcome) -> {
                Map<String, String> headers = new LinkedHashMap<>(base.headersWithBody());
                headers.put(p.name(), value);
                out.add(request(base, "header", p.name() + ": " + RawHttp.abbreviate(value), base.target(), headers,
                        base.bodyBytes(), outcome, p.name()));
            });
        }
    }

    // ------------------------------------------------------------------ body properties

    /** One hostile value: the raw JSON bytes that replace a property's value. */
    record Value(String label, byte[] json, Outcome outcome, String fieldSuffix) {

        Value(String label, byte[] json, Outcome outcome) {
            this(label, json, outcome, "");
        }

        static Value of(String label, String rawJson, Outcome outcome) {
            return new Value(label, rawJson.getBytes(StandardCharsets.UTF_8), outcome);
        }

        static Value bytes(String label, Outcome outcome, Object... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Object part : parts) {
                byte[] bytes = part instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : toBytes((int[]) part);
                out.writeBytes(bytes);
            }
            return new Value(label, out.toByteArray(), outcome);
        }

        private static byte[] toBytes(int[] values) {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) values[i];
            }
            return bytes;
        }
    }

    private void bodyVariants(Baseline base, List<Request> out) {
        Schema root = base.operation().body().schema();
        for (Map.Entry<String, Schema> p : root.properties().entrySet()) {
            walk(base, List.of(p.getKey()), p.getValue(), root.required().contains(p.getKey()), 0, out);
        }
    }

    private void walk(Baseline base, List<Object> path, Schema schema, boolean required, int depth,
            List<Request> out) {
        String field = render(path);
        for (Value value : values(schema, path, required)) {
            byte[] body = withValue(base, path, value.json());
            Outcome outcome = value.outcome();
            out.add(request(base, "body", field + " = " + value.label(), base.target(), base.headersWithBody(), body,
                    outcome, field + value.fieldSuffix()));
        }
        if (depth > 4) {
            return;
        }
        if (schema.kind() == Kind.OBJECT) {
            for (Map.Entry<String, Schema> p : schema.properties().entrySet()) {
                List<Object> child = new ArrayList<>(path);
                child.add(p.getKey());
                walk(base, child, p.getValue(), schema.required().contains(p.getKey()), depth + 1, out);
            }
        } else if (schema.kind() == Kind.ARRAY) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            walk(base, child, schema.items(), true, depth + 1, out);
        }
    }

    private List<Value> values(Schema schema, List<Object> path, boolean required) {
        String name = path.get(path.size() - 1) instanceof String s ? s : String.valueOf(path.get(path.size() - 2));
        List<Value> values = new ArrayList<>();
        // Wrong types, for every kind: each is a 400 naming the field.
        Kind kind = schema.kind();
        if (kind != Kind.TEXT && kind != Kind.ENUM && kind != Kind.UUID && kind != Kind.DATE
                && kind != Kind.DATE_TIME) {
            values.add(Value.of("a string", "\"x\"", Outcome.FIELD));
        }
        if (kind != Kind.INTEGER && kind != Kind.NUMBER) {
            values.add(Value.of("a number", "42", Outcome.FIELD));
            values.add(Value.of("1e300", "1e300", Outcome.FIELD));
        }
        if (kind != Kind.BOOLEAN) {
            values.add(Value.of("true", "true", Outcome.FIELD));
        }
        if (kind != Kind.ARRAY) {
            values.add(Value.of("an array", "[\"x\"]", Outcome.FIELD));
        }
        if (kind != Kind.OBJECT) {
            values.add(Value.of("an object", "{\"a\":\"b\"}", Outcome.FIELD));
        }
        values.add(Value.of("deep nesting", "[".repeat(5000) + "]".repeat(5000), Outcome.REFUSED));
        values.add(Value.of("null", "null", Outcome.ANY));
        switch (kind) {
            case TEXT -> text(schema, values);
            case ENUM -> {
                String first = schema.enumValues().get(0);
                for (String v : List.of("1", "0", " " + first, first + " ", "\t" + first, swapCase(first), "NOPE",
                        "", first + "\u0000")) {
                    values.add(Value.of(quote(v), quote(v), Outcome.FIELD));
                }
                values.add(Value.of("1 (a number)", "1", Outcome.FIELD));
                values.add(Value.of("0 (a number)", "0", Outcome.FIELD));
                values.add(Value.of("-1 (a number)", "-1", Outcome.FIELD));
            }
            case UUID -> {
                String id = fixture.id(name);
                for (String v : List.of("not-a-uuid", "", "{" + UUID.randomUUID() + "}", UUID.randomUUID() + "\u0000",
                        "a".repeat(5000))) {
                    values.add(Value.of(RawHttp.abbreviate(quote(v)), quote(v), Outcome.FIELD));
                }
                values.add(Value.of("nil uuid", quote("00000000-0000-0000-0000-000000000000"), Outcome.REFUSED));
                values.add(Value.of("1-1-1-1-1", quote("1-1-1-1-1"), Outcome.REFUSED));
                if (other.id(name) != null) {
                    values.add(Value.of("another child's", quote(other.id(name)), Outcome.REFUSED));
                }
                if (id != null) {
                    values.add(Value.of("upper case", quote(id.toUpperCase(Locale.ROOT)), Outcome.ANY));
                }
            }
            case DATE -> {
                for (String v : List.of("2019-03-14T00:00:00Z", "2019-03-14T00:00:00", "", " ", "+1000000000-01-01",
                        "-999999999-01-01", "+999999999-12-31", "0000-01-01", "1899-12-31", "10000-01-01",
                        "+10000-01-01", "5874898-01-01", "-4713-11-24", "2019-02-30", "2019-3-4", " 2019-03-14",
                        "2019-03-14 ", "2019-03-14\u0000")) {
                    values.add(Value.of(quote(v), quote(v), Outcome.FIELD));
                }
                values.add(Value.of("[2019,3,14]", "[2019,3,14]", Outcome.FIELD));
                values.add(Value.of("20190314", "20190314", Outcome.FIELD));
                values.add(Value.of("[]", "[]", Outcome.FIELD));
                values.add(Value.of("\"1900-01-01\"", "\"1900-01-01\"", Outcome.ANY));
                values.add(Value.of("\"9999-12-31\"", "\"9999-12-31\"", Outcome.ANY));
            }
            case DATE_TIME -> {
                for (String v : List.of("", "1700000000", "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
                        "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "294277-01-01T00:00:00Z",
                        "+294277-01-01T00:00:00Z", "-4714-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                        "1969-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                        "9999-12-31T23:59:59.999-14:00", "2019-03-14", "2019-03-14T10:00:00",
                        "2019-03-14T10:00:00+25:00", "2019-03-14T10:00Z", "2019-03-14 10:00:00Z",
                        "2019-03-14T10:00:00.1234567891Z", "2019-03-14T24:00:00Z", "2019-02-30T10:00:00Z",
                        "2019-03-14T10:00:00Z\u0000")) {
                    values.add(Value.of(quote(v), quote(v), Outcome.FIELD));
                }
                for (String v : List.of("0", "1700000000", "-1", "1.5", "-1e300", "[2019,3,14,10,0]", "[]")) {
                    values.add(Value.of(v, v, Outcome.FIELD));
                }
                values.add(Value.of("1970-01-01T00:00:00Z", quote("1970-01-01T00:00:00Z"), Outcome.ANY));
                values.add(Value.of("9999-12-31T23:59:59Z", quote("9999-12-31T23:59:59Z"), Outcome.ANY));
                String recent = Instant.now().minus(2, ChronoUnit.HOURS).atOffset(ZoneOffset.ofHoursMinutes(5, 30))
                        .truncatedTo(ChronoUnit.SECONDS).toString();
                values.add(Value.of(recent, quote(recent), Outcome.ANY));
            }
            case INTEGER -> {
                for (String v : List.of("\"2\"", "\"\"", "2.5", "2.0", "1e2", "-1e300", "99999999999999999999",
                        "-99999999999999999999", "[]", "{}")) {
                    values.add(Value.of(v, v, Outcome.FIELD));
                }
                // Past a 32-bit integer: refused, unless the field is 64-bit (a time in milliseconds).
                for (String v : List.of("2147483648", "-2147483649")) {
                    values.add(Value.of(v, v, schema.isLong() ? Outcome.ANY : Outcome.FIELD));
                }
                values.add(Value.of("1000 digits", "9".repeat(1001), Outcome.REFUSED));
                if (schema.maximum() != null) {
                    String v = schema.maximum().add(BigDecimal.ONE).toPlainString();
                    values.add(Value.of(v, v, Outcome.FIELD));
                }
                if (schema.minimum() != null) {
                    String v = schema.minimum().subtract(BigDecimal.ONE).toPlainString();
                    values.add(Value.of(v, v, Outcome.FIELD));
                }
            }
            case NUMBER -> {
                for (String v : List.of("\"0.5\"", "\"\"", "-1e300", "1e-300", "[]", "{}")) {
                    values.add(Value.of(v, v, Outcome.FIELD));
                }
                for (String v : List.of("1e99999999", "1e-99999999", "NaN", "Infinity", "-Infinity", "9".repeat(1001))) {
                    values.add(Value.of(RawHttp.abbreviate(v), v, Outcome.REFUSED));
                }
                if (schema.maximum() != null) {
                    String v = schema.maximum().add(new BigDecimal("0.01")).toPlainString();
                    values.add(Value.of(v, v, Outcome.FIELD));
                }
            }
            case BOOLEAN -> {
                for (String v : List.of("\"true\"", "\"\"", "1", "0", "\"yes\"", "1.0", "[]", "{}")) {
                    values.add(Value.of(v, v, Outcome.FIELD));
                }
                values.add(Value.of("false", "false", Outcome.ANY));
            }
            case ARRAY -> {
                values.add(Value.of("{}", "{}", Outcome.FIELD));
                values.add(new Value("[[[]]]", "[[[]]]".getBytes(StandardCharsets.UTF_8), Outcome.FIELD, "[0]"));
                values.add(Value.of("[null]", "[null]", Outcome.REFUSED));
                JsonNode item = valid(schema.items(), name, true);
                if (item != null) {
                    int count = schema.maxItems() != null ? schema.maxItems() + 1 : 10_000;
                    StringBuilder many = new StringBuilder("[");
                    for (int i = 0; i < count; i++) {
                        many.append(i == 0 ? "" : ",").append(write(item));
                    }
                    values.add(Value.of(count + " items", many.append(']').toString(),
                            schema.maxItems() != null ? Outcome.FIELD : Outcome.ANY));
                }
                values.add(Value.of("[]", "[]", Outcome.ANY));
            }
            case OBJECT -> {
                JsonNode valid = valid(schema, name, true);
                ObjectNode withUnknown = valid instanceof ObjectNode o ? o.deepCopy() : NODES.objectNode();
                withUnknown.put("hostileUnknown", 1);
                values.add(new Value("an unknown property", write(withUnknown).getBytes(StandardCharsets.UTF_8),
                        Outcome.FIELD, ".hostileUnknown"));
                values.add(Value.of("{}", "{}", Outcome.ANY));
            }
            case ANY -> {
                // nothing more
            }
        }
        // A required property sent as null is a 400 naming it too.
        if (required) {
            values.replaceAll(v -> v.label().equals("null") ? new Value("null", v.json(), Outcome.FIELD) : v);
        }
        return values;
    }

    private static void text(Schema schema, List<Value> values) {
        for (String[] v : new String[][] {
                { "NUL", "\"a\\u0000b\"" }, { "U+0001", "\"a\\u0001b\"" }, { "ESC", "\"\\u001b[31mred\"" },
                { "lone CR", "\"line\\rbreak\"" }, { "DEL", "\"a\\u007fb\"" }, { "U+0085", "\"a\\u0085b\"" },
                { "U+009B", "\"a\\u009bb\"" }, { "lone high surrogate", "\"a\\ud800b\"" },
                { "lone low surrogate", "\"a\\udc00b\"" }, { "reversed surrogates", "\"\\udc00\\ud800\"" },
                { "high surrogate at the end", "\"ab\\ud83d\"" } }) {
            values.add(Value.of(v[0], v[1], Outcome.FIELD));
        }
        values.add(Value.bytes("raw DEL", Outcome.FIELD, "\"a", new int[] { 0x7f }, "b\""));
        values.add(Value.bytes("raw U+0085", Outcome.FIELD, "\"a", new int[] { 0xc2, 0x85 }, "b\""));
        values.add(Value.bytes("raw NUL", Outcome.REFUSED, "\"a", new int[] { 0 }, "b\""));
        values.add(Value.bytes("raw newline", Outcome.REFUSED, "\"a", new int[] { 0x0a }, "b\""));
        values.add(Value.bytes("invalid UTF-8", Outcome.REFUSED, "\"a", new int[] { 0xc3, 0x28 }, "b\""));
        values.add(Value.bytes("overlong NUL", Outcome.REFUSED, "\"a", new int[] { 0xc0, 0x80 }, "b\""));
        values.add(Value.bytes("UTF-8 surrogate", Outcome.REFUSED, "\"a", new int[] { 0xed, 0xa0, 0x80 }, "b\""));
        values.add(Value.bytes("truncated UTF-8", Outcome.REFUSED, "\"a", new int[] { 0xe2, 0x82 }, "\""));
        for (String[] v : new String[][] { { "CRLF", "\"line\\r\\nbreak\"" }, { "tab and newline", "\"a\\tb\\nc\"" },
                { "emoji", "\"\\ud83c\\udf89 party\"" }, { "format characters", "\"\\u202eevil\\u200b\\u2028\\ufeff\"" },
                { "empty", "\"\"" }, { "blank", "\"   \"" }, { "noncharacter", "\"\\uffff\"" } }) {
            values.add(Value.of(v[0], v[1], Outcome.ANY));
        }
        values.add(Value.of("1.5", "1.5", Outcome.FIELD));
        values.add(Value.of("false", "false", Outcome.FIELD));
        values.add(Value.of("[]", "[]", Outcome.FIELD));
        values.add(Value.of("{}", "{}", Outcome.FIELD));
        Integer max = schema.maxLength();
        if (max != null) {
            values.add(Value.of((max + 1) + " characters", quote("x".repeat(max + 1)), Outcome.FIELD));
            values.add(Value.of(max + " astral characters", quote("\uD83C\uDF89".repeat(max)), Outcome.ANY));
        }
        values.add(Value.of("100,000 characters", quote("x".repeat(100_000)),
                max != null && max < 100_000 ? Outcome.FIELD : Outcome.ANY));
    }

    // ------------------------------------------------------------------ the body as a whole

    private void wholeBodyVariants(Baseline base, List<Request> out) {
        String target = base.target();
        byte[] valid = base.bodyBytes();
        Map<String, String> noType = new LinkedHashMap<>(base.headers());
        out.add(request(base, "media type", "no Content-Type", target, noType, valid, 415));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/jsonx", "application/json-patch+json", "*/*",
                "application/*", "json", "", ";")) {
            Map<String, String> headers = new LinkedHashMap<>(base.headers());
            headers.put("Content-Type", type);
            out.add(request(base, "media type", "Content-Type: " + type, target, headers, valid, Outcome.REFUSED,
                    null));
        }
        for (String type : base.operation().body().mediaTypes()) {
            Map<String, String> headers = new LinkedHashMap<>(base.headers());
            headers.put("Content-Type", type + "; charset=UTF-8");
            out.add(request(base, "media type", "Content-Type: " + type + "; charset=UTF-8", target, headers, valid,
                    Outcome.ANY, null));
            headers.put("Content-Type", type + "; charset=ISO-8859-1");
            out.add(request(base, "media type", "Content-Type: " + type + "; charset=ISO-8859-1", target, headers, valid,
                    Outcome.ANY, null));
        }
        Map<String, String> json = base.headersWithBody();
        for (String body : List.of("", " ", "null", "[]", "\"x\"", "42", "true", "hello", "<child/>", "{'a':1}",
                "{\"a\":1,}", "{} {}", "{}garbage", "/* comment */ {}", "{\"a\":1", "{\"a\" 1}", "NaN",
                "[".repeat(100_000), "{\"a\":".repeat(10_000))) {
            out.add(request(base, "body syntax", RawHttp.abbreviate(body.isEmpty() ? "(empty)" : body), target, json,
                    body.getBytes(StandardCharsets.UTF_8), Outcome.REFUSED, null));
        }
        out.add(request(base, "body syntax", "invalid UTF-8 byte", target, json,
                new byte[] { '{', '"', (byte) 0xff, '"', ':', '1', '}' }, Outcome.REFUSED, null));
        out.add(request(base, "body syntax", "UTF-16 body", target, json,
                freshen(write(base.body())).getBytes(StandardCharsets.UTF_16), Outcome.ANY, null));
        out.add(request(base, "body syntax", "byte order mark", target, json,
                bytes("\uFEFF" + write(base.body())), Outcome.ANY, null));
        ObjectNode unknown = base.body().deepCopy();
        unknown.put("hostileUnknown", "x");
        out.add(request(base, "body", "an unknown property", target, json,
                bytes(write(unknown)), Outcome.FIELD, "hostileUnknown"));
        // Each property of the valid body given twice, as a duplicated key.
        ObjectNode full = (ObjectNode) valid(base.operation().body().schema(), "body", true);
        full.setAll(base.body());
        full.fields().forEachRemaining(p -> {
            String text = write(base.body().deepCopy().set(p.getKey(), p.getValue()));
            String duplicate = text.substring(0, text.length() - 1) + (text.length() > 2 ? "," : "")
                    + quote(p.getKey()) + ":" + write(p.getValue()) + "}";
            out.add(request(base, "duplicate key", p.getKey(), target, json, bytes(duplicate), 400));
            if (p.getValue() instanceof ObjectNode nested && nested.size() > 0) {
                String inner = write(nested);
                String first = nested.fieldNames().next();
                String doubled = inner.substring(0, inner.length() - 1) + "," + quote(first) + ":"
                        + write(nested.get(first)) + "}";
                String outer = write(base.body().deepCopy().put(p.getKey(), MARK)).replace(quote(MARK), doubled);
                out.add(request(base, "duplicate key", p.getKey() + "." + first, target, json, bytes(outer), 400));
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    /** The baseline body with the value at path replaced by raw JSON bytes; missing parents are made valid. */
    private byte[] withValue(Baseline base, List<Object> path, byte[] raw) {
        ObjectNode body = base.body().deepCopy();
        Schema schema = base.operation().body().schema();
        JsonNode node = body;
        for (int i = 0; i < path.size() - 1; i++) {
            Object segment = path.get(i);
            Schema child = segment instanceof String name ? schema.properties().get(name) : schema.items();
            JsonNode next = segment instanceof String name ? node.get(name) : node.get((Integer) segment);
            if (next == null || next.isNull()) {
                next = valid(child, segment instanceof String name ? name : "item", true);
                if (next == null) {
                    next = child.kind() == Kind.ARRAY ? NODES.arrayNode() : NODES.objectNode();
                }
                if (segment instanceof String name) {
                    ((ObjectNode) node).set(name, next);
                } else {
                    ArrayNode array = (ArrayNode) node;
                    while (array.size() <= (Integer) segment) {
                        array.add(next);
                    }
                }
            }
            node = next;
            schema = child;
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof String name) {
            ((ObjectNode) node).put(name, MARK);
        } else {
            ArrayNode array = (ArrayNode) node;
            if (array.isEmpty()) {
                array.add(MARK);
            } else {
                array.set((Integer) last, NODES.textNode(MARK));
            }
        }
        String text = freshen(write(body));
        int at = text.indexOf(quote(MARK));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(text.substring(at + quote(MARK).length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** "steps[0].description", the way problem responses name fields. */
    static String render(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(segment);
            }
        }
        return out.toString();
    }

    /** UTF-8 bytes of a body, each placeholder for a unique value made unique. */
    static byte[] bytes(String json) {
        return freshen(json).getBytes(StandardCharsets.UTF_8);
    }

    private static String freshen(String json) {
        while (json.contains(FRESH)) {
            json = json.replaceFirst(FRESH, UUID.randomUUID().toString());
        }
        return json;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string literal; control characters are escaped as \\u00XX. */
    static String quote(String value) {
        return write(NODES.textNode(value));
    }

    private static String swapCase(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}

package app.smallwins.support;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.specification.FilterableRequestSpecification;

/**
 * The texts the suite sent in request bodies (names, notes, observations, messages,
 * e-mail addresses), kept so LogPrivacyTest can prove none of them reached the log.
 * Api's requests record their bodies here (one line in its NO_LEAKS filter).
 */
public final class SentTexts {

    /** Shorter strings ("OT", "mother") are too common to prove anything when found. */
    static final int MIN_LENGTH = 8;
    /** A long text is looked for by its start: finding that much of it is a leak already. */
    static final int MAX_LENGTH = 200;
    private static final int MAX_KEPT = 50_000;
    private static final Pattern NOT_PERSONAL = Pattern.compile(
            "[0-9a-fA-F-]{36}|\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+)?(Z|[+-]\\d{2}:?\\d{2})?|[A-Z_]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SENT = ConcurrentHashMap.newKeySet();

    private SentTexts() {
    }

    public static void record(FilterableRequestSpecification request) {
        Object body = request.getBody();
        if (body == null || SENT.size() >= MAX_KEPT) {
            return;
        }
        try {
            JsonNode tree = body instanceof byte[] bytes ? JSON.readTree(bytes)
                    : body instanceof String text ? JSON.readTree(text) : JSON.valueToTree(body);
            collect(tree);
        } catch (Exception notJson) {
            // hostile or non-JSON bodies: nothing the suite means as a person's text
        }
    }

    /** Every distinct text sent so far. */
    public static Set<String> all() {
        return Set.copyOf(SENT);
    }

    private static void collect(JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String text = node.textValue().strip();
            // Personal texts have words or an address; enum names, ids and dates are not personal.
            if (text.length() >= MIN_LENGTH && (text.indexOf(' ') > 0 || text.indexOf('@') > 0)
                    && text.chars().anyMatch(Character::isLetter) && !NOT_PERSONAL.matcher(text).matches()) {
                SENT.add(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
            }
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                collect(fields.next().getValue());
            }
        } else if (node.isArray()) {
            node.forEach(SentTexts::collect);
        }
    }
}

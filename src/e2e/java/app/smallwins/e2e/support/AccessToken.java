package app.smallwins.e2e.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/** A signed JWT access token as the identity provider issued it, with ways to read and forge it. */
public record AccessToken(String raw) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public JsonPath claims() {
        return JsonPath.from(decode(part(1)));
    }

    public String subject() {
        return claims().getString("sub");
    }

    public String issuer() {
        return claims().getString("iss");
    }

    /** The aud claim, which may be one string or a list. */
    public List<String> audience() {
        Object aud = claims().get("aud");
        return aud == null ? List.of() : aud instanceof List<?> list ? list.stream().map(Object::toString).toList()
                : List.of(aud.toString());
    }

    public List<String> realmRoles() {
        List<String> roles = claims().getList("realm_access.roles", String.class);
        return roles == null ? List.of() : roles;
    }

    public Instant issuedAt() {
        return Instant.ofEpochSecond(claims().getLong("iat"));
    }

    public Instant expiresAt() {
        return Instant.ofEpochSecond(claims().getLong("exp"));
    }

    /** The same header and signature over edited claims: what a forger without the key can make. */
    public AccessToken withClaims(Consumer<Map<String, Object>> edit) {
        Map<String, Object> claims = parse(decode(part(1)));
        edit.accept(claims);
        return new AccessToken(part(0) + "." + encode(claims) + "." + part(2));
    }

    /** The same claims with no signature at all ("alg": "none"). */
    public AccessToken unsigned() {
        return new AccessToken(encode(Map.of("alg", "none", "typ", "JWT")) + "." + part(1) + ".");
    }

    private String part(int index) {
        return raw.split("\\.")[index];
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(Map<String, Object> json) {
        try {
            return ENCODER.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

package app.smallwins.e2e.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.common.mapper.TypeRef;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The suite's Keycloak: tokens by the password grant and the refresh grant, and the admin API
 * for what a scenario needs beyond the realm file (people of its own, a client with very
 * short-lived tokens, disabling someone).
 */
public final class Keycloak {

    public static final String REALM = "smallwins";
    /** The public client of the mobile and web apps; its tokens carry the API's audience. */
    public static final String APP_CLIENT = "small-wins-app";
    /** A client of the same realm whose tokens are not meant for the API. */
    public static final String OTHER_CLIENT = "another-app";
    /** The API's client id, which is also the audience its tokens must carry. */
    public static final String API_AUDIENCE = "small-wins-api";

    static final String ADMIN_USERNAME = "e2e-admin";
    static final String ADMIN_PASSWORD = UUID.randomUUID().toString();

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);
    private static final Map<String, AccessToken> CACHE = new ConcurrentHashMap<>();
    /** The master realm's admin tokens live a minute. */
    private static final Duration ADMIN_RENEW_BEFORE_EXPIRY = Duration.ofSeconds(10);
    private static final String ACCESS_TOKEN_LIFESPAN = "access.token.lifespan";
    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {
    };
    private static final TypeRef<List<Map<String, Object>>> LIST_OF_MAPS = new TypeRef<>() {
    };

    private static AccessToken adminToken;

    private Keycloak() {
    }

    /** A token of the apps' client for this person, reused until shortly before it expires. */
    public static AccessToken token(Person person) {
        return CACHE.compute(person.username(), (username, cached) -> cached != null
                && cached.expiresAt().isAfter(Instant.now().plus(RENEW_BEFORE_EXPIRY)) ? cached
                        : token(person, APP_CLIENT));
    }

    /** A new token for this person from the given client, asked of Keycloak at 127.0.0.1. */
    public static AccessToken token(Person person, String clientId) {
        return tokenVia(E2eSettings.current().keycloakUrl(), person, clientId);
    }

    /** A new token asked of Keycloak under another base URL: its issuer follows the URL. */
    public static AccessToken tokenVia(String keycloakUrl, Person person, String clientId) {
        return new AccessToken(given().baseUri(keycloakUrl)
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", person.username())
                .formParam("password", person.password())
                .post("/realms/" + REALM + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    /** A password grant that Keycloak is expected to refuse; answers its response. */
    public static Response tryToken(Person person, String clientId) {
        return passwordGrant(person, clientId).post();
    }

    /** Signs this person in to the client as an app would: an access token and a refresh token. */
    public static SignIn signIn(Person person, String clientId) {
        return SignIn.from(tryToken(person, clientId));
    }

    /** A sign-in that asks for an offline token: a refresh token that outlives the session. */
    public static SignIn signInOffline(Person person, String clientId) {
        return SignIn.from(passwordGrant(person, clientId).formParam("scope", "openid offline_access").post());
    }

    private static RequestSpecification passwordGrant(Person person, String clientId) {
        return tokenEndpoint()
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", person.username())
                .formParam("password", person.password());
    }

    /** The refresh grant, which Keycloak may refuse; answers its response. */
    public static Response tryRefresh(String refreshToken, String clientId) {
        return tokenEndpoint()
                .formParam("grant_type", "refresh_token")
                .formParam("client_id", clientId)
                .formParam("refresh_token", refreshToken)
                .post();
    }

    /** Renews the tokens of a sign-in with its refresh token. */
    public static SignIn refresh(String refreshToken, String clientId) {
        return SignIn.from(tryRefresh(refreshToken, clientId));
    }

    private static RequestSpecification tokenEndpoint() {
        return given().baseUri(E2eSettings.current().realmUrl() + "/protocol/openid-connect/token");
    }

    /** A new realm user with a verified e-mail and the given realm roles (none is fine). */
    public static Person newUser(String... realmRoles) {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Person person = new Person(username, UUID.randomUUID().toString(), username + "@e2e.example",
                "E2E " + username);
        String location = admin().body(Map.of(
                "username", username,
                "enabled", true,
                "email", person.email(),
                "emailVerified", true,
                "firstName", "E2E",
                "lastName", username,
                "credentials", List.of(Map.of("type", "password", "value", person.password(), "temporary", false))))
                .post("/users")
                .then().statusCode(201)
                .extract().header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        for (String role : realmRoles) {
            Map<?, ?> representation = admin().get("/roles/" + role).then().statusCode(200).extract().as(Map.class);
            admin().body(List.of(representation)).post("/users/" + userId + "/role-mappings/realm")
                    .then().statusCode(204);
        }
        return person;
    }

    /**
     * Creates a public client with the password grant whose tokens carry the API's audience
     * and live {@code lifespan}: a way to obtain a genuinely expired token.
     */
    public static void createShortLivedClient(String clientId, Duration lifespan) {
        admin().body(Map.of(
                "clientId", clientId,
                "description", "Made by the end-to-end tests: tokens for the API that expire quickly",
                "publicClient", true,
                "standardFlowEnabled", false,
                "directAccessGrantsEnabled", true,
                "attributes", Map.of("access.token.lifespan", Long.toString(lifespan.toSeconds())),
                "protocolMappers", List.of(Map.of(
                        "name", "small-wins-api audience",
                        "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.client.audience", API_AUDIENCE,
                                "access.token.claim", "true", "id.token.claim", "false")))))
                .post("/clients")
                .then().statusCode(201);
    }

    /** Disables or enables a realm user: a disabled user can neither sign in nor refresh a token. */
    public static void setEnabled(Person person, boolean enabled) {
        String userId = userId(person);
        Map<String, Object> user = admin().get("/users/" + userId).then().statusCode(200).extract().as(MAP);
        user.put("enabled", enabled);
        // Keycloak's PUT replaces the user (attributes left out are cleared), so the whole user goes back.
        admin().body(user).put("/users/" + userId).then().statusCode(204);
    }

    public static void deleteUser(Person person) {
        admin().delete("/users/" + userId(person)).then().statusCode(204);
    }

    private static String userId(Person person) {
        List<String> ids = admin().queryParam("username", person.username()).queryParam("exact", true)
                .get("/users")
                .then().statusCode(200)
                .extract().path("id");
        if (ids.size() != 1) {
            throw new IllegalStateException("No single realm user named " + person.username() + ": " + ids);
        }
        return ids.get(0);
    }

    /**
     * Gives the client's access tokens their own lifespan (the client attribute
     * {@code access.token.lifespan}, which overrides the realm's accessTokenLifespan) until the
     * answer is closed, which puts back what the client had.
     */
    public static Restore accessTokenLifespan(String clientId, Duration lifespan) {
        String previous = clientAttribute(clientId, ACCESS_TOKEN_LIFESPAN);
        setClientAttribute(clientId, ACCESS_TOKEN_LIFESPAN, Long.toString(lifespan.toSeconds()));
        // An empty value removes the attribute, so the realm's lifespan applies again.
        return () -> setClientAttribute(clientId, ACCESS_TOKEN_LIFESPAN, previous == null ? "" : previous);
    }

    /** A change to the realm that closing undoes; meant for try-with-resources. */
    @FunctionalInterface
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    private static String clientAttribute(String clientId, String attribute) {
        Object attributes = client(clientId).get("attributes");
        return attributes instanceof Map<?, ?> map && map.get(attribute) != null ? map.get(attribute).toString() : null;
    }

    @SuppressWarnings("unchecked")
    private static void setClientAttribute(String clientId, String attribute, String value) {
        Map<String, Object> client = client(clientId);
        ((Map<String, Object>) client.computeIfAbsent("attributes", key -> new HashMap<String, Object>()))
                .put(attribute, value);
        admin().body(client).put("/clients/" + client.get("id")).then().statusCode(204);
    }

    /** The client's full representation (PUT expects it whole). */
    private static Map<String, Object> client(String clientId) {
        List<Map<String, Object>> clients = admin().queryParam("clientId", clientId)
                .get("/clients")
                .then().statusCode(200)
                .extract().as(LIST_OF_MAPS);
        if (clients.size() != 1) {
            throw new IllegalStateException("No single client " + clientId + " in realm " + REALM);
        }
        return clients.get(0);
    }

    /**
     * A request to the realm's admin API as the bootstrap admin of the master realm. Its token is
     * reused while it lasts: every password grant costs Keycloak a deliberately slow hash.
     */
    private static RequestSpecification admin() {
        return given().baseUri(E2eSettings.current().keycloakUrl() + "/admin/realms/" + REALM)
                .auth().oauth2(adminToken().raw())
                .contentType(ContentType.JSON);
    }

    private static synchronized AccessToken adminToken() {
        if (adminToken == null || adminToken.expiresAt().isBefore(Instant.now().plus(ADMIN_RENEW_BEFORE_EXPIRY))) {
            adminToken = new AccessToken(given().baseUri(E2eSettings.current().keycloakUrl())
                    .formParam("grant_type", "password")
                    .formParam("client_id", "admin-cli")
                    .formParam("username", ADMIN_USERNAME)
                    .formParam("password", ADMIN_PASSWORD)
                    .post("/realms/master/protocol/openid-connect/token")
                    .then().statusCode(200)
                    .extract().path("access_token"));
        }
        return adminToken;
    }
}

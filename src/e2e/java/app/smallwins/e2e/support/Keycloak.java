package app.smallwins.e2e.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The suite's Keycloak: tokens by the password grant and the refresh grant, and the admin API
 * for what a scenario needs beyond the realm file (people of its own, a client with very
 * short-lived tokens).
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

    /** A request to the realm's admin API as the bootstrap admin of the master realm. */
    private static RequestSpecification admin() {
        String token = given().baseUri(E2eSettings.current().keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", ADMIN_USERNAME)
                .formParam("password", ADMIN_PASSWORD)
                .post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
        return given().baseUri(E2eSettings.current().keycloakUrl() + "/admin/realms/" + REALM)
                .auth().oauth2(token)
                .contentType(ContentType.JSON);
    }
}

package app.smallwins.e2e;

import static app.smallwins.e2e.support.Api.PROBLEM_JSON;
import static app.smallwins.e2e.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import app.smallwins.e2e.support.AccessToken;
import app.smallwins.e2e.support.Api;
import app.smallwins.e2e.support.DemoUser;
import app.smallwins.e2e.support.E2eSettings;
import app.smallwins.e2e.support.EndToEnd;
import app.smallwins.e2e.support.Keycloak;
import app.smallwins.e2e.support.Person;
import io.restassured.specification.RequestSpecification;

/**
 * In production the app accepts only tokens its identity provider signed, for its audience,
 * from the configured issuer, and not yet expired (401 otherwise), and only from people who
 * hold one of its roles (403 otherwise), on every operation.
 */
@EndToEnd
class TokenValidationE2EIT {

    private static List<Api.Operation> everyOperation;

    @BeforeAll
    static void aChildWithATeam() {
        String childId = Api.createChild(DemoUser.ALICE.person, "Sam Lee");
        String membershipId = Api.invite(DemoUser.ALICE.person, childId, "guardian@e2e.example", "parent", "guardian");
        everyOperation = Api.everyOperation(childId, membershipId);
    }

    @Test
    void noTokenGets401() {
        expectOnEveryOperation(Api::anonymous, 401);
    }

    @Test
    void aTokenForAnotherAudienceGets401() {
        AccessToken token = Keycloak.token(DemoUser.PAM.person, Keycloak.OTHER_CLIENT);
        assertThat(token.audience(), not(hasItem(Keycloak.API_AUDIENCE)));
        expectOnEveryOperation(() -> as(token), 401);
    }

    @Test
    void aTokenFromAnotherIssuerGets401() {
        // Same Keycloak, same signing key and audience, but asked for under another host name,
        // so its iss names that host: the app must not take it for its own issuer's token.
        String otherHost = E2eSettings.current().keycloakUrl().replace("127.0.0.1", "localhost");
        AccessToken token = Keycloak.tokenVia(otherHost, DemoUser.ALICE.person, Keycloak.APP_CLIENT);
        assertThat(token.issuer(), not(equalTo(E2eSettings.current().realmUrl())));
        assertThat(token.audience(), hasItem(Keycloak.API_AUDIENCE));
        expectOnEveryOperation(() -> as(token), 401);
    }

    @Test
    void aTamperedTokenGets401() {
        // Nora holds no API role; granting herself admin in the claims breaks the signature.
        AccessToken forged = Keycloak.token(DemoUser.NORA.person).withClaims(claims -> claims.put("realm_access",
                Map.of("roles", List.of("admin", "teacher"))));
        expectOnEveryOperation(() -> as(forged), 401);

        AccessToken unsigned = Keycloak.token(DemoUser.ALICE.person).unsigned();
        expectOnEveryOperation(() -> as(unsigned), 401);
    }

    @Test
    void anExpiredTokenGets401() throws InterruptedException {
        Duration lifespan = Duration.ofSeconds(5);
        Keycloak.createShortLivedClient("e2e-short-lived", lifespan);
        Person teacher = Keycloak.newUser("teacher");
        AccessToken token = Keycloak.token(teacher, "e2e-short-lived");
        assertThat(Duration.between(token.issuedAt(), token.expiresAt()), equalTo(lifespan));

        as(token).get(Api.BASE + "/me").then().statusCode(200); // accepted while it lasts
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), token.expiresAt()).toMillis()) + 1500);
        expectOnEveryOperation(() -> as(token), 401);
    }

    @Test
    void someoneWithNoneOfTheApiRolesGets403() {
        AccessToken token = Keycloak.token(DemoUser.NORA.person);
        assertThat(token.audience(), hasItem(Keycloak.API_AUDIENCE)); // a valid token, just no role
        expectOnEveryOperation(() -> as(token), 403);
    }

    /** Sends every operation with a fresh request from {@code request}; reports every mismatch at once. */
    private static void expectOnEveryOperation(Supplier<RequestSpecification> request, int status) {
        List<Executable> checks = new ArrayList<>();
        for (Api.Operation operation : everyOperation) {
            checks.add(() -> {
                var response = operation.send(request.get()).then();
                response.statusCode(status).contentType(PROBLEM_JSON).body("status", equalTo(status));
                if (status == 401) {
                    response.header("WWW-Authenticate", startsWith("Bearer"));
                }
            });
        }
        assertAll("every operation answers " + status, checks);
    }
}

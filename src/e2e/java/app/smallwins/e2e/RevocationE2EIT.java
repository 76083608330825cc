package app.smallwins.e2e;

import static app.smallwins.e2e.support.Api.BASE;
import static app.smallwins.e2e.support.Api.PROBLEM_JSON;
import static app.smallwins.e2e.support.Api.as;
import static app.smallwins.e2e.support.Api.childPath;
import static app.smallwins.e2e.support.DemoUser.ALICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.smallwins.e2e.support.AccessToken;
import app.smallwins.e2e.support.Api;
import app.smallwins.e2e.support.EndToEnd;
import app.smallwins.e2e.support.Keycloak;
import app.smallwins.e2e.support.Person;
import app.smallwins.e2e.support.SignIn;

/**
 * What revoking someone in Keycloak costs (docs/deployment.md, "Revoking access"). The API
 * checks tokens itself and never asks Keycloak, so a person disabled there keeps the access
 * token they hold until it expires, and not a second longer: Keycloak refuses to refresh it or
 * to sign them in again, and the API refuses it from the second its {@code exp} names.
 * <p>
 * The apps' client gets a few seconds of token life for this test only, through the per-client
 * setting the deployment doc describes, so the test waits seconds instead of the realm's five
 * minutes.
 */
@EndToEnd
class RevocationE2EIT {

    /** Long enough for the steps before expiry on a busy machine; the test waits it out once. */
    private static final Duration SHORT_LIFESPAN = Duration.ofSeconds(8);

    @Test
    void aDisabledParentKeepsTheirTokenUntilItExpiresAndNothingMore() throws InterruptedException {
        Person parent = Keycloak.newUser("parent");
        String childId = Api.createChild(ALICE.person, "Ruby Khan");
        String child = childPath(childId);
        Api.invite(ALICE.person, childId, parent.email(), "parent", "mother");
        as(parent).get(BASE + "/me").then().statusCode(200); // the first sign-in binds the invitation
        // An app that asked to stay signed in holds an offline token, which outlives the session.
        SignIn offline = Keycloak.signInOffline(parent, Keycloak.APP_CLIENT);
        try {
            try (Keycloak.Restore shortTokens = Keycloak.accessTokenLifespan(Keycloak.APP_CLIENT, SHORT_LIFESPAN)) {
                SignIn signIn = Keycloak.signIn(parent, Keycloak.APP_CLIENT);
                AccessToken token = signIn.accessToken();
                assertThat(Duration.between(token.issuedAt(), token.expiresAt()), equalTo(SHORT_LIFESPAN));
                as(token).get(child).then().statusCode(200);

                Keycloak.setEnabled(parent, false);

                Keycloak.tryRefresh(signIn.refreshToken(), Keycloak.APP_CLIENT).then()
                        .statusCode(400).body("error", equalTo("invalid_grant"));
                Keycloak.tryRefresh(offline.refreshToken(), Keycloak.APP_CLIENT).then()
                        .statusCode(400).body("error", equalTo("invalid_grant"));
                Keycloak.tryToken(parent, Keycloak.APP_CLIENT).then()
                        .statusCode(oneOf(400, 401)).body("error", equalTo("invalid_grant"));

                // The cost of checking tokens locally: until it expires, the token still opens the record.
                assertThat("the steps above outlasted the token; raise SHORT_LIFESPAN", Instant.now(),
                        lessThan(token.expiresAt()));
                as(token).get(child).then().statusCode(200);

                // Asked within the second that exp names: refused, so the API allows no clock skew.
                sleepUntil(token.expiresAt().plusMillis(200));
                as(token).get(child).then()
                        .statusCode(401)
                        .contentType(PROBLEM_JSON)
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("status", equalTo(401));
            }
            AccessToken restored = Keycloak.token(ALICE.person, Keycloak.APP_CLIENT);
            assertThat("the apps' client is back on the realm's lifespan",
                    Duration.between(restored.issuedAt(), restored.expiresAt()), equalTo(Duration.ofMinutes(5)));
        } finally {
            Keycloak.deleteUser(parent);
        }
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), moment).toMillis()));
    }
}

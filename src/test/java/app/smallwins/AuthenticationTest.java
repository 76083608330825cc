package app.smallwins;

import static app.smallwins.support.Api.PROBLEM_JSON;
import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Api.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import app.smallwins.common.security.VerifiedTokens;
import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Endpoints;
import app.smallwins.support.Tokens;
import app.smallwins.support.Tokens.BadToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Who gets in at all: a verified token, issued for this API, carrying one of the five roles. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AuthenticationTest {

    @Inject
    MeterRegistry meters;

    @Test
    void everyOperationWithoutATokenGets401ProblemWithAChallenge() {
        CareTeam team = new CareTeam();
        List<Executable> checks = new ArrayList<>();
        for (Endpoints.Call call : Endpoints.all(team)) {
            checks.add(() -> call.send(anonymous()).then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("urn:smallwins:problem:unauthorized"))
                    .body("status", equalTo(401))
                    .body("title", equalTo("Authentication required")));
        }
        assertAll("no token", checks);
        assertNothingHappened(team);
    }

    @Test
    void everyOperationWithAnInvalidTokenGets401() {
        CareTeam team = new CareTeam();
        List<Executable> checks = new ArrayList<>();
        for (BadToken bad : BadToken.values()) {
            // The admin would be allowed everything with a good token: only the token is wrong.
            String token = bad.tokenFor(team.admin);
            for (Endpoints.Call call : Endpoints.all(team)) {
                checks.add(() -> call.send(bearer(token)).then()
                        .statusCode(401)
                        .contentType(PROBLEM_JSON)
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("type", equalTo("urn:smallwins:problem:unauthorized")));
            }
        }
        assertAll("invalid tokens", checks);
        assertNothingHappened(team);
    }

    @Test
    void aTokenWithNoneOfTheFiveRolesGets403OnEveryOperation() {
        CareTeam team = new CareTeam();
        Tokens.TestUser nobody = Tokens.userWithoutRoles();
        List<Executable> checks = new ArrayList<>();
        for (Endpoints.Call call : Endpoints.all(team)) {
            checks.add(() -> call.send(as(nobody)).then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:smallwins:problem:forbidden")));
        }
        assertAll("no role", checks);
        assertNothingHappened(team);
    }

    @Test
    void aTeamMemberWhoseTokenLostEveryRoleGets403EvenOnTheirOwnChild() {
        CareTeam team = new CareTeam();
        Tokens.TestUser teacherWithoutRoles = team.teacher.withRoles("offline_access");
        List<Executable> checks = new ArrayList<>();
        for (Endpoints.Call call : Endpoints.all(team)) {
            checks.add(() -> call.send(as(teacherWithoutRoles)).then().statusCode(403));
        }
        assertAll("member without roles", checks);
        assertNothingHappened(team);
    }

    @Test
    void unknownRolesAreIgnoredAlongsideAKnownOne() {
        Tokens.TestUser parent = Tokens.newUser("parent", "wizard", "offline_access");
        as(parent).get(app.smallwins.support.Api.BASE + "/me").then().statusCode(200)
                .body("roles", equalTo(List.of("parent")));
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItsExpiryAndNotAMomentLonger() throws InterruptedException {
        Tokens.TestUser teacher = Tokens.newUser("teacher");
        Instant expiry = Instant.now().plusSeconds(3);
        String token = Tokens.builder(teacher).expiresAt(expiry).sign("privateKey.jwk");
        double recalledBefore = meters.counter(VerifiedTokens.RECALLED_METRIC).count();

        bearer(token).get(Api.BASE + "/me").then().statusCode(200).body("roles", equalTo(List.of("teacher")));
        // The second request is answered from what this node verified, with the same roles.
        bearer(token).get(Api.BASE + "/me").then().statusCode(200).body("roles", equalTo(List.of("teacher")));
        bearer(token).get(Api.BASE + "/children").then().statusCode(200);
        bearer(token).body(Map.of("displayName", "Not created")).post(Api.BASE + "/children").then().statusCode(403);
        assertThat(meters.counter(VerifiedTokens.RECALLED_METRIC).count() - recalledBefore, equalTo(3.0));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 1_100);
        bearer(token).get(Api.BASE + "/me").then().statusCode(401);
        // Another string is never the remembered token, even with the same claims and signature.
        bearer(token + "x").get(Api.BASE + "/me").then().statusCode(401);
    }

    /** The rejected calls changed nothing: the child is active and the para still on the team. */
    private static void assertNothingHappened(CareTeam team) {
        as(team.admin).get(team.childPath()).then().statusCode(200)
                .body("archivedAt", nullValue())
                .body("whatHelps", nullValue());
        as(team.admin).get(team.childPath() + "/team?limit=100").then().statusCode(200)
                .body("items.id", hasItem(team.paraMembership))
                .body("items.size()", equalTo(4));
    }
}

package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.PROBLEM_JSON;
import static app.smallwins.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Tokens;
import app.smallwins.support.Tokens.TestUser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** A retried POST returns the first result and creates nothing new. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class IdempotencyTest {

    @Test
    void aRetryWithTheSameKeyReturnsTheSameChildAndCreatesOnlyOne() {
        TestUser admin = Tokens.newUser("admin");
        List<String> before = Api.visibleChildIds(admin);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("displayName", "Retried Rosa", "whatHelps", "Music");

        Response first = as(admin).header("Idempotency-Key", key).body(body).post(BASE + "/children");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response retry = as(admin).header("Idempotency-Key", key).body(body).post(BASE + "/children");
        retry.then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")))
                .body("id", equalTo(first.path("id")))
                .body("displayName", equalTo("Retried Rosa"))
                .body("whatHelps", equalTo("Music"))
                .body("createdAt", equalTo(first.path("createdAt")));

        List<String> after = Api.visibleChildIds(admin);
        assertThat(after, hasSize(before.size() + 1));
        assertThat(after.get(0), equalTo(first.path("id")));
    }

    @Test
    void theSameKeyWithADifferentBodyGets422AndCreatesNothing() {
        TestUser admin = Tokens.newUser("admin");
        String key = UUID.randomUUID().toString();
        String id = as(admin).header("Idempotency-Key", key).body(Map.of("displayName", "Original"))
                .post(BASE + "/children").then().statusCode(201).extract().path("id");
        List<String> before = Api.visibleChildIds(admin);

        as(admin).header("Idempotency-Key", key).body(Map.of("displayName", "Something else"))
                .post(BASE + "/children").then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:unprocessable"))
                .body("status", equalTo(422));
        assertThat(Api.visibleChildIds(admin), equalTo(before));
        as(admin).get(Api.childPath(id)).then().body("displayName", equalTo("Original"));
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateExactlyOneChild() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 4; round++) {
                // A fresh admin each round: even their very first requests may race.
                TestUser admin = Tokens.newUser("admin");
                String key = UUID.randomUUID().toString();
                String name = "Concurrent " + key;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> futures = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return as(admin).header("Idempotency-Key", key).body(Map.of("displayName", name))
                                .post(BASE + "/children");
                    }));
                }
                start.countDown();
                List<String> ids = new ArrayList<>();
                int replayed = 0;
                for (Future<Response> future : futures) {
                    Response response = future.get(60, TimeUnit.SECONDS);
                    response.then().statusCode(201);
                    ids.add(response.path("id"));
                    replayed += "true".equals(response.header("Idempotent-Replayed")) ? 1 : 0;
                }
                assertThat(new HashSet<>(ids), hasSize(1));
                assertThat(replayed, equalTo(2));
                List<String> named = as(admin).queryParam("limit", 100).get(BASE + "/children").then()
                        .extract().path("items.findAll { it.displayName == '" + name + "' }.id");
                assertThat(named, equalTo(List.of(ids.get(0))));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysArePerUserSoTwoAdminsWithOneKeyCreateTwoChildren() {
        TestUser first = Tokens.newUser("admin");
        TestUser second = Tokens.newUser("admin");
        String key = "shared-" + UUID.randomUUID();
        String a = as(first).header("Idempotency-Key", key).body(Map.of("displayName", "Same key"))
                .post(BASE + "/children").then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        String b = as(second).header("Idempotency-Key", key).body(Map.of("displayName", "Same key"))
                .post(BASE + "/children").then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        assertThat(a, not(equalTo(b)));
        as(first).get(Api.childPath(b)).then().statusCode(200);
    }

    @Test
    void aRetriedTeamAddReturnsTheSameMembershipInsteadOf409() {
        CareTeam team = new CareTeam();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("subject", Tokens.newUser("parent").subject(), "role", "parent",
                "relationship", "father");
        String id = as(team.teacher).header("Idempotency-Key", key).body(body).post(team.childPath() + "/team")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        as(team.teacher).header("Idempotency-Key", key).body(body).post(team.childPath() + "/team")
                .then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(id));
        as(team.teacher).header("Idempotency-Key", key).body(Map.of("email", "x@example.test", "role", "parent",
                "relationship", "father")).post(team.childPath() + "/team").then().statusCode(422);
        as(team.admin).get(team.childPath() + "/team").then().body("items.size()", equalTo(5));
    }

    @Test
    void aKeyIsBoundToItsOperation() {
        CareTeam team = new CareTeam();
        String key = UUID.randomUUID().toString();
        as(team.admin).header("Idempotency-Key", key).body(Map.of("displayName", "First use"))
                .post(BASE + "/children").then().statusCode(201);
        // The same key on another endpoint is another request, not a replay.
        as(team.admin).header("Idempotency-Key", key)
                .body(Map.of("subject", Tokens.newUser("para").subject(), "role", "para", "relationship", "x"))
                .post(team.childPath() + "/team").then().statusCode(422);
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        CareTeam team = new CareTeam();
        String key = UUID.randomUUID().toString();
        Map<String, Object> duplicate = Map.of("subject", team.para.subject(), "role", "para", "relationship", "x");
        as(team.admin).header("Idempotency-Key", key).body(duplicate).post(team.childPath() + "/team")
                .then().statusCode(409);
        as(team.admin).delete(team.childPath() + "/team/" + team.paraMembership).then().statusCode(204);
        as(team.admin).header("Idempotency-Key", key).body(duplicate).post(team.childPath() + "/team")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
        as(team.para).get(team.childPath()).then().statusCode(200);
    }
}

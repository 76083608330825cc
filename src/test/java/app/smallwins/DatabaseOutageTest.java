package app.smallwins;

import static app.smallwins.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.DatabaseProxy;
import app.smallwins.support.Records;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * While the database is unreachable every request answers 503 problem+json with
 * Retry-After (never 500), readiness is down, and once it is back the app recovers by
 * itself; every write acknowledged with 201 is there afterwards.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
// Global (the default of @QuarkusTestResource): every class's datasource goes through the
// proxy, so all classes still share one boot.
@QuarkusTestResource(DatabaseProxy.class)
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofMillis(1500);
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @AfterEach
    void databaseIsBack() {
        DatabaseProxy.restore();
    }

    record Outcome(int status, String id, Response response) {
    }

    @Test
    void requestsGet503WithRetryAfterWhileTheDatabaseIsAwayAndAcknowledgedWritesSurvive() throws Exception {
        CareTeam team = new CareTeam();
        String observations = Records.observationsPath(team.childId);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            running.add(writers.submit(() -> {
                // Bounded: at most 2,000 writes each, and the test stops them well before.
                for (int i = 0; writing.get() && i < 2_000; i++) {
                    Response response = as(team.teacher)
                            .body(Records.observation("WIN", "Outage write " + sent.incrementAndGet()))
                            .post(observations);
                    outcomes.add(new Outcome(response.statusCode(),
                            response.statusCode() == 201 ? response.path("id") : null, response));
                }
            }));
        }
        try {
            awaitCount(outcomes, 201, 5);
            DatabaseProxy.cut();
            long cutAt = System.nanoTime();
            Response read = as(team.parent).get(team.childPath());
            assertUnavailable(read);
            // The small reads that run outside a transaction, on a connection of their own, too.
            assertUnavailable(as(team.teacher).get(Api.BASE + "/children"));
            assertUnavailable(as(team.parent).get(Api.BASE + "/me/unread"));
            given().get(readiness).then().statusCode(503).body("status", equalTo("DOWN"));
            long left = OUTAGE.toNanos() - (System.nanoTime() - cutAt);
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left); // the writers keep writing into the outage
            }
            int acknowledgedBefore = count(outcomes, 201);

            DatabaseProxy.restore();
            awaitCount(outcomes, 201, acknowledgedBefore + 5);
        } finally {
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writers.shutdownNow();
        }

        // Ready again once the node listens for live events again too (within the reconnect delay).
        long readyBy = System.nanoTime() + RECOVERY.toNanos();
        while (given().get(readiness).statusCode() != 200 && System.nanoTime() < readyBy) {
            Thread.sleep(100);
        }
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'live events' }.status", equalTo("UP"));
        List<Outcome> refused = outcomes.stream().filter(o -> o.status() != 201).toList();
        assertThat("503s during the outage", refused.size(), greaterThan(0));
        assertThat("anything but 201 and 503",
                refused.stream().map(Outcome::status).filter(s -> s != 503).toList(), empty());
        refused.forEach(o -> assertUnavailable(o.response()));
        // Nothing acknowledged is lost: every 201 can be read back.
        for (Outcome written : outcomes) {
            if (written.status() == 201) {
                as(team.teacher).get(observations + "/" + written.id()).then().statusCode(200);
            }
        }
    }

    private static void assertUnavailable(Response response) {
        response.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:smallwins:problem:service-unavailable"))
                .body("status", equalTo(503));
    }

    private static int count(ConcurrentLinkedQueue<Outcome> outcomes, int status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }

    private static void awaitCount(ConcurrentLinkedQueue<Outcome> outcomes, int status, int atLeast)
            throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (count(outcomes, status) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + atLeast + " answers " + status + " within " + RECOVERY
                        + "; statuses so far: " + outcomes.stream().map(Outcome::status).toList());
            }
            Thread.sleep(20);
        }
    }
}

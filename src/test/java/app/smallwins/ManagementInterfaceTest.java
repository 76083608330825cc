package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Records;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Health and metrics live on the management interface (its own port); the API port serves
 * neither. Metrics name requests by path template, refused ones included, never by ids.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ManagementInterfaceTest {

    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-");
    private static final Pattern URI_TAG = Pattern.compile("uri=\"([^\"]*)\"");

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void livenessAndReadinessAreUpOnTheManagementPort() {
        assertThat(health.toString(), org.hamcrest.Matchers.endsWith("/q/health"));
        given().get(health + "/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get(health + "/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void metricsAreServedAsPrometheusTextOnTheManagementPort() {
        new CareTeam();
        given().accept("text/plain").get(metrics).then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theApiPortServesNeitherMetricsNorHealth() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            anonymous().accept("*/*").get(path).then().spec(problem(404, "not-found"));
        }
        // The public contract stays where clients find it.
        given().accept("application/yaml").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void everyResponseIsTaggedWithItsPathTemplateNeverWithIds() {
        CareTeam team = new CareTeam();
        String child = team.childPath();
        String goal = Records.createGoal(team.teacher, team, "Asks for help with words");

        as(team.parent).get(child).then().statusCode(200);
        as(team.teacher).get(child + "/goals/" + goal).then().statusCode(200);
        anonymous().get(child).then().statusCode(401);
        as(team.para).get(child + "/export").then().statusCode(403);
        as(team.otherParent).get(child).then().statusCode(404);
        as(team.otherParent).get(child + "/goals/" + UUID.randomUUID()).then().statusCode(404);
        as(team.admin).body(Map.of("displayName", "X")).put(child).then().statusCode(405);
        as(team.admin).accept("text/html").get(child).then().statusCode(406);
        as(team.teacher).contentType("text/plain").body("x").post(child + "/goals").then().statusCode(415);
        as(team.teacher).header("Origin", "https://evil.example.test").get(child).then().statusCode(403);
        as(team.teacher).body(Map.of("title", "x".repeat(1_100_000))).post(child + "/goals").then().statusCode(413);
        as(team.teacher).get(child + "/nothing-here/" + UUID.randomUUID()).then().statusCode(404);

        String scraped = given().accept("text/plain").get(metrics).then().statusCode(200).extract().asString();
        Set<String> uris = new TreeSet<>();
        for (String line : scraped.split("\n")) {
            if (line.startsWith("http_server_requests_seconds_count")) {
                Matcher uri = URI_TAG.matcher(line);
                if (uri.find()) {
                    uris.add(uri.group(1));
                }
            }
        }
        assertThat(uris.stream().filter(uri -> UUID_LIKE.matcher(uri).find()).toList(), empty());
        assertThat(uris, hasItems(BASE + "/children/{childId}", BASE + "/children/{childId}/goals",
                BASE + "/children/{childId}/goals/{goalId}", BASE + "/children/{childId}/export"));
        for (String status : List.of("200", "401", "404", "405", "406")) {
            assertThat(status, countLines(scraped, BASE + "/children/{childId}\"", "status=\"" + status + "\""),
                    hasItem(true));
        }
        assertThat(countLines(scraped, BASE + "/children/{childId}/goals\"", "status=\"415\""), hasItem(true));
        assertThat(countLines(scraped, BASE + "/children/{childId}/goals\"", "status=\"413\""), hasItem(true));
    }

    private static List<Boolean> countLines(String scraped, String uri, String status) {
        return scraped.lines().filter(l -> l.startsWith("http_server_requests_seconds_count"))
                .map(l -> l.contains("uri=\"" + uri) && l.contains(status)).toList();
    }
}

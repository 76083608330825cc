package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.NO_LEAKS;
import static app.smallwins.support.Api.PROBLEM_JSON;
import static app.smallwins.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** HTTP behaviour around the resources: methods, media types, CORS (health and metrics: ManagementInterfaceTest). */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HttpContractTest {

    private static final String ALLOWED_ORIGIN = "https://app.example.test";

    @Test
    void anUnsupportedMethodGets405Problem() {
        CareTeam team = new CareTeam();
        problem(as(team.admin).body(Map.of("displayName", "X")).put(BASE + "/children"), 405,
                "method-not-allowed");
        problem(as(team.admin).body(Map.of("displayName", "X")).put(team.childPath()), 405, "method-not-allowed");
        problem(as(team.admin).post(team.childPath()), 405, "method-not-allowed");
        problem(as(team.admin).delete(BASE + "/me"), 405, "method-not-allowed");
    }

    @Test
    void askingForHtmlGets406Problem() {
        CareTeam team = new CareTeam();
        for (String path : new String[] { BASE + "/me", BASE + "/children", team.childPath(),
                team.childPath() + "/team", team.childPath() + "/access-log" }) {
            problem(as(team.admin).accept("text/html").get(path), 406, "not-acceptable");
        }
    }

    @Test
    void sendingPlainTextGets415ProblemAndCreatesNothing() {
        CareTeam team = new CareTeam();
        int before = Api.visibleChildIds(team.admin).size();
        problem(as(team.admin).contentType("text/plain").body("displayName=Arjun").post(BASE + "/children"), 415,
                "unsupported-media-type");
        problem(as(team.admin).contentType("text/plain").body("subject=x").post(team.childPath() + "/team"), 415,
                "unsupported-media-type");
        problem(as(team.admin).contentType("application/xml").header("If-Match", "*")
                .body("<child/>").patch(team.childPath()), 415, "unsupported-media-type");
        org.hamcrest.MatcherAssert.assertThat(Api.visibleChildIds(team.admin).size(), equalTo(before));
    }

    @Test
    void anUnknownPathGets404Problem() {
        CareTeam team = new CareTeam();
        problem(as(team.admin).get(BASE + "/nothing-here"), 404, "not-found");
        problem(as(team.admin).get(team.childPath() + "/nothing-here"), 404, "not-found");
    }

    @Test
    void errorsNeverLeakInternals() {
        CareTeam team = new CareTeam();
        // Each of these reaches a different part of the stack: parser, validator, database, security.
        Response[] responses = {
                as(team.admin).body("{\"displayName\": \"A\", \"dateOfBirth\": \"2019-02-30\"}").post(BASE + "/children"),
                as(team.admin).body("{\"displayName\": {\"nested\": true}}").post(BASE + "/children"),
                as(team.admin).body("{\"displayName\": \"A\", \"communication\": {\"modes\": \"SPEECH\"}}")
                        .post(BASE + "/children"),
                as(team.admin).body("{\"displayName\": \"A\"".repeat(3)).post(BASE + "/children"),
                as(team.admin).body(Map.of("displayName", "x".repeat(100_000))).post(BASE + "/children"),
                as(team.admin).header("If-Match", "\"not-a-number\"").body(Map.of("whatHelps", "x"))
                        .patch(team.childPath()),
                as(team.admin).queryParam("limit", "abc").get(BASE + "/children"),
                as(team.admin).queryParam("cursor", "%%%").get(BASE + "/children"),
                as(team.admin).body(Map.of("subject", "x", "role", "parent", "relationship", "x", "email", 42))
                        .post(team.childPath() + "/team"),
                Api.bearer("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").get(BASE + "/me"),
        };
        for (Response response : responses) {
            org.hamcrest.MatcherAssert.assertThat(response.statusCode(),
                    org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThanOrEqualTo(400),
                            org.hamcrest.Matchers.lessThan(500)));
            response.then().contentType(PROBLEM_JSON);
            Api.assertNoLeak("response", response.asString());
        }
    }

    @Test
    void aPreflightFromTheConfiguredOriginIsAllowed() {
        given().filter(NO_LEAKS)
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type, If-Match")
                .options(BASE + "/children/" + java.util.UUID.randomUUID())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED_ORIGIN))
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));

        CareTeam team = new CareTeam();
        as(team.admin).header("Origin", ALLOWED_ORIGIN).get(team.childPath()).then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED_ORIGIN))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void anotherOriginIsNotAllowed() {
        Response preflight = given()
                .header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "GET")
                .options(BASE + "/children");
        preflight.then().header("Access-Control-Allow-Origin", nullValue());
        org.hamcrest.MatcherAssert.assertThat(preflight.statusCode(), org.hamcrest.Matchers.not(equalTo(200)));

        CareTeam team = new CareTeam();
        as(team.admin).header("Origin", "https://evil.example.test").get(team.childPath()).then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    static void problem(Response response, int status, String kind) {
        response.then().statusCode(status)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:" + kind))
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("detail", notNullValue())
                .body("instance", notNullValue());
    }
}

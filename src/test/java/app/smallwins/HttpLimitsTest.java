package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Records;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/**
 * Refusals of the HTTP layer (body, request target and header limits, CORS, unknown paths)
 * are problem+json like every other error, and change nothing.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HttpLimitsTest {

    private static final int MAX_BODY = 1024 * 1024;

    @TestHTTPResource("/")
    URI root;

    @Test
    void aBodyOverOneMebibyteGets413ProblemAndCreatesNothing() {
        CareTeam team = new CareTeam();
        String big = "{\"title\": \"" + "x".repeat(MAX_BODY) + "\", \"domain\": \"SOCIAL\"}";
        as(team.teacher).body(big).post(Records.goalsPath(team.childId))
                .then().spec(problem(413, "payload-too-large"))
                .header("Connection", equalToIgnoringCase("close"))
                .body("detail", containsString("1048576"));
        assertThat(Records.ids(team.teacher, Records.goalsPath(team.childId)).size(), equalTo(0));
        // Just under the limit the body is read (and refused by validation for its length, not its size).
        String fits = "{\"title\": \"" + "x".repeat(MAX_BODY - 100) + "\", \"domain\": \"SOCIAL\"}";
        as(team.teacher).body(fits).post(Records.goalsPath(team.childId)).then().spec(problem(400, "validation"));
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitAndRefusedWith413ProblemBeyond() throws Exception {
        CareTeam team = new CareTeam();
        HttpResponse<String> fits = postChunked(team, "{\"title\": \"Streamed\", \"domain\": \"SOCIAL\"}");
        assertThat(fits.body(), fits.statusCode(), equalTo(201));

        HttpResponse<String> big = postChunked(team,
                "{\"title\": \"" + "x".repeat(MAX_BODY + 10) + "\", \"domain\": \"SOCIAL\"}");
        assertThat(big.body(), big.statusCode(), equalTo(413));
        assertThat(big.headers().firstValue("Content-Type").orElse(""), startsWith(Api.PROBLEM_JSON));
        assertThat(big.body(), containsString("urn:smallwins:problem:payload-too-large"));
        assertThat(Records.ids(team.teacher, Records.goalsPath(team.childId)).size(), equalTo(1));
    }

    /** A body of unknown length: the client streams it in chunks, without Content-Length. */
    private HttpResponse<String> postChunked(CareTeam team, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(root.resolve(Records.goalsPath(team.childId)))
                .header("Authorization", "Bearer " + team.teacher.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestTargetOverTheLimitGets414Problem() {
        CareTeam team = new CareTeam();
        as(team.admin).queryParam("cursor", "c".repeat(5_000)).get(BASE + "/children")
                .then().spec(problem(414, "uri-too-long"));
        anonymous().get("/" + "a".repeat(5_000)).then().spec(problem(414, "uri-too-long"));
        // Up to the limit the request goes through (and this cursor is refused for what it says).
        as(team.admin).queryParam("cursor", "c".repeat(3_000)).get(BASE + "/children").then().statusCode(400);
    }

    @Test
    void headersOverTheLimitGet431Problem() {
        CareTeam team = new CareTeam();
        as(team.admin).header("X-Filler", "f".repeat(21 * 1024)).get(team.childPath())
                .then().spec(problem(431, "headers-too-large"));
        as(team.admin).header("X-Filler", "f".repeat(10 * 1024)).get(team.childPath()).then().statusCode(200);
    }

    @Test
    void beyondTheCodecHardCapsTheConnectionGetsABareAnswer() throws Exception {
        // Documented: a header block over 64 KiB cannot be read; Netty answers alone and closes.
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + BASE + "/me HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "f".repeat(70 * 1024)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer, startsWith("HTTP/1.1 431"));
        }
    }

    @Test
    void aPreflightFromAnotherOriginGets403Problem() {
        RestAssured.given().filter(Api.NO_LEAKS)
                .header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "GET")
                .options(BASE + "/children")
                .then().spec(problem(403, "origin-not-allowed"))
                .header("Access-Control-Allow-Origin", nullValue());
        CareTeam team = new CareTeam();
        as(team.admin).header("Origin", "https://evil.example.test").body(Map.of("whatHelps", "Never written"))
                .header("If-Match", "*").patch(team.childPath())
                .then().spec(problem(403, "origin-not-allowed"));
        as(team.admin).get(team.childPath()).then().body("whatHelps", nullValue());
    }

    @Test
    void unknownPathsInsideAndOutsideTheApiGet404Problem() {
        CareTeam team = new CareTeam();
        for (String path : new String[] { "/", "/nothing-here", "/api", "/api/v2/children", "/q/nothing",
                "/favicon.ico", BASE + "/nothing-here", team.childPath() + "/nothing-here" }) {
            as(team.admin).accept("*/*").get(path).then().spec(problem(404, "not-found"));
            anonymous().accept("text/html").get(path).then().spec(problem(404, "not-found"));
        }
    }
}

package app.smallwins.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import app.smallwins.e2e.support.Api;
import app.smallwins.e2e.support.E2eSettings;
import app.smallwins.e2e.support.EndToEnd;

/** The packaged app serves health and metrics on its management port only (docs/deployment.md). */
@EndToEnd
class ManagementE2EIT {

    private final String management = E2eSettings.current().appManagementUrl();

    @Test
    void healthAndMetricsAreOnTheManagementPort() {
        given().get(management + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("text/plain").get(management + "/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(not(containsString("uri=\"/children/")));
    }

    @Test
    void theApiPortAnswersNeitherWithA404Problem() {
        for (String path : new String[] { "/q/metrics", "/q/health/ready" }) {
            Api.anonymous().accept("*/*").get(path).then().statusCode(404).contentType(Api.PROBLEM_JSON)
                    .body("type", equalTo("urn:smallwins:problem:not-found"));
        }
        Api.anonymous().accept("application/yaml").get("/q/openapi").then().statusCode(200);
    }
}

package app.smallwins;

import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static app.smallwins.support.Records.goal;
import static app.smallwins.support.Records.goalsPath;
import static app.smallwins.support.Records.ids;
import static app.smallwins.support.Records.json;
import static app.smallwins.support.Records.observation;
import static app.smallwins.support.Records.observationsPath;
import static app.smallwins.support.Records.recordWin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Concurrently;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * Mobile clients on bad networks retry: a POST with an Idempotency-Key answers a retry with
 * the first result and creates nothing new; the same key with another request is a 422.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RecordsIdempotencyTest {

    private static Response post(Tokens.TestUser who, String key, String path, Object body) {
        return as(who).header("Idempotency-Key", key).body(body).post(path);
    }

    /** First call creates (201, no replay header); the retry replays it; another body with the key is 422. */
    private static String assertIdempotent(Tokens.TestUser who, String path, Object body, Object otherBody,
            String listPath, int expectedCount) {
        String key = UUID.randomUUID().toString();
        Response first = post(who, key, path, body);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        String id = first.path("id");

        Response retry = post(who, key, path, body);
        retry.then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(id));
        assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""), "the retry answers the first result");

        post(who, key, path, otherBody).then().spec(problem(422, "unprocessable"));
        assertEquals(expectedCount, ids(who, listPath).size(), "nothing new was created");
        return id;
    }

    @Test
    void goalCreationIsIdempotent() {
        CareTeam team = new CareTeam();
        String path = goalsPath(team.childId);
        String key = UUID.randomUUID().toString();
        post(team.teacher, key, path, goal("Waits for a turn")).then().statusCode(201).header("ETag", equalTo("\"0\""));
        post(team.teacher, key, path, goal("Waits for a turn")).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true")).header("ETag", equalTo("\"0\""));

        assertIdempotent(team.therapist, path, json("title", "Uses AAC to request", "domain", "COMMUNICATION",
                "steps", List.of(json("description", "Touches the 'more' button"))),
                json("title", "Uses AAC to request", "domain", "SOCIAL"), path, 2);
        as(team.teacher).get(path).then().body("items", hasSize(2));
    }

    @Test
    void observationRecordingIsIdempotent() {
        CareTeam team = new CareTeam();
        String path = observationsPath(team.childId);
        assertIdempotent(team.para, path, observation("WIN", "Zipped his coat"),
                observation("WIN", "Zipped his coat and his bag"), path, 1);
    }

    @Test
    void journalEntriesAreIdempotent() {
        CareTeam team = new CareTeam();
        String path = Api.BASE + "/children/" + team.childId + "/journal";
        assertIdempotent(team.parent, path, Map.of("text", "Said 'thank you'", "support", "Modelled it"),
                Map.of("text", "Said 'thank you'", "support", "Modelled it twice"), path, 1);
        assertEquals(1, ids(team.teacher, observationsPath(team.childId)).size());
    }

    @Test
    void cheersAreIdempotent() {
        CareTeam team = new CareTeam();
        String win = recordWin(team.para, team, "Took turns on the slide");
        String path = observationsPath(team.childId) + "/" + win + "/cheers";
        String key = UUID.randomUUID().toString();
        String cheer = post(team.parent, key, path, Map.of("note", "Brilliant")).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        post(team.parent, key, path, Map.of("note", "Brilliant")).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(cheer));
        post(team.parent, key, path, Map.of("note", "Brilliant!!")).then().spec(problem(422, "unprocessable"));
        as(team.teacher).get(observationsPath(team.childId) + "/" + win).then().body("cheers", hasSize(1));
    }

    @Test
    void aKeyBelongsToOnePersonAndOneOperation() {
        CareTeam team = new CareTeam();
        String key = "retry-" + UUID.randomUUID();
        String path = observationsPath(team.childId);
        String paras = post(team.para, key, path, observation("NOTE", "Same words")).then().statusCode(201)
                .extract().path("id");
        // Another person with the same key and body gets their own observation.
        post(team.parent, key, path, observation("NOTE", "Same words")).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .body("id", not(equalTo(paras)))
                .body("author.capacity", equalTo("parent"));
        // The same person cannot reuse a key for another endpoint.
        post(team.teacher, "goal-" + key, goalsPath(team.childId), goal("A goal")).then().statusCode(201);
        post(team.teacher, "goal-" + key, path, observation("NOTE", "Same words")).then()
                .spec(problem(422, "unprocessable"));
        assertEquals(2, ids(team.teacher, path).size());
    }

    @Test
    void racingRetriesCreateOneObservation() throws Exception {
        CareTeam team = new CareTeam();
        String key = UUID.randomUUID().toString();
        String path = observationsPath(team.childId);
        List<String> answers = Concurrently.run(4, i -> {
            Response r = post(team.para, key, path, observation("WIN", "Climbed the ladder alone"));
            return r.statusCode() + " " + r.path("id");
        });
        assertEquals(1, answers.stream().distinct().count(), answers.toString());
        assertEquals(List.of(answers.get(0).substring(4)), ids(team.para, path));
    }

    @Test
    void aRequestThatFailedDoesNotUseUpItsKey() {
        CareTeam team = new CareTeam();
        String key = UUID.randomUUID().toString();
        String path = observationsPath(team.childId);
        String mayasGoal = as(team.admin).body(goal("Maya's goal")).post(goalsPath(team.otherChildId))
                .then().statusCode(201).extract().path("id");
        Map<String, Object> wrong = observation("WIN", "Linked to the wrong child");
        wrong.put("goalId", mayasGoal);
        post(team.teacher, key, path, wrong).then().spec(problem(422, "unprocessable"));
        post(team.teacher, key, path, observation("WIN", "Fixed")).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        post(team.teacher, key, path, observation("WIN", "Fixed")).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"));
        assertEquals(1, ids(team.teacher, path).size());
    }

    @Test
    void aMalformedKeyIs400() {
        CareTeam team = new CareTeam();
        String path = observationsPath(team.childId);
        post(team.para, "x".repeat(256), path, observation("WIN", "Long key")).then().spec(problem(400, "validation"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        post(team.para, "two words", path, observation("WIN", "Key with a space")).then()
                .spec(problem(400, "validation")).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, ids(team.para, path).size());
    }
}

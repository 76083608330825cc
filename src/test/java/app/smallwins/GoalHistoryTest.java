package app.smallwins;

import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static app.smallwins.support.Records.createGoal;
import static app.smallwins.support.Records.goalsPath;
import static app.smallwins.support.Records.json;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Guard;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Every change to a goal is kept: who, when, and each field's value before and after. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GoalHistoryTest {

    @Test
    void revisionOneIsTheCreationWithEveryFieldSet() {
        CareTeam team = new CareTeam();
        Instant before = Instant.now().minusSeconds(1);
        JsonPath goal = as(team.teacher).body(json("title", "Asks for help with a card", "domain", "COMMUNICATION",
                "plainLanguage", "Shows the help card", "strategies", List.of("help card on the desk"),
                "steps", List.of(json("description", "Touches the card")), "startDate", "2026-09-01"))
                .post(goalsPath(team.childId)).then().statusCode(201).extract().jsonPath();
        String goalId = goal.getString("id");

        JsonPath history = as(team.parent).get(goalsPath(team.childId) + "/" + goalId + "/history")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue())
                .body("items[0].revision", equalTo(1))
                .body("items[0].goalId", equalTo(goalId))
                .body("items[0].changedBy.name", equalTo("Name of " + team.teacher.subject()))
                .body("items[0].changedBy.capacity", equalTo("teacher"))
                .body("items[0].changes.title.from", nullValue())
                .body("items[0].changes.title.to", equalTo("Asks for help with a card"))
                .body("items[0].changes.domain.to", equalTo("COMMUNICATION"))
                .body("items[0].changes.status.to", equalTo("ACTIVE"))
                .body("items[0].changes.plainLanguage.to", equalTo("Shows the help card"))
                .body("items[0].changes.strategies.to", contains("help card on the desk"))
                .body("items[0].changes.steps.to[0].id", equalTo(goal.getString("steps[0].id")))
                .body("items[0].changes.steps.to[0].description", equalTo("Touches the card"))
                .body("items[0].changes.startDate.to", equalTo("2026-09-01"))
                // Fields left empty are not "changes".
                .body("items[0].changes", not(hasKey("baseline")))
                .body("items[0].changes", not(hasKey("targetDate")))
                .extract().jsonPath();
        Instant changedAt = Instant.parse(history.getString("items[0].changedAt"));
        assertFalse(changedAt.isBefore(before), "changedAt is the time of the change");
        assertEquals(goal.getString("createdBy.id"), history.getString("items[0].changedBy.id"));
    }

    @Test
    void eachChangeAddsARevisionWithOnlyTheChangedFieldsNewestFirst() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team.childId, json("title", "Transitions without a meltdown",
                "domain", "EMOTIONAL_REGULATION", "baseline", "Needs two adults"));
        String path = goalsPath(team.childId) + "/" + goalId;

        as(team.therapist).header("If-Match", "\"0\"").body(json("status", "MET", "baseline", null)).patch(path)
                .then().statusCode(200);
        String stepId = as(team.admin).header("If-Match", "\"1\"")
                .body(Map.of("steps", List.of(json("description", "Looks at the timer")),
                        "targetDate", "2027-06-30"))
                .patch(path).then().statusCode(200).extract().path("steps[0].id");
        as(team.teacher).header("If-Match", "\"2\"").body(Map.of("status", "MAINTAINING",
                "mastery", json("promptLevel", "INDEPENDENT", "settings", 2))).patch(path).then().statusCode(200);

        as(team.para).get(path + "/history").then().statusCode(200)
                .body("items.revision", contains(4, 3, 2, 1))
                .body("items.changedBy.capacity", contains("teacher", "admin", "therapist", "teacher"))
                // revision 2: the therapist marked it met and cleared the baseline
                .body("items[2].changes", aMapWithSize(2))
                .body("items[2].changes.status.from", equalTo("ACTIVE"))
                .body("items[2].changes.status.to", equalTo("MET"))
                .body("items[2].changes.baseline.from", equalTo("Needs two adults"))
                .body("items[2].changes.baseline.to", nullValue())
                .body("items[2].changedBy.name", equalTo("Name of " + team.therapist.subject()))
                // revision 3: steps and target date
                .body("items[1].changes.keySet()", containsInAnyOrder("steps", "targetDate"))
                .body("items[1].changes.steps.from", empty())
                .body("items[1].changes.steps.to.id", contains(stepId))
                .body("items[1].changes.targetDate.from", nullValue())
                .body("items[1].changes.targetDate.to", equalTo("2027-06-30"))
                // revision 4: status and mastery (with its defaults filled in)
                .body("items[0].changes.keySet()", containsInAnyOrder("status", "mastery"))
                .body("items[0].changes.status.from", equalTo("MET"))
                .body("items[0].changes.status.to", equalTo("MAINTAINING"))
                .body("items[0].changes.mastery.from", nullValue())
                .body("items[0].changes.mastery.to.promptLevel", equalTo("INDEPENDENT"))
                .body("items[0].changes.mastery.to.settings", equalTo(2))
                .body("items[0].changes.mastery.to.people", equalTo(1));
    }

    @Test
    void aPatchThatChangesNothingAddsNoRevisionAndRefusedChangesLeaveNoTrace() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team, "Eats one new food a week");
        String path = goalsPath(team.childId) + "/" + goalId;

        as(team.teacher).header("If-Match", "\"0\"").body(Map.of("title", "Eats one new food a week",
                "status", "ACTIVE")).patch(path).then().statusCode(200).header("ETag", equalTo("\"0\""));
        as(team.teacher).header("If-Match", "\"0\"").body(Map.of("status", "MAINTAINING")).patch(path)
                .then().spec(problem(409, "conflict"));
        as(team.para).header("If-Match", "\"0\"").body(Map.of("title", "Para was here")).patch(path)
                .then().spec(problem(403, "forbidden"));

        as(team.teacher).get(path + "/history").then().statusCode(200)
                .body("items.revision", contains(1));
    }

    @Test
    void historyPagesNewestFirstWithoutGapsOrDuplicates() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team, "Title 0");
        String path = goalsPath(team.childId) + "/" + goalId;
        for (int i = 1; i <= 6; i++) {
            as(team.teacher).header("If-Match", "\"" + (i - 1) + "\"").body(Map.of("title", "Title " + i))
                    .patch(path).then().statusCode(200);
        }
        List<Integer> revisions = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(team.therapist).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path + "/history").then().statusCode(200).extract().jsonPath();
            revisions.addAll(page.getList("items.revision", Integer.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(7, 6, 5, 4, 3, 2, 1), revisions);

        as(team.teacher).get(path + "/history").then().statusCode(200)
                .body("items[0].changes.title.from", equalTo("Title 5"))
                .body("items[0].changes.title.to", equalTo("Title 6"));
    }

    @Test
    void everyMemberReadsTheHistoryAndStrangersGet404() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.therapist, team, "Plays beside a peer for five minutes");
        String path = goalsPath(team.childId) + "/" + goalId + "/history";
        for (var reader : List.of(team.admin, team.teacher, team.para, team.therapist, team.parent)) {
            as(reader).get(path).then().statusCode(200).body("items", hasSize(1))
                    .body("items[0].changedBy.capacity", equalTo("therapist"))
                    .body("items[0].id", notNullValue());
        }
        Guard.get(path).guardsChild(team);
        as(team.teacher).get(goalsPath(team.childId) + "/" + UUID.randomUUID() + "/history")
                .then().spec(problem(404, "not-found"));
    }
}

package app.smallwins;

import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static app.smallwins.support.Records.createGoal;
import static app.smallwins.support.Records.goal;
import static app.smallwins.support.Records.goalEtag;
import static app.smallwins.support.Records.goalsPath;
import static app.smallwins.support.Records.ids;
import static app.smallwins.support.Records.json;
import static app.smallwins.support.Records.observation;
import static app.smallwins.support.Records.observationsPath;
import static app.smallwins.support.Records.record;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Concurrently;
import app.smallwins.support.Guard;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** Goals on paper: who may write and read them, what they hold, and how they change. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GoalsApiTest {

    private static Map<String, Object> fullGoal() {
        return json(
                "title", "Given a field of four colours, Arjun will identify basic colours with 80% accuracy",
                "plainLanguage", "Identify basic colours",
                "domain", "ACADEMIC",
                "baseline", "Matches colours, does not name them yet",
                "mastery", json("promptLevel", "INDEPENDENT", "settings", 2, "people", 3, "consecutiveWeeks", 4,
                        "successRatio", 0.8),
                "steps", List.of(json("description", "Points to red when asked"),
                        json("description", "Names red unprompted")),
                "strategies", List.of("visual schedule", "first-then board"),
                "startDate", "2026-09-01",
                "targetDate", "2027-06-30");
    }

    // --- create --------------------------------------------------------------------------

    @Test
    void teacherWritesAGoalWithEveryField() {
        CareTeam team = new CareTeam();
        var response = as(team.teacher).body(fullGoal()).post(goalsPath(team.childId));
        JsonPath goal = response.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Idempotent-Replayed", nullValue())
                .body("childId", equalTo(team.childId))
                .body("plainLanguage", equalTo("Identify basic colours"))
                .body("domain", equalTo("ACADEMIC"))
                .body("baseline", equalTo("Matches colours, does not name them yet"))
                .body("mastery.promptLevel", equalTo("INDEPENDENT"))
                .body("mastery.settings", equalTo(2))
                .body("mastery.people", equalTo(3))
                .body("mastery.consecutiveWeeks", equalTo(4))
                .body("mastery.successRatio", equalTo(0.8f))
                .body("steps.description", contains("Points to red when asked", "Names red unprompted"))
                .body("steps.id", everyItem(matchesPattern("[0-9a-f-]{36}")))
                .body("strategies", contains("visual schedule", "first-then board"))
                .body("status", equalTo("ACTIVE"))
                .body("startDate", equalTo("2026-09-01"))
                .body("targetDate", equalTo("2027-06-30"))
                .body("createdBy.name", equalTo("Name of " + team.teacher.subject()))
                .body("createdBy.capacity", equalTo("teacher"))
                .body("version", equalTo(0))
                .extract().jsonPath();
        assertThat(response.header("Location"),
                endsWith("/api/v1/children/" + team.childId + "/goals/" + goal.getString("id")));

        // What was answered is what is stored.
        as(team.para).get(goalsPath(team.childId) + "/" + goal.getString("id")).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("title", equalTo(goal.getString("title")))
                .body("steps.id", equalTo(goal.getList("steps.id")))
                .body("mastery.successRatio", equalTo(0.8f));
    }

    @Test
    void masteryCountsDefaultToOne() {
        CareTeam team = new CareTeam();
        Map<String, Object> body = goal("Asks for help with a card");
        body.put("mastery", json("promptLevel", "GESTURAL"));
        as(team.teacher).body(body).post(goalsPath(team.childId)).then().statusCode(201)
                .body("mastery.settings", equalTo(1))
                .body("mastery.people", equalTo(1))
                .body("mastery.consecutiveWeeks", equalTo(1))
                .body("mastery.successRatio", nullValue());
    }

    @Test
    void adminTeacherAndTherapistWriteGoalsParaAndParentGet403() {
        CareTeam team = new CareTeam();
        for (var writer : List.of(team.admin, team.teacher, team.therapist)) {
            as(writer).body(goal("Goal by " + writer.roles())).post(goalsPath(team.childId))
                    .then().statusCode(201)
                    .body("createdBy.capacity", equalTo(writer.roles().iterator().next()));
        }
        Guard.post(goalsPath(team.childId), goal("Not allowed")).forbids(team.para, team.parent).guardsChild(team);
        as(team.teacher).get(goalsPath(team.childId)).then().statusCode(200).body("items", hasSize(3));
    }

    @Test
    void invalidGoalsAre400WithTheFieldAndCreateNothing() {
        CareTeam team = new CareTeam();
        String path = goalsPath(team.childId);
        Map<String, Map<String, Object>> cases = Map.ofEntries(
                Map.entry("title", json("domain", "SOCIAL")),
                Map.entry("domain", json("title", "No domain")),
                Map.entry("domain ", json("title", "Bad domain", "domain", "ASTROLOGY")),
                Map.entry("title ", json("title", "   ", "domain", "SOCIAL")),
                Map.entry("targetDate", json("title", "Backwards", "domain", "SOCIAL",
                        "startDate", "2026-09-01", "targetDate", "2026-08-31")),
                Map.entry("mastery.successRatio", json("title", "Ratio", "domain", "SOCIAL",
                        "mastery", json("promptLevel", "INDEPENDENT", "successRatio", 1.5))),
                Map.entry("mastery.promptLevel", json("title", "No level", "domain", "SOCIAL",
                        "mastery", json("settings", 2))),
                Map.entry("mastery.settings", json("title", "Zero settings", "domain", "SOCIAL",
                        "mastery", json("promptLevel", "INDEPENDENT", "settings", 0))),
                Map.entry("steps[0].description", json("title", "Blank step", "domain", "SOCIAL",
                        "steps", List.of(json("description", "")))),
                Map.entry("steps[0].id", json("title", "Step with id", "domain", "SOCIAL",
                        "steps", List.of(json("id", "7f8c0f4e-3a57-4d55-9f3d-2d3c6f1f0a11", "description", "x")))),
                Map.entry("strategies[0]", json("title", "Blank strategy", "domain", "SOCIAL",
                        "strategies", List.of(" "))),
                Map.entry("status", json("title", "Bad status", "domain", "SOCIAL", "status", "DONE")),
                Map.entry("startDate", json("title", "Bad date", "domain", "SOCIAL", "startDate", "next week")),
                Map.entry("owner", json("title", "Unknown property", "domain", "SOCIAL", "owner", "me")),
                Map.entry("title  ", json("title", "x".repeat(501), "domain", "SOCIAL")));
        cases.forEach((field, body) -> as(team.teacher).body(body).post(path)
                .then().spec(problem(400, "validation"))
                .body("errors.field", hasItem(field.strip())));

        assertEquals(List.of(), ids(team.teacher, path), "no goal was created");
    }

    // --- read and list ----------------------------------------------------------------------

    @Test
    void everyTeamMemberReadsGoalsAndStrangersGet404() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team, "Waits for a turn");
        String goalPath = goalsPath(team.childId) + "/" + goalId;
        for (var reader : List.of(team.admin, team.teacher, team.para, team.therapist, team.parent)) {
            as(reader).get(goalPath).then().statusCode(200)
                    .header("ETag", equalTo("\"0\""))
                    .body("id", equalTo(goalId));
            as(reader).get(goalsPath(team.childId)).then().statusCode(200)
                    .body("items.id", contains(goalId))
                    .body("nextCursor", nullValue());
        }
        Guard.get(goalPath).guardsChild(team);
        Guard.get(goalsPath(team.childId)).guardsChild(team);
    }

    @Test
    void aGoalOfAnotherChildIsNotFoundUnderThisChild() {
        CareTeam team = new CareTeam();
        String otherGoal = createGoal(team.admin, team.otherChildId, goal("Maya's goal"));
        as(team.teacher).get(goalsPath(team.childId) + "/" + otherGoal).then().spec(problem(404, "not-found"));
        as(team.teacher).header("If-Match", "\"0\"").body(Map.of("title", "Hijacked"))
                .patch(goalsPath(team.childId) + "/" + otherGoal).then().spec(problem(404, "not-found"));
        as(team.teacher).get(goalsPath(team.childId) + "/" + otherGoal + "/history")
                .then().spec(problem(404, "not-found"));
        as(team.admin).get(goalsPath(team.otherChildId) + "/" + otherGoal).then().statusCode(200)
                .body("title", equalTo("Maya's goal"));
    }

    @Test
    void listFiltersByStatusAndDomainNewestFirst() {
        CareTeam team = new CareTeam();
        String social = createGoal(team.teacher, team.childId, json("title", "Plays beside a peer", "domain", "SOCIAL"));
        String motor = createGoal(team.teacher, team.childId, json("title", "Holds a pencil", "domain", "MOTOR"));
        String met = createGoal(team.teacher, team.childId, json("title", "Says hello", "domain", "SOCIAL"));
        as(team.teacher).header("If-Match", "\"0\"").body(Map.of("status", "MET"))
                .patch(goalsPath(team.childId) + "/" + met).then().statusCode(200);

        String path = goalsPath(team.childId);
        as(team.parent).get(path).then().statusCode(200).body("items.id", contains(met, motor, social));
        as(team.parent).queryParam("domain", "SOCIAL").get(path).then().statusCode(200)
                .body("items.id", contains(met, social));
        as(team.parent).queryParam("status", "ACTIVE").get(path).then().statusCode(200)
                .body("items.id", contains(motor, social));
        as(team.parent).queryParam("status", "MET").queryParam("domain", "SOCIAL").get(path).then().statusCode(200)
                .body("items.id", contains(met));
        as(team.parent).queryParam("status", "MAINTAINING").get(path).then().statusCode(200)
                .body("items", empty());

        as(team.parent).queryParam("status", "FINISHED").get(path).then().spec(problem(400, "validation"))
                .body("errors.field", contains("status"));
        as(team.parent).queryParam("domain", "cooking").get(path).then().spec(problem(400, "validation"))
                .body("errors.field", contains("domain"));
    }

    @Test
    void listPagesWithACursor() {
        CareTeam team = new CareTeam();
        for (int i = 0; i < 5; i++) {
            createGoal(team.teacher, team, "Goal " + i);
        }
        String path = goalsPath(team.childId);
        List<String> all = ids(team.teacher, path);
        JsonPath first = as(team.teacher).queryParam("limit", 2).get(path).then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().jsonPath();
        JsonPath second = as(team.teacher).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get(path).then().statusCode(200).extract().jsonPath();
        JsonPath third = as(team.teacher).queryParam("limit", 2).queryParam("cursor", second.getString("nextCursor"))
                .get(path).then().statusCode(200).body("nextCursor", nullValue()).extract().jsonPath();
        List<String> paged = new java.util.ArrayList<>(first.getList("items.id"));
        paged.addAll(second.getList("items.id"));
        paged.addAll(third.getList("items.id"));
        assertEquals(all, paged);

        as(team.teacher).queryParam("limit", 101).get(path).then().spec(problem(400, "validation"));
        as(team.teacher).queryParam("cursor", "not-a-cursor").get(path).then().spec(problem(400, "validation"))
                .body("errors.field", contains("cursor"));
    }

    // --- patch ----------------------------------------------------------------------------

    @Test
    void patchWithTheCurrentEtagChangesOnlyTheGivenFields() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team.childId, fullGoal());
        String path = goalsPath(team.childId) + "/" + goalId;

        as(team.therapist).header("If-Match", "\"0\"")
                .body(json("plainLanguage", "Name red, blue and yellow", "baseline", null,
                        "strategies", List.of("colour cards"),
                        "mastery", json("promptLevel", "VERBAL", "settings", 1, "people", 1, "consecutiveWeeks", 2)))
                .patch(path)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("plainLanguage", equalTo("Name red, blue and yellow"))
                .body("baseline", nullValue())
                .body("strategies", contains("colour cards"))
                .body("mastery.promptLevel", equalTo("VERBAL"))
                .body("mastery.successRatio", nullValue())
                // untouched
                .body("title", equalTo(fullGoal().get("title")))
                .body("domain", equalTo("ACADEMIC"))
                .body("targetDate", equalTo("2027-06-30"))
                .body("steps", hasSize(2))
                .body("createdBy.capacity", equalTo("teacher"));

        as(team.admin).header("If-Match", "\"1\"").contentType("application/merge-patch+json")
                .body(json("mastery", null, "domain", "COMMUNICATION")).patch(path)
                .then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("mastery", nullValue()).body("domain", equalTo("COMMUNICATION"));
    }

    @Test
    void patchWithoutIfMatchIs428AndAStaleOneIs412AndNothingIsOverwritten() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team, "Uses a visual timer");
        String path = goalsPath(team.childId) + "/" + goalId;

        as(team.teacher).body(Map.of("title", "No precondition")).patch(path)
                .then().spec(problem(428, "precondition-required"));

        String first = goalEtag(team.teacher, team, goalId);
        as(team.teacher).header("If-Match", first).body(Map.of("title", "Uses a visual timer for transitions"))
                .patch(path).then().statusCode(200);
        // The therapist still holds the first ETag: their change would overwrite the teacher's.
        as(team.therapist).header("If-Match", first).body(Map.of("title", "Stale write")).patch(path)
                .then().spec(problem(412, "precondition-failed"));
        as(team.teacher).header("If-Match", "\"999\"").body(Map.of("title", "Made-up version")).patch(path)
                .then().spec(problem(412, "precondition-failed"));

        as(team.teacher).get(path).then().statusCode(200)
                .body("title", equalTo("Uses a visual timer for transitions"))
                .header("ETag", equalTo("\"1\""));
        as(team.teacher).get(path + "/history").then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void concurrentPatchesWithOneEtagLetExactlyOneWin() throws Exception {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team, "Original");
        String path = goalsPath(team.childId) + "/" + goalId;
        List<Integer> statuses = Concurrently.run(4, i -> as(i % 2 == 0 ? team.teacher : team.therapist)
                .header("If-Match", "\"0\"").body(Map.of("title", "Writer " + i)).patch(path).statusCode());

        // Whatever the interleaving: one writer wins, every other one is told its ETag is stale.
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        as(team.teacher).get(path).then().statusCode(200).header("ETag", equalTo("\"1\""));
        as(team.teacher).get(path + "/history").then().statusCode(200).body("items.revision", contains(2, 1));
    }

    @Test
    void aWeakOrWildcardIfMatchIsAccepted() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team, "Original");
        String path = goalsPath(team.childId) + "/" + goalId;
        as(team.teacher).header("If-Match", "W/\"0\"").body(Map.of("title", "Weak")).patch(path)
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        as(team.teacher).header("If-Match", "\"7\", \"1\"").body(Map.of("title", "One of a list")).patch(path)
                .then().statusCode(200).header("ETag", equalTo("\"2\""));
        as(team.teacher).header("If-Match", "*").body(Map.of("title", "Any")).patch(path)
                .then().statusCode(200).header("ETag", equalTo("\"3\""));
    }

    @Test
    void paraAndParentMayNotEditAGoalEvenWithTheRightEtag() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team, "Tolerates a new food");
        String path = goalsPath(team.childId) + "/" + goalId;
        String etag = goalEtag(team.para, team, goalId);

        Guard.patch(path, Map.of("title", "Para's wording"), etag).forbids(team.para, team.parent).guardsChild(team);
        Guard.patch(path, Map.of("status", "DISCONTINUED"), etag).forbids(team.para, team.parent);

        as(team.parent).get(path).then().statusCode(200)
                .body("title", equalTo("Tolerates a new food"))
                .body("status", equalTo("ACTIVE"))
                .header("ETag", equalTo(etag));
    }

    @Test
    void invalidPatchesAre400AndChangeNothing() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team.childId, json("title", "Sleeps through", "domain", "SELF_CARE",
                "startDate", "2026-09-01"));
        String path = goalsPath(team.childId) + "/" + goalId;
        Map<String, Map<String, Object>> cases = Map.of(
                "title", json("title", null),
                "domain", json("domain", null),
                "status", json("status", null),
                "targetDate", json("targetDate", "2026-08-01"),
                "status ", json("status", "FINISHED"),
                "steps[0].description", json("steps", List.of(json("description", " "))),
                "steps[0].id", json("steps", List.of(json("id", "7f8c0f4e-3a57-4d55-9f3d-2d3c6f1f0a11",
                        "description", "Unknown step id"))),
                "createdBy", json("createdBy", "someone else"));
        cases.forEach((field, body) -> as(team.teacher).header("If-Match", "\"0\"").body(body).patch(path)
                .then().spec(problem(400, "validation"))
                .body("errors.field", hasItem(field.strip())));

        as(team.teacher).get(path).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("title", equalTo("Sleeps through"))
                .body("targetDate", nullValue());
        as(team.teacher).get(path + "/history").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void targetDateBeforeAStartDateSetInTheSamePatchIs400() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team.childId, json("title", "Dates", "domain", "OTHER",
                "targetDate", "2027-01-31"));
        String path = goalsPath(team.childId) + "/" + goalId;
        as(team.teacher).header("If-Match", "\"0\"").body(Map.of("startDate", "2027-02-01")).patch(path)
                .then().spec(problem(400, "validation")).body("errors.field", contains("targetDate"));
        as(team.teacher).header("If-Match", "\"0\"").body(Map.of("startDate", "2027-01-31")).patch(path)
                .then().statusCode(200).body("startDate", equalTo("2027-01-31"));
    }

    // --- steps ------------------------------------------------------------------------------

    @Test
    void stepsKeepTheirIdsWhenSentBackAndOmittedStepsRetire() {
        CareTeam team = new CareTeam();
        JsonPath created = as(team.teacher).body(json("title", "Transitions", "domain", "EMOTIONAL_REGULATION",
                "steps", List.of(json("description", "Looks at the timer"), json("description", "Walks to the door"),
                        json("description", "Leaves without protest"))))
                .post(goalsPath(team.childId)).then().statusCode(201).extract().jsonPath();
        String goalId = created.getString("id");
        String path = goalsPath(team.childId) + "/" + goalId;
        String look = created.getString("steps[0].id");
        String walk = created.getString("steps[1].id");
        String leave = created.getString("steps[2].id");

        // An observation names the step that is about to be retired.
        String onWalk = record(team.para, team.childId, json("kind", "WIN", "text", "Walked to the door",
                "setting", "CLASSROOM", "goalId", goalId, "stepId", walk));

        // Reorder, reword one, drop "walk", add a new one.
        JsonPath patched = as(team.teacher).header("If-Match", "\"0\"")
                .body(Map.of("steps", List.of(json("id", leave, "description", "Leaves without protest"),
                        json("id", look, "description", "Looks at the visual timer"),
                        json("description", "Says 'bye' to the class"))))
                .patch(path).then().statusCode(200)
                .body("steps.id[0]", equalTo(leave))
                .body("steps.id[1]", equalTo(look))
                .body("steps.description", contains("Leaves without protest", "Looks at the visual timer",
                        "Says 'bye' to the class"))
                .extract().jsonPath();
        String added = patched.getString("steps[2].id");
        assertNotEquals(null, added);
        assertEquals(3, java.util.Set.copyOf(List.of(leave, look, added)).size());

        as(team.parent).get(path).then().statusCode(200).body("steps.id", contains(leave, look, added));

        // The retired step still resolves on the observation that named it...
        as(team.parent).get(observationsPath(team.childId) + "/" + onWalk).then().statusCode(200)
                .body("stepId", equalTo(walk));
        // ...but new observations can no longer name it, nor can a patch bring it back by id.
        as(team.para).body(json("kind", "WIN", "text", "Walked again", "setting", "CLASSROOM",
                "goalId", goalId, "stepId", walk)).post(observationsPath(team.childId))
                .then().spec(problem(422, "unprocessable")).body("errors.field", contains("stepId"));
        as(team.teacher).header("If-Match", "\"1\"").body(Map.of("steps", List.of(json("id", walk,
                "description", "Walks to the door")))).patch(path)
                .then().spec(problem(400, "validation")).body("errors.field", contains("steps[0].id"));

        // Sending the same id twice is refused; an empty list retires every step.
        as(team.teacher).header("If-Match", "\"1\"").body(Map.of("steps", List.of(json("id", look, "description", "a"),
                json("id", look, "description", "b")))).patch(path)
                .then().spec(problem(400, "validation")).body("errors.field", contains("steps[1].id"));
        as(team.teacher).header("If-Match", "\"1\"").body(Map.of("steps", List.of())).patch(path)
                .then().statusCode(200).body("steps", empty()).header("ETag", equalTo("\"2\""));
    }

    @Test
    void aStepOfAnotherGoalCannotBeAdoptedById() {
        CareTeam team = new CareTeam();
        String stepOfA = as(team.teacher).body(json("title", "A", "domain", "MOTOR",
                "steps", List.of(json("description", "step of A")))).post(goalsPath(team.childId))
                .then().statusCode(201).extract().path("steps[0].id");
        String goalB = createGoal(team.teacher, team, "B");
        as(team.teacher).header("If-Match", "\"0\"")
                .body(Map.of("steps", List.of(json("id", stepOfA, "description", "stolen"))))
                .patch(goalsPath(team.childId) + "/" + goalB)
                .then().spec(problem(400, "validation")).body("errors.field", contains("steps[0].id"));
    }

    // --- status --------------------------------------------------------------------------------

    @Test
    void statusFollowsTheAllowedTransitions() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team, "Answers out loud in circle time");
        String path = goalsPath(team.childId) + "/" + goalId;
        StatusWalker walker = new StatusWalker(team.teacher, path);

        walker.refused("MAINTAINING"); // ACTIVE → MAINTAINING skips MET
        walker.moves("MET");
        walker.moves("MAINTAINING");
        walker.moves("ACTIVE"); // a skill can slip
        walker.moves("MET");
        walker.moves("ACTIVE");
        walker.moves("DISCONTINUED");
        walker.refused("MET");
        walker.refused("MAINTAINING");
        walker.moves("ACTIVE"); // taken up again
        walker.moves("MET");
        walker.moves("DISCONTINUED");
        walker.moves("ACTIVE");
        walker.moves("MET");
        walker.moves("MAINTAINING");
        walker.moves("DISCONTINUED");

        as(team.parent).get(path).then().statusCode(200).body("status", equalTo("DISCONTINUED"));
    }

    /** Patches a goal's status with the current ETag and checks the answer. */
    private static final class StatusWalker {
        private final Tokens.TestUser who;
        private final String path;
        private String status = "ACTIVE";
        private String etag = "\"0\"";

        StatusWalker(Tokens.TestUser who, String path) {
            this.who = who;
            this.path = path;
        }

        void moves(String next) {
            etag = as(who).header("If-Match", etag).body(Map.of("status", next)).patch(path)
                    .then().statusCode(200).body("status", equalTo(next)).extract().header("ETag");
            status = next;
        }

        void refused(String next) {
            as(who).header("If-Match", etag).body(Map.of("status", next)).patch(path)
                    .then().spec(problem(409, "conflict"));
            as(who).get(path).then().statusCode(200).body("status", equalTo(status)).header("ETag", equalTo(etag));
        }
    }
}

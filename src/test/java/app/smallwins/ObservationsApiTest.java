package app.smallwins;

import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static app.smallwins.support.Records.createGoal;
import static app.smallwins.support.Records.goal;
import static app.smallwins.support.Records.goalsPath;
import static app.smallwins.support.Records.hoursAgo;
import static app.smallwins.support.Records.ids;
import static app.smallwins.support.Records.json;
import static app.smallwins.support.Records.observation;
import static app.smallwins.support.Records.observationsPath;
import static app.smallwins.support.Records.record;
import static app.smallwins.support.Records.recordWin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Guard;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Observations in real life: anyone on the team records them; only their author changes them. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ObservationsApiTest {

    // --- record --------------------------------------------------------------------------

    @Test
    void everyTeamMemberRecordsAsThemselvesInTheirCapacity() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team.childId, json("title", "Names colours", "domain", "ACADEMIC"));
        Map<Tokens.TestUser, String> capacities = Map.of(team.admin, "admin", team.teacher, "teacher",
                team.para, "para", team.therapist, "therapist", team.parent, "parent");
        capacities.forEach((member, capacity) -> as(member)
                .body(json("kind", "NOTE", "text", "Noted by " + capacity, "setting", "OTHER"))
                .post(observationsPath(team.childId)).then().statusCode(201)
                .body("author.capacity", equalTo(capacity))
                .body("author.name", equalTo("Name of " + member.subject()))
                .body("source", equalTo("DIRECT")));

        Instant at = hoursAgo(2);
        Response win = as(team.para).body(json("kind", "WIN", "text", "  Sorted shapes by colour on his own  ",
                "goalId", goalId, "setting", "CLASSROOM", "promptLevel", "INDEPENDENT", "regulation", "CALM",
                "firstTime", true, "support", "Laid out the trays first", "occurredAt", at.toString()))
                .post(observationsPath(team.childId));
        JsonPath view = win.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("childId", equalTo(team.childId))
                .body("kind", equalTo("WIN"))
                .body("text", equalTo("Sorted shapes by colour on his own"))
                .body("goalId", equalTo(goalId))
                .body("stepId", nullValue())
                .body("domain", equalTo("ACADEMIC")) // taken from the goal
                .body("setting", equalTo("CLASSROOM"))
                .body("promptLevel", equalTo("INDEPENDENT"))
                .body("regulation", equalTo("CALM"))
                .body("firstTime", equalTo(true))
                .body("support", equalTo("Laid out the trays first"))
                .body("occurredAt", equalTo(at.toString()))
                .body("edited", equalTo(false))
                .body("cheers", empty())
                .extract().jsonPath();
        assertThat(win.header("Location"), endsWith("/children/" + team.childId + "/observations/" + view.getString("id")));

        as(team.parent).body(json("kind", "SETBACK", "text", "Refused the bath", "setting", "HOME",
                "domain", "SELF_CARE", "regulation", "DYSREGULATED")).post(observationsPath(team.childId))
                .then().statusCode(201)
                .body("goalId", nullValue())
                .body("domain", equalTo("SELF_CARE"))
                .body("firstTime", equalTo(false))
                .body("occurredAt", notNullValue());

        as(team.teacher).get(observationsPath(team.childId) + "/" + view.getString("id")).then().statusCode(200)
                .body("text", equalTo("Sorted shapes by colour on his own"))
                .body("author.id", equalTo(view.getString("author.id")));
        assertEquals(7, ids(team.teacher, observationsPath(team.childId)).size());
    }

    @Test
    void aBodyCannotNameItsAuthor() {
        CareTeam team = new CareTeam();
        String path = observationsPath(team.childId);
        for (String field : List.of("author", "authorId", "authorCapacity", "source")) {
            Map<String, Object> body = observation("WIN", "Claims to be someone else");
            body.put(field, field.equals("author") ? json("id", UUID.randomUUID().toString(), "capacity", "teacher")
                    : field.equals("authorCapacity") ? "teacher" : field.equals("source") ? "JOURNAL"
                    : UUID.randomUUID().toString());
            as(team.parent).body(body).post(path).then().spec(problem(400, "validation"))
                    .body("errors.field", contains(field))
                    .body("errors.message", contains("unknown property"));
        }
        assertEquals(List.of(), ids(team.teacher, path));
    }

    @Test
    void invalidObservationsAre400WithTheFieldAndCreateNothing() {
        CareTeam team = new CareTeam();
        String path = observationsPath(team.childId);
        String goalId = createGoal(team.teacher, team, "A goal");
        Map<String, Map<String, Object>> cases = Map.ofEntries(
                Map.entry("kind", json("text", "No kind", "setting", "HOME")),
                Map.entry("kind ", json("kind", "PARTY", "text", "Unknown kind", "setting", "HOME")),
                Map.entry("text", json("kind", "WIN", "setting", "HOME")),
                Map.entry("text ", json("kind", "WIN", "text", "  ", "setting", "HOME")),
                Map.entry("text  ", json("kind", "WIN", "text", "x".repeat(4001), "setting", "HOME")),
                Map.entry("setting", json("kind", "WIN", "text", "No setting")),
                Map.entry("setting ", json("kind", "WIN", "text", "Space", "setting", "SPACE")),
                Map.entry("promptLevel", json("kind", "WIN", "text", "x", "setting", "HOME", "promptLevel", "LOUD")),
                Map.entry("regulation", json("kind", "WIN", "text", "x", "setting", "HOME", "regulation", "HAPPY")),
                Map.entry("domain", json("kind", "WIN", "text", "x", "setting", "HOME", "domain", "MAGIC")),
                Map.entry("goalId", json("kind", "WIN", "text", "x", "setting", "HOME", "goalId", "not-a-uuid")),
                Map.entry("occurredAt", json("kind", "WIN", "text", "Tomorrow", "setting", "HOME",
                        "occurredAt", Instant.now().plus(10, ChronoUnit.MINUTES).toString())),
                Map.entry("occurredAt ", json("kind", "WIN", "text", "Bad date", "setting", "HOME",
                        "occurredAt", "yesterday")),
                Map.entry("stepId", json("kind", "WIN", "text", "Step alone", "setting", "HOME",
                        "stepId", UUID.randomUUID().toString())),
                Map.entry("support", json("kind", "WIN", "text", "x", "setting", "HOME", "support", "s".repeat(2001))),
                Map.entry("firstTime", json("kind", "WIN", "text", "x", "setting", "HOME", "firstTime", "often")));
        cases.forEach((field, body) -> as(team.teacher).body(body).post(path)
                .then().spec(problem(400, "validation"))
                .body("errors.field", hasItem(field.strip())));

        as(team.teacher).body("[1, 2]").post(path).then().statusCode(400).contentType("application/problem+json");
        as(team.teacher).body("{\"kind\": ").post(path).then().spec(problem(400, "malformed"));
        assertEquals(List.of(), ids(team.teacher, path));
        as(team.teacher).queryParam("goalId", goalId).get(path).then().statusCode(200).body("items", empty());
    }

    @Test
    void occurredAtWithinTheClockSkewIsAccepted() {
        CareTeam team = new CareTeam();
        Instant soon = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        as(team.teacher).body(json("kind", "NOTE", "text", "Phone clock runs fast", "setting", "CLASSROOM",
                "occurredAt", soon.toString())).post(observationsPath(team.childId))
                .then().statusCode(201).body("occurredAt", equalTo(soon.toString()));
    }

    @Test
    void anObservationCannotNameAnotherChildsGoalOrAnotherGoalsStep() {
        CareTeam team = new CareTeam();
        String path = observationsPath(team.childId);
        String mayasGoal = createGoal(team.admin, team.otherChildId, goal("Maya's goal"));
        JsonPath ours = as(team.teacher).body(json("title", "Ours", "domain", "SOCIAL",
                "steps", List.of(json("description", "Step one")))).post(goalsPath(team.childId)).then().statusCode(201)
                .extract().jsonPath();
        JsonPath other = as(team.teacher).body(json("title", "Other", "domain", "MOTOR",
                "steps", List.of(json("description", "Other step")))).post(goalsPath(team.childId)).then().statusCode(201)
                .extract().jsonPath();

        as(team.teacher).body(json("kind", "WIN", "text", "Wrong child", "setting", "CLASSROOM", "goalId", mayasGoal))
                .post(path).then().spec(problem(422, "unprocessable"))
                .body("errors.field", contains("goalId"));
        as(team.teacher).body(json("kind", "WIN", "text", "Unknown goal", "setting", "CLASSROOM",
                "goalId", UUID.randomUUID().toString()))
                .post(path).then().spec(problem(422, "unprocessable")).body("errors.field", contains("goalId"));
        as(team.teacher).body(json("kind", "WIN", "text", "Wrong step", "setting", "CLASSROOM",
                "goalId", ours.getString("id"), "stepId", other.getString("steps[0].id")))
                .post(path).then().spec(problem(422, "unprocessable")).body("errors.field", contains("stepId"));
        assertEquals(List.of(), ids(team.teacher, path));

        // Journal entries and patches go through the same check.
        as(team.parent).body(json("text", "Wrong child at home", "goalId", mayasGoal))
                .post("/api/v1/children/" + team.childId + "/journal")
                .then().spec(problem(422, "unprocessable")).body("errors.field", contains("goalId"));
        String mine = recordWin(team.teacher, team, "Right child");
        as(team.teacher).body(json("goalId", mayasGoal)).patch(path + "/" + mine)
                .then().spec(problem(422, "unprocessable")).body("errors.field", contains("goalId"));
        as(team.teacher).body(json("stepId", ours.getString("steps[0].id"))).patch(path + "/" + mine)
                .then().spec(problem(400, "validation")).body("errors.field", contains("stepId"));
        as(team.teacher).get(path + "/" + mine).then().statusCode(200).body("goalId", nullValue())
                .body("edited", equalTo(false));

        // The right goal and step are accepted.
        record(team.teacher, team.childId, json("kind", "WIN", "text", "Right step", "setting", "CLASSROOM",
                "goalId", ours.getString("id"), "stepId", ours.getString("steps[0].id")));
        // Maya's record is untouched.
        as(team.admin).get(observationsPath(team.otherChildId)).then().statusCode(200).body("items", empty());
    }

    // --- read ----------------------------------------------------------------------------

    @Test
    void readingNeedsMembershipAndADeletedOrUnknownObservationIs404() {
        CareTeam team = new CareTeam();
        String id = recordWin(team.para, team, "Said 'more' with the AAC device");
        String path = observationsPath(team.childId) + "/" + id;
        for (var reader : List.of(team.admin, team.teacher, team.para, team.therapist, team.parent)) {
            as(reader).get(path).then().statusCode(200).body("id", equalTo(id));
            as(reader).get(observationsPath(team.childId)).then().statusCode(200).body("items.id", contains(id));
        }
        Guard.get(path).guardsChild(team);
        Guard.get(observationsPath(team.childId)).guardsChild(team);
        as(team.teacher).get(observationsPath(team.childId) + "/" + UUID.randomUUID())
                .then().spec(problem(404, "not-found"));
        // An observation id of another child does not resolve under this child.
        String mayas = record(team.admin, team.otherChildId, observation("NOTE", "Maya's note"));
        as(team.teacher).get(observationsPath(team.childId) + "/" + mayas).then().spec(problem(404, "not-found"));
        as(team.admin).get(observationsPath(team.childId) + "/" + mayas).then().spec(problem(404, "not-found"));
    }

    // --- edit ----------------------------------------------------------------------------

    @Test
    void onlyTheAuthorEditsEvenAnAdminGets403() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team.childId, json("title", "Colours", "domain", "ACADEMIC"));
        String id = recordWin(team.para, team, "Pointed to red");
        String path = observationsPath(team.childId) + "/" + id;

        Guard.patch(path, Map.of("text", "Rewritten"), "\"0\"")
                .forbids(team.admin, team.teacher, team.therapist, team.parent)
                .guardsChild(team);

        as(team.para).body(json("text", "Pointed to red and said 'red'", "goalId", goalId, "promptLevel", "VERBAL",
                "firstTime", true, "kind", "WIN")).patch(path)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("text", equalTo("Pointed to red and said 'red'"))
                .body("goalId", equalTo(goalId))
                .body("domain", equalTo("ACADEMIC"))
                .body("promptLevel", equalTo("VERBAL"))
                .body("firstTime", equalTo(true))
                .body("setting", equalTo("CLASSROOM"))
                .body("edited", equalTo(true))
                .body("author.capacity", equalTo("para"));

        as(team.para).body(json("goalId", null, "promptLevel", null)).patch(path).then().statusCode(200)
                .body("goalId", nullValue()).body("promptLevel", nullValue());
        as(team.teacher).get(path).then().statusCode(200).body("text", equalTo("Pointed to red and said 'red'"));
    }

    @Test
    void anAuthorsPatchIsValidatedAndAStaleIfMatchIs412() {
        CareTeam team = new CareTeam();
        String id = recordWin(team.parent, team, "Slept through the night");
        String path = observationsPath(team.childId) + "/" + id;

        as(team.parent).header("If-Match", "\"7\"").body(Map.of("text", "Stale")).patch(path)
                .then().spec(problem(412, "precondition-failed"));
        as(team.parent).body(json("kind", null)).patch(path).then().spec(problem(400, "validation"))
                .body("errors.field", contains("kind"));
        as(team.parent).body(json("kind", "MAYBE")).patch(path).then().spec(problem(400, "validation"))
                .body("errors.field", contains("kind"));
        as(team.parent).body(json("occurredAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).patch(path)
                .then().spec(problem(400, "validation")).body("errors.field", contains("occurredAt"));
        as(team.parent).body(json("authorId", UUID.randomUUID().toString())).patch(path)
                .then().spec(problem(400, "validation")).body("errors.field", contains("authorId"));

        as(team.parent).get(path).then().statusCode(200).body("text", equalTo("Slept through the night"))
                .body("version", equalTo(0)).body("edited", equalTo(false));
        as(team.parent).header("If-Match", "\"0\"").body(Map.of("setting", "HOME")).patch(path)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("setting", equalTo("HOME"));
    }

    // --- delete --------------------------------------------------------------------------

    @Test
    void theAuthorDeletesAndTheObservationLeavesListsAndReads() {
        CareTeam team = new CareTeam();
        String kept = recordWin(team.teacher, team, "Kept");
        String id = recordWin(team.therapist, team, "Recorded by mistake");
        String path = observationsPath(team.childId) + "/" + id;

        Guard.delete(path).forbids(team.teacher, team.para, team.parent).guardsChild(team);
        as(team.therapist).get(path).then().statusCode(200);

        as(team.therapist).delete(path).then().statusCode(204);
        as(team.therapist).get(path).then().spec(problem(404, "not-found"));
        as(team.teacher).get(observationsPath(team.childId)).then().statusCode(200).body("items.id", contains(kept));
        as(team.therapist).delete(path).then().spec(problem(404, "not-found"));
        as(team.therapist).body(Map.of("text", "Undo")).patch(path).then().spec(problem(404, "not-found"));
    }

    @Test
    void anAdminDeletesAnyonesObservation() {
        CareTeam team = new CareTeam();
        String id = recordWin(team.parent, team, "Shared too much detail");
        String path = observationsPath(team.childId) + "/" + id;
        as(team.admin).delete(path).then().statusCode(204);
        as(team.parent).get(path).then().spec(problem(404, "not-found"));
        as(team.parent).get(observationsPath(team.childId)).then().statusCode(200).body("items", empty());
    }

    // --- lists ---------------------------------------------------------------------------

    @Test
    void listsFilterByGoalKindSettingAuthorRoleAndTime() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team, "Circle time");
        String path = observationsPath(team.childId);
        Instant t1 = hoursAgo(30);
        Instant t2 = hoursAgo(20);
        Instant t3 = hoursAgo(10);
        String paraWin = record(team.para, team.childId, json("kind", "WIN", "text", "Answered out loud",
                "setting", "CLASSROOM", "goalId", goalId, "occurredAt", t1.toString()));
        String parentSetback = record(team.parent, team.childId, json("kind", "SETBACK", "text", "Meltdown at dinner",
                "setting", "HOME", "occurredAt", t2.toString()));
        String teacherNote = record(team.teacher, team.childId, json("kind", "NOTE", "text", "Tired today",
                "setting", "PLAYGROUND", "goalId", goalId, "occurredAt", t3.toString()));

        as(team.parent).get(path).then().statusCode(200).body("items.id", contains(teacherNote, parentSetback, paraWin));
        assertFilter(team, "goalId", goalId, teacherNote, paraWin);
        assertFilter(team, "kind", "SETBACK", parentSetback);
        assertFilter(team, "setting", "PLAYGROUND", teacherNote);
        assertFilter(team, "authorRole", "para", paraWin);
        assertFilter(team, "authorRole", "admin");
        assertFilter(team, "from", t2.toString(), teacherNote, parentSetback); // from is inclusive
        assertFilter(team, "to", t2.toString(), paraWin); // to is exclusive
        as(team.parent).queryParam("from", t1.toString()).queryParam("to", t3.toString()).queryParam("goalId", goalId)
                .get(path).then().statusCode(200).body("items.id", contains(paraWin));
        as(team.parent).queryParam("kind", "WIN").queryParam("setting", "HOME").get(path)
                .then().statusCode(200).body("items", empty());
        as(team.parent).queryParam("goalId", createGoal(team.teacher, team, "No observations")).get(path)
                .then().statusCode(200).body("items", empty());

        for (var bad : List.of(List.of("goalId", "nope"), List.of("kind", "win!"), List.of("setting", "MOON"),
                List.of("authorRole", "principal"), List.of("from", "yesterday"), List.of("to", "2026-13-01"))) {
            as(team.parent).queryParam(bad.get(0), bad.get(1)).get(path)
                    .then().spec(problem(400, "validation")).body("errors.field", contains(bad.get(0)));
        }
    }

    private static void assertFilter(CareTeam team, String name, String value, String... expected) {
        as(team.therapist).queryParam(name, value).get(observationsPath(team.childId)).then().statusCode(200)
                .body("items.id", expected.length == 0 ? empty() : contains(expected));
    }

    @Test
    void pagesFollowOccurredAtNewestFirstWithoutGapsOrDuplicates() {
        CareTeam team = new CareTeam();
        String path = observationsPath(team.childId);
        // Recorded out of order, and several at the same instant, so only (occurredAt, id) orders them.
        Instant same = hoursAgo(5);
        List<String> expectedOrder = new ArrayList<>();
        String newest = record(team.teacher, team.childId, json("kind", "WIN", "text", "newest", "setting", "HOME",
                "occurredAt", hoursAgo(1).toString()));
        String oldest = record(team.teacher, team.childId, json("kind", "WIN", "text", "oldest", "setting", "HOME",
                "occurredAt", hoursAgo(48).toString()));
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tied.add(record(i % 2 == 0 ? team.para : team.parent, team.childId,
                    json("kind", "NOTE", "text", "tied " + i, "setting", "HOME", "occurredAt", same.toString())));
        }
        expectedOrder.add(newest);
        expectedOrder.addAll(tied);
        expectedOrder.add(oldest);

        List<String> all = ids(team.teacher, path);
        assertEquals(newest, all.get(0));
        assertEquals(oldest, all.get(all.size() - 1));
        assertEquals(new HashSet<>(expectedOrder), new HashSet<>(all));

        for (int limit : List.of(1, 2, 3)) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = as(team.teacher).queryParam("limit", limit);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get(path).then().statusCode(200)
                        .body("items.size()", lessThanOrEqualTo(limit)).extract().jsonPath();
                paged.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null && pages < 20);
            assertEquals(all, paged, "pages of " + limit);
        }
    }

    @Test
    void theDefaultPageIs20AndTheLimitIsBounded() {
        CareTeam team = new CareTeam();
        for (int i = 0; i < 21; i++) {
            recordWin(team.para, team, "Win " + i);
        }
        as(team.para).get(observationsPath(team.childId)).then().statusCode(200)
                .body("items", hasSize(20)).body("nextCursor", notNullValue());
        as(team.para).queryParam("limit", 0).get(observationsPath(team.childId)).then().spec(problem(400, "validation"));
        as(team.para).queryParam("limit", 101).get(observationsPath(team.childId)).then().spec(problem(400, "validation"));
    }

    // --- access -----------------------------------------------------------------------------

    @Test
    void strangersCannotRecordAndNothingLands() {
        CareTeam team = new CareTeam();
        Guard.post(observationsPath(team.childId), observation("WIN", "Not my child")).guardsChild(team);
        assertEquals(List.of(), ids(team.teacher, observationsPath(team.childId)));
        // Both strangers really exist and are otherwise fine: the otherParent records on their own child.
        record(team.otherParent, team.otherChildId, observation("WIN", "My own child"));
        as(team.otherParent).get(observationsPath(team.otherChildId)).then().statusCode(200)
                .body("items.author.capacity", containsInAnyOrder("parent"));
    }
}

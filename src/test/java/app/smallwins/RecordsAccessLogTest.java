package app.smallwins;

import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static app.smallwins.support.Records.cheer;
import static app.smallwins.support.Records.createGoal;
import static app.smallwins.support.Records.goalsPath;
import static app.smallwins.support.Records.observationsPath;
import static app.smallwins.support.Records.recordWin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Every read and change of goals, observations, the journal, cheers and the timeline is in the access log. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class RecordsAccessLogTest {

    private record Entry(String action, String capacity, String actorId, String targetId) {
    }

    private static List<Entry> log(Tokens.TestUser reader, CareTeam team) {
        List<Map<String, Object>> items = as(reader).queryParam("limit", 100)
                .get(Api.BASE + "/children/" + team.childId + "/access-log")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().map(m -> new Entry((String) m.get("action"), (String) m.get("capacity"),
                (String) ((Map<?, ?>) m.get("actor")).get("id"), (String) m.get("targetId"))).toList();
    }

    @Test
    void everyRecordsOperationLeavesAnEntryWithWhoAndWhat() {
        CareTeam team = new CareTeam();
        String goals = goalsPath(team.childId);
        String goalId = createGoal(team.teacher, team, "Asks for a break");
        as(team.therapist).header("If-Match", "\"0\"").body(Map.of("plainLanguage", "Shows the break card"))
                .patch(goals + "/" + goalId).then().statusCode(200);
        as(team.para).get(goals + "/" + goalId).then().statusCode(200);
        as(team.parent).get(goals).then().statusCode(200);
        as(team.parent).get(goals + "/" + goalId + "/history").then().statusCode(200);

        String observations = observationsPath(team.childId);
        String win = recordWin(team.para, team, "Asked for a break with the card");
        String mistake = recordWin(team.para, team, "Oops");
        as(team.para).body(Map.of("text", "Asked for a break with the card, twice")).patch(observations + "/" + win)
                .then().statusCode(200);
        as(team.para).delete(observations + "/" + mistake).then().statusCode(204);
        as(team.teacher).get(observations + "/" + win).then().statusCode(200);
        as(team.teacher).get(observations).then().statusCode(200);
        String entry = as(team.parent).body(Map.of("text", "Asked for a break at the shop"))
                .post(Api.BASE + "/children/" + team.childId + "/journal").then().statusCode(201).extract().path("id");
        as(team.therapist).get(Api.BASE + "/children/" + team.childId + "/journal").then().statusCode(200);
        String cheerId = cheer(team.therapist, team, win, "Self-advocacy!");
        as(team.admin).get(Api.BASE + "/children/" + team.childId + "/timeline").then().statusCode(200);

        List<Entry> entries = log(team.admin, team);
        Map<String, List<Entry>> byAction = entries.stream().collect(Collectors.groupingBy(Entry::action));
        assertThat(byAction.keySet(), hasItems("goal.create", "goal.update", "goal.read", "goal.list", "goal.history",
                "observation.create", "observation.update", "observation.delete", "observation.read",
                "observation.list", "journal.list", "cheer.create", "timeline.read"));

        assertEquals(List.of(new Entry("goal.create", "teacher", actor(team, team.teacher), goalId)),
                byAction.get("goal.create"));
        assertEquals(List.of(new Entry("goal.update", "therapist", actor(team, team.therapist), goalId)),
                byAction.get("goal.update"));
        // Newest first. The suite follows every Location (support/Api#FOLLOWS_LOCATION): a real read, logged.
        assertEquals(List.of(new Entry("goal.read", "para", actor(team, team.para), goalId),
                new Entry("goal.read", "teacher", actor(team, team.teacher), goalId)), byAction.get("goal.read"));
        assertEquals(List.of(new Entry("goal.list", "parent", actor(team, team.parent), null)),
                byAction.get("goal.list"));
        assertEquals(List.of(new Entry("goal.history", "parent", actor(team, team.parent), goalId)),
                byAction.get("goal.history"));
        assertEquals(3, byAction.get("observation.create").size()); // two direct, one journal entry
        assertThat(byAction.get("observation.create").stream().map(Entry::targetId).toList(),
                hasItems(win, mistake, entry));
        assertEquals(List.of(new Entry("observation.update", "para", actor(team, team.para), win)),
                byAction.get("observation.update"));
        assertEquals(List.of(new Entry("observation.delete", "para", actor(team, team.para), mistake)),
                byAction.get("observation.delete"));
        assertEquals(List.of(new Entry("observation.read", "parent", actor(team, team.parent), entry),
                new Entry("observation.read", "teacher", actor(team, team.teacher), win),
                new Entry("observation.read", "para", actor(team, team.para), mistake),
                new Entry("observation.read", "para", actor(team, team.para), win)), byAction.get("observation.read"));
        assertEquals(List.of(new Entry("cheer.read", "therapist", actor(team, team.therapist), cheerId)),
                byAction.get("cheer.read"));
        assertEquals(List.of(new Entry("observation.list", "teacher", actor(team, team.teacher), null)),
                byAction.get("observation.list"));
        assertEquals(List.of(new Entry("journal.list", "therapist", actor(team, team.therapist), null)),
                byAction.get("journal.list"));
        assertEquals(List.of(new Entry("cheer.create", "therapist", actor(team, team.therapist), cheerId)),
                byAction.get("cheer.create"));
        assertEquals(List.of(new Entry("timeline.read", "admin", actor(team, team.admin), null)),
                byAction.get("timeline.read"));
    }

    @Test
    void refusedAndReplayedRequestsAreNotLoggedAsChanges() {
        CareTeam team = new CareTeam();
        String win = recordWin(team.para, team, "Stayed seated for the story");
        String goals = goalsPath(team.childId);
        as(team.para).body(Map.of("title", "x", "domain", "SOCIAL")).post(goals).then().spec(problem(403, "forbidden"));
        as(team.teacher).body(Map.of("text", "Not mine")).patch(observationsPath(team.childId) + "/" + win)
                .then().spec(problem(403, "forbidden"));
        as(team.teacher).body(Map.of("note", "First")).post(observationsPath(team.childId) + "/" + win + "/cheers")
                .then().statusCode(201);
        as(team.teacher).body(Map.of("note", "Again")).post(observationsPath(team.childId) + "/" + win + "/cheers")
                .then().statusCode(200);
        as(team.parent).header("Idempotency-Key", "k1").body(Map.of("text", "Journal"))
                .post(Api.BASE + "/children/" + team.childId + "/journal").then().statusCode(201);
        as(team.parent).header("Idempotency-Key", "k1").body(Map.of("text", "Journal"))
                .post(Api.BASE + "/children/" + team.childId + "/journal").then().statusCode(201);

        List<String> actions = log(team.parent, team).stream().map(Entry::action).toList();
        assertThat(actions, not(hasItem("goal.create")));
        assertThat(actions, not(hasItem("observation.update")));
        assertEquals(1, actions.stream().filter("cheer.create"::equals).count());
        assertEquals(2, actions.stream().filter("observation.create"::equals).count());
    }

    @Test
    void onlyAdminAndParentReadTheLog() {
        CareTeam team = new CareTeam();
        recordWin(team.teacher, team, "Something to log");
        String path = Api.BASE + "/children/" + team.childId + "/access-log";
        as(team.admin).get(path).then().statusCode(200);
        as(team.parent).get(path).then().statusCode(200);
        app.smallwins.support.Guard.get(path).forbids(team.teacher, team.para, team.therapist).guardsChild(team);
    }

    /** The user id the API knows a person by (provisioned from their token on first call). */
    private static String actor(CareTeam team, Tokens.TestUser who) {
        return as(who).get(Api.BASE + "/me").then().statusCode(200).extract().path("id");
    }
}

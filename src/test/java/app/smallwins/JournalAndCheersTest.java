package app.smallwins;

import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static app.smallwins.support.Records.cheer;
import static app.smallwins.support.Records.createGoal;
import static app.smallwins.support.Records.hoursAgo;
import static app.smallwins.support.Records.ids;
import static app.smallwins.support.Records.json;
import static app.smallwins.support.Records.observation;
import static app.smallwins.support.Records.observationsPath;
import static app.smallwins.support.Records.record;
import static app.smallwins.support.Records.recordWin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Guard;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The parent's evening win journal, and the team cheering a win. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class JournalAndCheersTest {

    private static String journalPath(CareTeam team) {
        return Api.BASE + "/children/" + team.childId + "/journal";
    }

    // --- journal ---------------------------------------------------------------------------

    @Test
    void aParentsEntryIsAWinAtHomeFromTheJournalAndFeedsTheObservationList() {
        CareTeam team = new CareTeam();
        String goalId = createGoal(team.teacher, team.childId, json("title", "Tolerates new foods", "domain", "SELF_CARE"));
        Instant evening = hoursAgo(1);
        String direct = recordWin(team.teacher, team, "Ate lunch with the class");

        String entry = as(team.parent).body(json("text", "Tried a carrot without gagging",
                "support", "Put it on his own plate, no pressure", "goalId", goalId, "firstTime", true,
                "promptLevel", "INDEPENDENT", "regulation", "CALM", "occurredAt", evening.toString()))
                .post(journalPath(team)).then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", equalTo("\"0\""))
                .body("kind", equalTo("WIN"))
                .body("setting", equalTo("HOME"))
                .body("source", equalTo("JOURNAL"))
                .body("text", equalTo("Tried a carrot without gagging"))
                .body("support", equalTo("Put it on his own plate, no pressure"))
                .body("goalId", equalTo(goalId))
                .body("domain", equalTo("SELF_CARE"))
                .body("firstTime", equalTo(true))
                .body("occurredAt", equalTo(evening.toString()))
                .body("author.capacity", equalTo("parent"))
                .body("author.name", equalTo("Name of " + team.parent.subject()))
                .extract().path("id");
        String minimal = as(team.parent).body(Map.of("text", "Said 'night night'")).post(journalPath(team))
                .then().statusCode(201).body("firstTime", equalTo(false)).body("support", nullValue())
                .extract().path("id");

        for (var reader : List.of(team.admin, team.teacher, team.para, team.therapist, team.parent)) {
            as(reader).get(journalPath(team)).then().statusCode(200)
                    .body("items.id", contains(minimal, entry))
                    .body("nextCursor", nullValue());
        }
        // Entries are observations: they show in the list, by filter, and read one by one.
        assertEquals(List.of(minimal, direct, entry).stream().sorted().toList(),
                ids(team.teacher, observationsPath(team.childId)).stream().sorted().toList());
        as(team.teacher).queryParam("setting", "HOME").queryParam("authorRole", "parent")
                .get(observationsPath(team.childId)).then().statusCode(200).body("items.id", contains(minimal, entry));
        as(team.teacher).queryParam("goalId", goalId).get(observationsPath(team.childId))
                .then().statusCode(200).body("items.id", contains(entry));
        as(team.therapist).get(observationsPath(team.childId) + "/" + entry).then().statusCode(200)
                .body("source", equalTo("JOURNAL"));
    }

    @Test
    void onlyParentsWriteTheJournal() {
        CareTeam team = new CareTeam();
        Guard.post(journalPath(team), Map.of("text", "Not a parent")).forbids(team.admin, team.teacher, team.para,
                team.therapist).guardsChild(team);
        as(team.teacher).get(journalPath(team)).then().statusCode(200).body("items", empty());
        assertEquals(List.of(), ids(team.teacher, observationsPath(team.childId)));
        Guard.get(journalPath(team)).guardsChild(team);
    }

    @Test
    void invalidJournalEntriesAre400AndCreateNothing() {
        CareTeam team = new CareTeam();
        Map<String, Map<String, Object>> cases = Map.of(
                "text", json("support", "Without text"),
                "text ", json("text", " "),
                "kind", json("text", "Not a win?", "kind", "SETBACK"),
                "setting", json("text", "At school?", "setting", "CLASSROOM"),
                "authorId", json("text", "Ghost", "authorId", UUID.randomUUID().toString()),
                "occurredAt", json("text", "Tomorrow", "occurredAt", Instant.now().plusSeconds(3600).toString()),
                "promptLevel", json("text", "Loud", "promptLevel", "SHOUTING"),
                "stepId", json("text", "Step without goal", "stepId", UUID.randomUUID().toString()));
        cases.forEach((field, body) -> as(team.parent).body(body).post(journalPath(team))
                .then().spec(problem(400, "validation"))
                .body("errors.field", hasItem(field.strip())));
        assertEquals(List.of(), ids(team.parent, journalPath(team)));
    }

    // --- cheers -------------------------------------------------------------------------------

    @Test
    void everyTeamMemberCheersAWinAndTheWinShowsItsCheers() {
        CareTeam team = new CareTeam();
        String win = recordWin(team.para, team, "Asked a peer to play");
        String path = observationsPath(team.childId) + "/" + win;

        as(team.teacher).body(Map.of("note", "  He's never done that before!  ")).post(path + "/cheers")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("id", notNullValue())
                .body("observationId", equalTo(win))
                .body("note", equalTo("He's never done that before!"))
                .body("author.capacity", equalTo("teacher"))
                .body("author.name", equalTo("Name of " + team.teacher.subject()))
                .body("createdAt", notNullValue());
        cheer(team.therapist, team, win, "Lovely generalisation");
        cheer(team.parent, team, win, "Telling grandma tonight");
        cheer(team.admin, team, win, "Well spotted");
        cheer(team.para, team, win, "Cheering my own win");

        as(team.parent).get(path).then().statusCode(200)
                .body("cheers", hasSize(5))
                .body("cheers.author.capacity", contains("teacher", "therapist", "parent", "admin", "para"))
                .body("cheers[0].note", equalTo("He's never done that before!"));
        as(team.parent).get(observationsPath(team.childId)).then().statusCode(200)
                .body("items[0].cheers", hasSize(5));
    }

    @Test
    void onlyWinsAreCheered() {
        CareTeam team = new CareTeam();
        String setback = record(team.parent, team.childId, observation("SETBACK", "Bad night"));
        String note = record(team.teacher, team.childId, observation("NOTE", "New seat in class"));
        for (String id : List.of(setback, note)) {
            as(team.therapist).body(Map.of("note", "Go team")).post(observationsPath(team.childId) + "/" + id + "/cheers")
                    .then().spec(problem(409, "conflict"));
            as(team.parent).get(observationsPath(team.childId) + "/" + id).then().body("cheers", empty());
        }
    }

    @Test
    void cheeringTheSameWinTwiceAnswersTheFirstCheer() {
        CareTeam team = new CareTeam();
        String win = recordWin(team.parent, team, "Brushed teeth alone");
        String cheers = observationsPath(team.childId) + "/" + win + "/cheers";
        String first = cheer(team.teacher, team, win, "Independence!");

        as(team.teacher).body(Map.of("note", "Said it again, differently")).post(cheers)
                .then().statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .body("id", equalTo(first))
                .body("note", equalTo("Independence!"));
        as(team.parent).get(observationsPath(team.childId) + "/" + win).then().statusCode(200)
                .body("cheers", hasSize(1))
                .body("cheers[0].id", equalTo(first));
        as(team.parent).get(Api.BASE + "/children/" + team.childId + "/timeline").then().statusCode(200)
                .body("items.type", contains("CHEER", "OBSERVATION"));
    }

    @Test
    void cheersNeedAWinOfThisChildAndAValidNote() {
        CareTeam team = new CareTeam();
        String win = recordWin(team.para, team, "Used the toilet at school");
        String cheers = observationsPath(team.childId) + "/" + win + "/cheers";

        Guard.post(cheers, Map.of("note", "Who is this?")).guardsChild(team);
        as(team.teacher).body(Map.of("note", " ")).post(cheers).then().spec(problem(400, "validation"))
                .body("errors.field", contains("note"));
        as(team.teacher).body(Map.of("note", "x".repeat(501))).post(cheers).then().spec(problem(400, "validation"))
                .body("errors.field", contains("note"));
        as(team.teacher).body(Map.of("note", "Yay", "emoji", "🎉")).post(cheers).then().spec(problem(400, "validation"))
                .body("errors.field", contains("emoji"));
        as(team.teacher).body(Map.of("note", "Unknown")).post(observationsPath(team.childId) + "/" + UUID.randomUUID()
                + "/cheers").then().spec(problem(404, "not-found"));
        String mayasWin = record(team.admin, team.otherChildId, observation("WIN", "Maya's win"));
        as(team.admin).body(Map.of("note", "Wrong child")).post(observationsPath(team.childId) + "/" + mayasWin
                + "/cheers").then().spec(problem(404, "not-found"));

        as(team.para).delete(observationsPath(team.childId) + "/" + win).then().statusCode(204);
        as(team.teacher).body(Map.of("note", "Too late")).post(cheers).then().spec(problem(404, "not-found"));
        as(team.admin).get(observationsPath(team.otherChildId) + "/" + mayasWin).then().body("cheers", empty());
    }
}

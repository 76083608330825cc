package app.smallwins;

import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static app.smallwins.support.Records.cheer;
import static app.smallwins.support.Records.conversationsPath;
import static app.smallwins.support.Records.goalsPath;
import static app.smallwins.support.Records.hoursAgo;
import static app.smallwins.support.Records.json;
import static app.smallwins.support.Records.observationsPath;
import static app.smallwins.support.Records.record;
import static app.smallwins.support.Records.recordWin;
import static app.smallwins.support.Records.teamConversation;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Guard;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** The child's story: observations and cheers merged, newest first, one page at a time. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TimelineApiTest {

    private static String timelinePath(CareTeam team) {
        return Api.BASE + "/children/" + team.childId + "/timeline";
    }

    /** One timeline item as a test sees it. */
    private record Item(String type, String id, Instant at) {
    }

    /** Follows nextCursor from the first page to the last. */
    private static List<Item> walk(Tokens.TestUser reader, CareTeam team, int limit) {
        List<Item> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(reader).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(timelinePath(team)).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> raw = page.getList("items");
            assertTrue(raw.size() <= limit);
            raw.forEach(m -> items.add(new Item((String) m.get("type"), (String) m.get("id"),
                    Instant.parse((String) m.get("at")))));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 50);
        assertTrue(pages < 50, "the cursor chain ends");
        return items;
    }

    @Test
    void observationsAndCheersMergeNewestFirst() {
        CareTeam team = new CareTeam();
        String older = record(team.para, team.childId, json("kind", "WIN", "text", "Lined up with the class",
                "setting", "CLASSROOM", "occurredAt", hoursAgo(5).toString()));
        Instant threeHoursAgo = hoursAgo(3);
        String setback = record(team.parent, team.childId, json("kind", "SETBACK", "text", "Cried at drop-off",
                "setting", "HOME", "occurredAt", threeHoursAgo.toString()));
        String note = record(team.teacher, team.childId, json("kind", "NOTE", "text", "Substitute teacher today",
                "setting", "CLASSROOM", "occurredAt", hoursAgo(4).toString()));
        String cheer = cheer(team.parent, team, older, "So proud");

        as(team.therapist).get(timelinePath(team)).then().statusCode(200)
                .body("items.type", contains("CHEER", "OBSERVATION", "OBSERVATION", "OBSERVATION"))
                .body("items.id", contains(cheer, setback, note, older))
                .body("items[0].cheer.note", equalTo("So proud"))
                .body("items[0].cheer.observationId", equalTo(older))
                .body("items[0].cheer.author.capacity", equalTo("parent"))
                .body("items[0].observation", nullValue())
                .body("items[1].observation.kind", equalTo("SETBACK"))
                .body("items[1].observation.author.capacity", equalTo("parent"))
                .body("items[1].cheer", nullValue())
                .body("items[1].at", equalTo(threeHoursAgo.toString()))
                .body("items[3].observation.cheers[0].id", equalTo(cheer))
                .body("nextCursor", nullValue());
    }

    /**
     * The timeline reads its rows by hand (RowQuery); every field must come out as the
     * endpoints that load the same records as entities show it.
     */
    @Test
    void itemsShowEveryFieldAsTheRecordsOwnEndpointsDo() {
        CareTeam team = new CareTeam();
        JsonPath goal = as(team.teacher).body(json("title", "Asks for help", "domain", "COMMUNICATION",
                "steps", List.of(json("description", "Uses the help card")))).post(goalsPath(team.childId))
                .then().statusCode(201).extract().jsonPath();
        String observation = record(team.therapist, team.childId, json("kind", "WIN", "text", "Asked for help",
                "goalId", goal.getString("id"), "stepId", goal.getString("steps[0].id"), "setting", "THERAPY",
                "promptLevel", "GESTURAL", "regulation", "UNSETTLED", "firstTime", true, "support", "Help card",
                "occurredAt", hoursAgo(3).toString()));
        String observationPath = observationsPath(team.childId) + "/" + observation;
        as(team.therapist).body(json("text", "Asked for help with the card")).patch(observationPath)
                .then().statusCode(200);
        Map<String, Object> cheer = as(team.parent).body(Map.of("note", "Brilliant")).post(observationPath + "/cheers")
                .then().statusCode(201).extract().jsonPath().getMap("");
        Map<String, Object> message = as(team.para).body(json("body", "Great morning", "urgent", true))
                .post(conversationsPath(team) + "/" + teamConversation(team, team.teacher) + "/messages")
                .then().statusCode(201)
                .extract().jsonPath().getMap("");

        JsonPath timeline = as(team.teacher).get(timelinePath(team)).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("MESSAGE", "CHEER", "OBSERVATION"), timeline.getList("items.type"));
        assertEquals(message, timeline.getMap("items[0].message"));
        assertEquals(cheer, timeline.getMap("items[1].cheer"));
        assertEquals(as(team.teacher).get(observationPath).then().statusCode(200).extract().jsonPath().getMap(""),
                timeline.getMap("items[2].observation"));
        assertEquals(List.of(cheer), timeline.getList("items[2].observation.cheers"));
    }

    @Test
    void followingNextCursorVisitsEveryItemOnceInOrder() {
        CareTeam team = new CareTeam();
        Instant tied = hoursAgo(6);
        List<String> observations = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // Three share an instant, so only the id breaks the tie across page boundaries.
            Instant at = i < 3 ? tied : hoursAgo(20 - i);
            observations.add(record(i % 2 == 0 ? team.para : team.parent, team.childId,
                    json("kind", "WIN", "text", "Win " + i, "setting", "HOME", "occurredAt", at.toString())));
        }
        List<String> cheers = new ArrayList<>();
        for (int i = 0; i < 9; i += 2) {
            cheers.add(cheer(team.teacher, team, observations.get(i), "Cheer " + i));
            cheers.add(cheer(team.therapist, team, observations.get(i), "More " + i));
        }

        List<Item> reference = walk(team.admin, team, 100);
        assertEquals(observations.size() + cheers.size(), reference.size());
        List<String> referenceIds = reference.stream().map(Item::id).toList();
        assertEquals(referenceIds.size(), new HashSet<>(referenceIds).size(), "no duplicates");
        assertTrue(referenceIds.containsAll(observations) && referenceIds.containsAll(cheers), "no gaps");
        for (int i = 1; i < reference.size(); i++) {
            assertFalse(reference.get(i).at().isAfter(reference.get(i - 1).at()), "newest first at " + i);
        }

        for (int limit : List.of(1, 2, 4, 5, 7)) {
            assertEquals(referenceIds, walk(team.parent, team, limit).stream().map(Item::id).toList(),
                    "pages of " + limit);
        }
    }

    @Test
    void deletedObservationsAndTheirCheersLeaveTheTimeline() {
        CareTeam team = new CareTeam();
        String kept = recordWin(team.para, team, "Kept");
        String keptCheer = cheer(team.teacher, team, kept, "Nice");
        String gone = recordWin(team.para, team, "Wrong child's story");
        String goneCheer1 = cheer(team.teacher, team, gone, "Yay");
        String goneCheer2 = cheer(team.parent, team, gone, "Yay too");

        List<String> before = walk(team.teacher, team, 2).stream().map(Item::id).toList();
        assertTrue(before.containsAll(List.of(kept, keptCheer, gone, goneCheer1, goneCheer2)));

        as(team.para).delete(observationsPath(team.childId) + "/" + gone).then().statusCode(204);

        List<Item> after = walk(team.teacher, team, 2);
        assertEquals(List.of(keptCheer, kept), after.stream().map(Item::id).toList());
        as(team.teacher).get(timelinePath(team)).then().statusCode(200)
                .body("items.id", not(hasItem(gone)))
                .body("items.id", not(hasItem(goneCheer1)));
    }

    @Test
    void everyMemberReadsTheTimelineAndStrangersGet404() {
        CareTeam team = new CareTeam();
        String win = recordWin(team.parent, team, "Waved goodbye");
        for (var reader : List.of(team.admin, team.teacher, team.para, team.therapist, team.parent)) {
            as(reader).get(timelinePath(team)).then().statusCode(200).body("items.id", contains(win));
        }
        Guard.get(timelinePath(team)).guardsChild(team);
        // Another child's story does not leak in.
        as(team.otherParent).get(Api.BASE + "/children/" + team.otherChildId + "/timeline").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void aTamperedCursorOrLimitIs400() {
        CareTeam team = new CareTeam();
        as(team.teacher).queryParam("cursor", "bm90LWEtY3Vyc29y").get(timelinePath(team))
                .then().spec(problem(400, "validation")).body("errors.field", contains("cursor"));
        as(team.teacher).queryParam("limit", 1000).get(timelinePath(team)).then().spec(problem(400, "validation"));
    }
}

package app.smallwins;

import static app.smallwins.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The seed of the product, walked end to end through the API with real tokens. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SeedStoryScenarioTest {

    @Test
    void teacherGoalParaWinParentJournalTherapistCheerAllOnTheTimeline() {
        CareTeam team = new CareTeam();
        Instant morning = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant evening = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        String goalId = as(team.teacher).body(Map.of(
                "title", "Given a field of four colours, Arjun will identify basic colours with 80% accuracy",
                "plainLanguage", "Identify basic colours",
                "domain", "ACADEMIC",
                "strategies", List.of("visual schedule", "first-then board"),
                "mastery", Map.of("promptLevel", "INDEPENDENT", "settings", 2, "people", 2, "consecutiveWeeks", 3)))
                .post(team.childPath() + "/goals")
                .then().statusCode(201)
                .body("plainLanguage", equalTo("Identify basic colours"))
                .body("strategies", contains("visual schedule", "first-then board"))
                .body("status", equalTo("ACTIVE"))
                .body("createdBy.capacity", equalTo("teacher"))
                .extract().path("id");

        String paraWin = as(team.para).body(Map.of(
                "kind", "WIN", "text", "Pointed to the red block when asked", "goalId", goalId,
                "setting", "CLASSROOM", "promptLevel", "VERBAL", "regulation", "CALM",
                "occurredAt", morning.toString()))
                .post(team.childPath() + "/observations")
                .then().statusCode(201)
                .body("author.capacity", equalTo("para"))
                .body("domain", equalTo("ACADEMIC"))
                .body("source", equalTo("DIRECT"))
                .extract().path("id");

        String journalWin = as(team.parent).body(Map.of(
                "text", "Pointed to the sky and said 'blue'", "support", "I waited and pointed up with him",
                "goalId", goalId, "firstTime", true, "promptLevel", "INDEPENDENT",
                "occurredAt", evening.toString()))
                .post(team.childPath() + "/journal")
                .then().statusCode(201)
                .body("kind", equalTo("WIN"))
                .body("setting", equalTo("HOME"))
                .body("firstTime", equalTo(true))
                .body("source", equalTo("JOURNAL"))
                .body("author.capacity", equalTo("parent"))
                .extract().path("id");

        String cheerId = as(team.therapist).body(Map.of("note", "Naming blue outside, unprompted: huge!"))
                .post(team.childPath() + "/observations/" + journalWin + "/cheers")
                .then().statusCode(201)
                .body("author.capacity", equalTo("therapist"))
                .extract().path("id");

        as(team.parent).get(team.childPath() + "/timeline")
                .then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.type", contains("CHEER", "OBSERVATION", "OBSERVATION"))
                .body("items.id", contains(cheerId, journalWin, paraWin))
                .body("items[1].observation.text", equalTo("Pointed to the sky and said 'blue'"))
                .body("items[1].observation.cheers[0].note", equalTo("Naming blue outside, unprompted: huge!"))
                .body("items[2].observation.promptLevel", equalTo("VERBAL"))
                .body("nextCursor", equalTo(null));

        as(team.teacher).get(team.childPath() + "/journal")
                .then().statusCode(200)
                .body("items.id", contains(journalWin));
    }
}

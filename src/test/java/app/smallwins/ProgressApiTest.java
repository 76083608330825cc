package app.smallwins;

import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Records.markGoal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Statements;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ProgressApiTest {

    @Inject
    Statements statements;

    private static String goal(CareTeam team, Map<String, ?> body) {
        return as(team.teacher).body(body).post(team.childPath() + "/goals").then().statusCode(201)
                .extract().path("id");
    }

    private static String observe(CareTeam team, Tokens.TestUser who, Map<String, ?> body) {
        return as(who).body(body).post(team.childPath() + "/observations").then().statusCode(201)
                .extract().path("id");
    }

    private static String ago(long hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).toString();
    }

    @Test
    void seedChartPairsTheGoalOnPaperWithTheSkyIsBlue() {
        CareTeam team = new CareTeam();
        String goalId = goal(team, Map.of("title", "Identify basic colours", "plainLanguage",
                "Names red, blue, yellow and green", "domain", "ACADEMIC"));
        observe(team, team.para, Map.of("kind", "WIN", "text", "Pointed to the red block when asked", "goalId", goalId,
                "setting", "CLASSROOM", "promptLevel", "VERBAL", "occurredAt", ago(5)));
        as(team.parent).body(Map.of("text", "Pointed to the sky and said 'blue'", "support", "Waited",
                "goalId", goalId, "firstTime", true, "promptLevel", "INDEPENDENT", "occurredAt", ago(2)))
                .post(team.childPath() + "/journal").then().statusCode(201);

        as(team.parent).get(team.childPath() + "/progress-chart").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].title", equalTo("Identify basic colours"))
                .body("items[0].evidence.text", equalTo("Pointed to the sky and said 'blue'"))
                .body("items[0].evidence.promptLevel", equalTo("INDEPENDENT"))
                .body("items[0].evidence.author.capacity", equalTo("parent"));
    }

    @Test
    void maintainingGoalWithHardMomentsInItsDomainElsewhereIsFlaggedAndTheChartShowsBothSides() {
        CareTeam team = new CareTeam();
        String goalId = goal(team, Map.of("title", "Arjun will use a calming strategy when upset", "plainLanguage",
                "Use a calming strategy", "domain", "EMOTIONAL_REGULATION",
                "mastery", Map.of("promptLevel", "GESTURAL", "minAttemptsPerWeek", 1)));
        String success = observe(team, team.therapist, Map.of("kind", "WIN", "text", "Took three deep breaths",
                "goalId", goalId, "setting", "THERAPY", "promptLevel", "INDEPENDENT", "occurredAt", ago(1)));
        markGoal(team, goalId, "MET");
        markGoal(team, goalId, "MAINTAINING");
        // On the playground, where the goal was never practised, but in its domain.
        String meltdown = observe(team, team.para, Map.of("kind", "NOTE", "text", "Meltdown when the bell rang",
                "setting", "PLAYGROUND", "domain", "EMOTIONAL_REGULATION", "regulation", "DYSREGULATED"));
        String second = observe(team, team.para, Map.of("kind", "SETBACK", "text", "Hit out in the line",
                "setting", "PLAYGROUND", "domain", "EMOTIONAL_REGULATION"));

        as(team.parent).get(team.childPath() + "/goals/" + goalId + "/progress").then().statusCode(200)
                .body("paperRealityGap.flagged", equalTo(true))
                .body("paperRealityGap.reasons", contains("SETBACKS_OR_DYSREGULATION"))
                .body("paperRealityGap.evidence", contains(second, meltdown))
                .body("paperRealityGap.triggeredBy.why", contains(List.of("SETBACK"), List.of("DYSREGULATED")))
                .body("paperRealityGap.triggeredBy[0].because", equalTo("A setback since the goal was marked as "
                        + "maintaining."))
                .body("paperRealityGap.summary", org.hamcrest.Matchers.endsWith("there were a dysregulated moment and a "
                        + "setback within a day, on the playground. None of them was linked to the goal."))
                .body("nextStep", equalTo("Is Arjun regulated enough on the playground to use a calming strategy? "
                        + "What supports were in place?"));
        as(team.parent).get(team.childPath() + "/progress-chart").then().statusCode(200)
                .body("items[0].paperRealityGap", equalTo(true))
                .body("items[0].evidence.id", equalTo(second))
                .body("items[0].highlights.id", contains(second, success))
                .body("items[0].highlights[1].why", contains("INDEPENDENT", "MOST_INDEPENDENT"))
                .body("items[0].gap.question", org.hamcrest.Matchers.startsWith("Is Arjun regulated enough"))
                .body("items[0].summary", org.hamcrest.Matchers.containsString("None of them was linked to the goal."));
    }

    @Test
    void hardMomentsBeforeTheGoalWasMarkedOrElsewhereDoNotFlagIt() {
        CareTeam team = new CareTeam();
        String goalId = goal(team, Map.of("title", "Transitions without a meltdown", "domain", "EMOTIONAL_REGULATION",
                "mastery", Map.of("promptLevel", "INDEPENDENT", "minAttemptsPerWeek", 1)));
        observe(team, team.teacher, Map.of("kind", "WIN", "text", "Moved to lunch calmly", "goalId", goalId,
                "setting", "CLASSROOM", "promptLevel", "INDEPENDENT", "occurredAt", ago(2)));
        observe(team, team.para, Map.of("kind", "SETBACK", "text", "Shut down at the bell", "goalId", goalId,
                "setting", "CLASSROOM", "regulation", "SHUTDOWN", "occurredAt", ago(1)));
        markGoal(team, goalId, "MET");
        observe(team, team.parent, Map.of("kind", "SETBACK", "text", "Fell off the bike", "domain", "MOTOR",
                "setting", "COMMUNITY"));
        as(team.parent).get(team.childPath() + "/goals/" + goalId + "/progress").then().statusCode(200)
                .body("paperRealityGap.flagged", equalTo(false))
                .body("paperRealityGap.evidence", hasSize(0))
                .body("paperRealityGap.question", nullValue())
                .body("paperRealityGap.summary", org.hamcrest.Matchers.startsWith("Since it was marked met on "));
    }

    @Test
    void progressShowsBucketsGeneralizationAndEvidence() {
        CareTeam team = new CareTeam();
        String goalId = goal(team, Map.of("title", "Asks for help", "domain", "COMMUNICATION",
                "mastery", Map.of("promptLevel", "INDEPENDENT", "settings", 2, "people", 2, "consecutiveWeeks", 1,
                        "successRatio", 0.6)));
        observe(team, team.parent, Map.of("kind", "WIN", "text", "Asked for help with shoes", "goalId", goalId,
                "setting", "HOME", "promptLevel", "INDEPENDENT", "firstTime", true, "occurredAt", ago(3)));
        observe(team, team.teacher, Map.of("kind", "WIN", "text", "Asked for help with the zip", "goalId", goalId,
                "setting", "CLASSROOM", "promptLevel", "INDEPENDENT", "occurredAt", ago(2)));
        observe(team, team.para, Map.of("kind", "WIN", "text", "Asked after a gesture", "goalId", goalId,
                "setting", "PLAYGROUND", "promptLevel", "GESTURAL", "occurredAt", ago(1)));

        as(team.teacher).get(team.childPath() + "/goals/" + goalId + "/progress?bucket=WEEK").then().statusCode(200)
                .body("bucket", equalTo("WEEK"))
                .body("buckets", hasSize(org.hamcrest.Matchers.greaterThanOrEqualTo(12)))
                .body("generalization.settings", containsInAnyOrder("CLASSROOM", "HOME"))
                .body("generalization.capacities", containsInAnyOrder("teacher", "parent"))
                .body("masteryInRealLife.met", equalTo(true))
                .body("maintenance.consecutiveWeeks", equalTo(1))
                .body("evidence.firstTimes.text", contains("Asked for help with shoes"))
                .body("evidence.mostIndependentRecent.promptLevel", equalTo("INDEPENDENT"))
                .body("evidence.mostIndependentRecent.why", org.hamcrest.Matchers.hasItem("MOST_INDEPENDENT"))
                .body("evidence.firstTimes[0].why", org.hamcrest.Matchers.hasItem("FIRST_TIME"))
                .body("maintenance.minAttemptsPerWeek", equalTo(2))
                .body("summary", org.hamcrest.Matchers.startsWith("Arjun did it twice this week with no prompt, "))
                .body("paperRealityGap.flagged", equalTo(false));
    }

    @Test
    void generalizationCountsEvidenceAtTheGoalsOwnBar() {
        CareTeam team = new CareTeam();
        String goalId = goal(team, Map.of("title", "Asks for a break", "domain", "COMMUNICATION",
                "mastery", Map.of("promptLevel", "VERBAL", "settings", 2, "people", 2, "successRatio", 0.6)));
        observe(team, team.para, Map.of("kind", "WIN", "text", "Asked for a break after a verbal prompt",
                "goalId", goalId, "setting", "CLASSROOM", "promptLevel", "VERBAL", "occurredAt", ago(3)));
        observe(team, team.parent, Map.of("kind", "WIN", "text", "Asked for a break after a gesture", "goalId", goalId,
                "setting", "HOME", "promptLevel", "GESTURAL", "occurredAt", ago(2)));
        observe(team, team.teacher, Map.of("kind", "WIN", "text", "Asked for a break after I showed him", "goalId", goalId,
                "setting", "PLAYGROUND", "promptLevel", "MODEL", "occurredAt", ago(1)));

        as(team.parent).get(team.childPath() + "/goals/" + goalId + "/progress").then().statusCode(200)
                .body("generalization.settings", containsInAnyOrder("CLASSROOM", "HOME"))
                .body("generalization.capacities", containsInAnyOrder("para", "parent"))
                .body("masteryInRealLife.settingsSeen", equalTo(2))
                .body("masteryInRealLife.peopleSeen", equalTo(2));
    }

    @Test
    void winsSummaryCountsThePeriodInTheChildsTimeZone() {
        CareTeam team = new CareTeam();
        String etag = as(team.teacher).get(team.childPath()).then().extract().header("ETag");
        as(team.teacher).header("If-Match", etag).body(Map.of("timeZone", "Pacific/Auckland"))
                .patch(team.childPath()).then().statusCode(200);
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        // Yesterday in Auckland is wholly in the past, whatever the hour here.
        LocalDate today = LocalDate.now(auckland).minusDays(1);
        Instant morning = today.atTime(9, 0).atZone(auckland).toInstant();
        Instant yesterdayLate = today.minusDays(1).atTime(23, 30).atZone(auckland).toInstant();
        String goalId = goal(team, Map.of("title", "Tolerates new foods", "domain", "SELF_CARE"));
        {
            String firstTime = observe(team, team.parent, Map.of("kind", "WIN", "text", "Tried a pea",
                    "setting", "HOME", "firstTime", true, "promptLevel", "VERBAL", "goalId", goalId,
                    "occurredAt", morning.toString()));
            observe(team, team.parent, Map.of("kind", "WIN", "text", "Slept through the night", "setting", "HOME",
                    "domain", "SELF_CARE", "occurredAt", morning.minusSeconds(60).toString()));
            observe(team, team.parent, Map.of("kind", "WIN", "text", "Yesterday's win", "setting", "HOME",
                    "occurredAt", yesterdayLate.toString()));
            as(team.therapist).body(Map.of("note", "Peas!")).post(team.childPath() + "/observations/" + firstTime
                    + "/cheers").then().statusCode(201);
            as(team.parent).get(team.childPath() + "/wins?period=DAY&date=" + today).then().statusCode(200)
                    .body("timeZone", equalTo("Pacific/Auckland"))
                    .body("wins", equalTo(2))
                    .body("firstTimes", equalTo(1))
                    .body("winsWithoutGoal", equalTo(1))
                    .body("cheersGiven", equalTo(1))
                    .body("byDomain[0].domain", equalTo("SELF_CARE"))
                    .body("highlights[0].text", equalTo("Tried a pea"))
                    .body("highlights[0].why", contains("FIRST_TIME", "NEW_SETTING"));
        }
        as(team.parent).get(team.childPath() + "/wins?period=MONTH").then().statusCode(200)
                .body("period", equalTo("MONTH"));
        as(team.parent).get(team.childPath() + "/wins?period=YEAR").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        as(team.parent).get(team.childPath() + "/wins").then().statusCode(400);
    }

    @Test
    void progressEndpointsAnswer401404And403() {
        CareTeam team = new CareTeam();
        String goalId = goal(team, Map.of("title", "Any goal", "domain", "OTHER"));
        Tokens.TestUser roleless = Tokens.newUser(null);
        List<String> paths = List.of(team.childPath() + "/goals/" + goalId + "/progress",
                team.childPath() + "/progress-chart", team.childPath() + "/wins?period=WEEK");
        for (String path : paths) {
            anonymous().get(path).then().statusCode(401);
            as(team.otherParent).get(path).then().statusCode(404);
            as(team.strangerTeacher).get(path).then().statusCode(404);
            as(roleless).get(path).then().statusCode(403);
            as(team.para).get(path).then().statusCode(200);
        }
        as(team.parent).get(team.childPath() + "/goals/" + java.util.UUID.randomUUID() + "/progress")
                .then().statusCode(404);
        as(team.parent).get(team.childPath() + "/goals/" + goalId + "/progress?from=2026-13-01")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(team.parent).get(team.childPath() + "/goals/" + goalId + "/progress?bucket=MONTH")
                .then().statusCode(200).body("trend.direction", equalTo("NOT_ENOUGH_DATA"))
                .body("evidence.mostIndependentRecent", nullValue());
    }

    @Test
    void chartStatementsDoNotGrowWithTheNumberOfGoals() {
        CareTeam few = new CareTeam();
        CareTeam many = new CareTeam();
        for (int i = 0; i < 2; i++) {
            String id = goal(few, Map.of("title", "Goal " + i, "domain", "OTHER"));
            observe(few, few.parent, Map.of("kind", "WIN", "text", "Win", "goalId", id, "setting", "HOME",
                    "promptLevel", "INDEPENDENT"));
        }
        for (int i = 0; i < 12; i++) {
            String id = goal(many, Map.of("title", "Goal " + i, "domain", "OTHER"));
            observe(many, many.parent, Map.of("kind", "WIN", "text", "Win", "goalId", id, "setting", "HOME",
                    "promptLevel", "INDEPENDENT"));
        }
        as(few.parent).get(few.childPath() + "/progress-chart").then().statusCode(200);
        as(many.parent).get(many.childPath() + "/progress-chart").then().statusCode(200);
        assertEquals(statements(few), statements(many));
    }

    @Test
    void progressAndWinsStatementsDoNotGrowWithTheEvidence() {
        CareTeam small = new CareTeam();
        CareTeam busy = new CareTeam();
        String smallGoal = goal(small, Map.of("title", "Asks for help", "domain", "COMMUNICATION", "status", "MET",
                "mastery", Map.of("promptLevel", "VERBAL")));
        String busyGoal = goal(busy, Map.of("title", "Asks for help", "domain", "COMMUNICATION", "status", "MET",
                "mastery", Map.of("promptLevel", "VERBAL")));
        observe(small, small.parent, Map.of("kind", "WIN", "text", "Asked", "goalId", smallGoal, "setting", "HOME",
                "promptLevel", "VERBAL", "occurredAt", ago(1)));
        // Weeks of wins by three adults in three places, first times, hard moments, wins with no goal.
        List<Tokens.TestUser> adults = List.of(busy.parent, busy.teacher, busy.para);
        List<String> settings = List.of("HOME", "CLASSROOM", "PLAYGROUND");
        for (int i = 0; i < 24; i++) {
            observe(busy, adults.get(i % 3), Map.of("kind", i % 5 == 0 ? "SETBACK" : "WIN", "text", "Try " + i,
                    "goalId", busyGoal, "setting", settings.get(i % 3), "promptLevel", i % 2 == 0 ? "VERBAL" : "MODEL",
                    "regulation", i % 4 == 0 ? "SHUTDOWN" : "CALM", "firstTime", i % 7 == 0,
                    "occurredAt", ago(1 + i * 30L)));
            observe(busy, adults.get(i % 3), Map.of("kind", "WIN", "text", "Off paper " + i, "setting", "HOME",
                    "firstTime", i % 6 == 0, "occurredAt", ago(2 + i * 30L)));
        }
        List<String> paths = List.of("/goals/%s/progress", "/progress-chart", "/wins?period=DAY", "/wins?period=WEEK",
                "/wins?period=MONTH");
        for (String path : paths) {
            long few = statements(small, path.formatted(smallGoal));
            long many = statements(busy, path.formatted(busyGoal));
            assertEquals(few, many, path);
        }
    }

    private long statements(CareTeam team, String path) {
        var mark = statements.mark();
        as(team.parent).get(team.childPath() + path).then().statusCode(200);
        return statements.since(mark);
    }

    private long statements(CareTeam team) {
        var mark = statements.mark();
        as(team.parent).get(team.childPath() + "/progress-chart").then().statusCode(200);
        return statements.since(mark);
    }
}

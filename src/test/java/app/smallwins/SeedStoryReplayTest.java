package app.smallwins;

import static app.smallwins.support.Api.as;
import static app.smallwins.support.Records.conversationsPath;
import static app.smallwins.support.Records.markGoal;
import static app.smallwins.support.Records.teamConversation;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The stories of ../shared/seeds/ replayed the realistic way: weeks of entries by several
 * adults, links forgotten, a holiday, a deleted message. The views must flag, count and say
 * what an experienced teacher would; the sentences are asserted whole where they matter.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SeedStoryReplayTest {

    /** Monday of the current week (the child's zone is UTC). */
    private static final LocalDate THIS_WEEK = LocalDate.now(ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    private static String weeksAgo(int weeks, DayOfWeek day, int hour) {
        return THIS_WEEK.minusWeeks(weeks).with(day).atTime(hour, 0).toInstant(ZoneOffset.UTC).toString();
    }

    private static String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH));
    }

    private static String goal(CareTeam team, Map<String, ?> body) {
        return as(team.teacher).body(body).post(team.childPath() + "/goals").then().statusCode(201).extract().path("id");
    }

    private static String observe(CareTeam team, Tokens.TestUser who, Map<String, ?> body) {
        return as(who).body(body).post(team.childPath() + "/observations").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> win(String text, String goalId, String setting, String prompt, String at) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "WIN", "text", text, "setting", setting,
                "promptLevel", prompt, "occurredAt", at));
        if (goalId != null) {
            body.put("goalId", goalId);
        }
        return body;
    }

    private static Map<String, Object> calm(Map<String, Object> body) {
        body.put("regulation", "CALM");
        return body;
    }

    /** 000: progress isn't always on paper. The chart pairs each goal with what it showed, and keeps the rest. */
    @Test
    void story000TheChartShowsTheTeachersBlueAndTheWinsNoGoalRecords() {
        CareTeam team = new CareTeam();
        String colours = goal(team, Map.of("title", "Given a field of four, Arjun will identify basic colours with 80% "
                + "accuracy", "plainLanguage", "Identify basic colours", "domain", "ACADEMIC"));
        goal(team, Map.of("title", "Arjun will use two-word phrases to request help", "plainLanguage",
                "Use two-word phrases", "domain", "COMMUNICATION"));
        observe(team, team.para, win("Pointed to the red block when asked", colours, "CLASSROOM", "VERBAL",
                weeksAgo(3, DayOfWeek.TUESDAY, 10)));
        as(team.parent).body(Map.of("text", "Pointed to the sky and said \"blue\"", "support", "I waited",
                "goalId", colours, "promptLevel", "INDEPENDENT", "occurredAt", weeksAgo(2, DayOfWeek.SATURDAY, 17)))
                .post(team.childPath() + "/journal").then().statusCode(201);
        String circle = observe(team, team.teacher, Map.of("kind", "WIN", "text",
                "Raised his hand at circle time and answered \"blue\"", "goalId", colours, "setting", "CLASSROOM",
                "promptLevel", "INDEPENDENT", "firstTime", true, "occurredAt", weeksAgo(1, DayOfWeek.WEDNESDAY, 9)));
        // The milestones no paperwork records.
        String food = observe(team, team.parent, Map.of("kind", "WIN", "text", "Tolerated a new food", "setting", "HOME",
                "firstTime", true, "occurredAt", weeksAgo(1, DayOfWeek.THURSDAY, 18)));
        String sleep = observe(team, team.parent, Map.of("kind", "WIN", "text", "Slept through the night",
                "setting", "HOME", "occurredAt", weeksAgo(1, DayOfWeek.FRIDAY, 7)));
        String fun = observe(team, team.parent, Map.of("kind", "WIN", "text", "Smiled after school and said \"I had fun\"",
                "setting", "HOME", "occurredAt", weeksAgo(1, DayOfWeek.FRIDAY, 16)));

        as(team.parent).get(team.childPath() + "/progress-chart").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].plainLanguage", equalTo("Identify basic colours"))
                // The teacher's "blue" at circle time: a first time, and as independent as mum's.
                .body("items[0].evidence.id", equalTo(circle))
                .body("items[0].highlights", hasSize(2))
                .body("items[0].highlights[0].why", contains("FIRST_TIME", "INDEPENDENT", "MOST_INDEPENDENT",
                        "NEW_PERSON"))
                .body("items[0].highlights[0].because", equalTo("A first time, with no prompt, the most independent "
                        + "recent win, the first win with the teacher."))
                // Mum's "blue" at home: a new place and a new person for the skill.
                .body("items[0].highlights[1].text", equalTo("Pointed to the sky and said \"blue\""))
                .body("items[0].highlights[1].why", contains("INDEPENDENT", "NEW_SETTING", "NEW_PERSON"))
                .body("items[0].highlights[1].because", equalTo("With no prompt, the first win at home, the first win "
                        + "with a parent."))
                .body("items[0].highlights.why.flatten()", not(hasItem((Object) null)))
                .body("items[1].evidence", equalTo(null))
                .body("items[1].highlights", hasSize(0))
                .body("items[1].summary", equalTo("Nothing has been recorded on this goal in the last four weeks. "
                        + "Too few weeks with records yet to see a direction."))
                .body("notOnPaper.items.id", contains(fun, sleep, food))
                .body("notOnPaper.items[2].why", contains("FIRST_TIME", "NOT_ON_PAPER"))
                .body("notOnPaper.items[0].why", contains("NOT_ON_PAPER"))
                .body("notOnPaper.summary", equalTo("3 wins no goal records, and they count just as much."));
    }

    /** 002: sustainability. The goal's own bar, a holiday that breaks nothing, two steps forward and one back. */
    @Test
    void story002SustainabilityAtTheGoalsBarAcrossAHolidayWithADipNamedHonestly() {
        CareTeam team = new CareTeam();
        String breakGoal = goal(team, Map.of("title", "Arjun will request a break using a learned phrase",
                "plainLanguage", "Ask for a break", "domain", "EMOTIONAL_REGULATION",
                "mastery", Map.of("promptLevel", "VERBAL", "settings", 2, "people", 2, "consecutiveWeeks", 3,
                        "minAttemptsPerWeek", 2)));
        // Weeks 4, 2 and 1 ago: a spoken reminder in class (para), a gesture at home (mum). Week 3 ago: half-term.
        for (int weeks : new int[] { 4, 2, 1 }) {
            observe(team, team.para, win("Asked for a break after a reminder", breakGoal, "CLASSROOM", "VERBAL",
                    weeksAgo(weeks, DayOfWeek.TUESDAY, 10)));
            observe(team, team.parent, win("Asked for a break with just a look from me", breakGoal, "HOME", "GESTURAL",
                    weeksAgo(weeks, DayOfWeek.THURSDAY, 18)));
        }
        as(team.teacher).get(team.childPath() + "/goals/" + breakGoal + "/progress").then().statusCode(200)
                .body("maintenance.consecutiveWeeks", equalTo(3))
                .body("maintenance.quietWeeks", equalTo(1))
                .body("generalization.settings", contains("HOME", "CLASSROOM"))
                .body("generalization.capacities", contains("para", "parent"))
                .body("masteryInRealLife.met", equalTo(true))
                .body("masteryInRealLife.settingsSeen", equalTo(2))
                .body("masteryInRealLife.peopleSeen", equalTo(2))
                .body("summary", containsString("Mastered in real life: 3 weeks in a row (the week with too few "
                        + "records neither counted nor broke it), in 2 places, with 2 adults."))
                .body("nextStep", equalTo("Keep it alive: notice it in new places, fade the help, and celebrate it."));

        String help = goal(team, Map.of("title", "Arjun will ask an adult for help when stuck", "plainLanguage",
                "Ask for help", "domain", "COMMUNICATION", "mastery", Map.of("promptLevel", "INDEPENDENT")));
        String[] weekly = { "MODEL", "VERBAL", "GESTURAL", null, "VISUAL", "GESTURAL", "INDEPENDENT" };
        for (int i = 0; i < weekly.length; i++) {
            if (weekly[i] != null) {
                observe(team, team.parent, Map.of("kind", "WIN", "text", "Said \"help me\" with the puzzle",
                        "goalId", help, "setting", "HOME", "promptLevel", weekly[i], "regulation", "CALM",
                        "occurredAt", weeksAgo(7 - i, DayOfWeek.WEDNESDAY, 17)));
            }
        }
        observe(team, team.teacher, Map.of("kind", "SETBACK", "text", "Froze at the worksheet and hid it",
                "goalId", help, "setting", "CLASSROOM", "regulation", "UNSETTLED",
                "occurredAt", weeksAgo(3, DayOfWeek.MONDAY, 11)));
        as(team.parent).get(team.childPath() + "/goals/" + help + "/progress").then().statusCode(200)
                .body("trend.direction", equalTo("RISING"))
                .body("summary", containsString("Two steps forward, one back: a dip in the week of "
                        + date(THIS_WEEK.minusWeeks(3)) + " after a one-week break, rising again since."))
                .body("regulation.whileCalm.attempts", equalTo(6))
                .body("regulation.whileNotCalm.shown", equalTo(0))
                .body("regulation.summary", equalTo("Calm in 6 of the 7 entries with regulation recorded; one "
                        + "unsettled. Hardest place: in class (1 of 1 not calm). The skill was shown in 1 of 6 tries "
                        + "while calm and 0 of 1 try while not."));
    }

    /** 003: met on paper, falling apart in real life; a win that was taken back; mastery not overstated. */
    @Test
    void story003MetOnPaperFallingApartInRealLifeIsFlaggedAndARetractedWinCountsNowhere() {
        CareTeam team = new CareTeam();
        String etag = as(team.teacher).get(team.childPath()).then().extract().header("ETag");
        etag = as(team.teacher).header("If-Match", etag).body(Map.of("preferredName", "Johnny"))
                .patch(team.childPath()).then().statusCode(200).extract().header("ETag");
        as(team.parent).header("If-Match", etag).body(Map.of("celebrateWith", "bubbles and a high five"))
                .patch(team.childPath()).then().statusCode(200);
        String sit = goal(team, Map.of("title", "Johnny will remain seated and engaged during group reading for 20 "
                + "minutes in 4 of 5 sessions", "plainLanguage", "Sit for 20 minutes in group reading",
                "domain", "ACADEMIC", "mastery", Map.of("promptLevel", "INDEPENDENT", "consecutiveWeeks", 2,
                        "minAttemptsPerWeek", 2)));
        // Two independent sits three days apart, a Sunday and a Wednesday: one try in each week.
        observe(team, team.teacher, calm(win("Sat for the whole 20 minutes", sit, "CLASSROOM", "INDEPENDENT",
                weeksAgo(2, DayOfWeek.SUNDAY, 10))));
        observe(team, team.teacher, calm(win("Sat for the whole 20 minutes again", sit, "CLASSROOM", "INDEPENDENT",
                weeksAgo(1, DayOfWeek.WEDNESDAY, 10))));
        // The para shares one more in a private word with the teacher, then takes it back.
        String teamId = teamConversation(team, team.para);
        var posted = as(team.para).body(Map.of("body", "He sat all through reading today!", "win", Map.of(
                "goalId", sit, "setting", "CLASSROOM", "promptLevel", "INDEPENDENT",
                "occurredAt", weeksAgo(1, DayOfWeek.THURSDAY, 11))))
                .post(conversationsPath(team) + "/" + teamId + "/messages").then().statusCode(201).extract();
        String messageId = posted.path("id");
        String carried = posted.path("observationId");
        as(team.para).delete(conversationsPath(team) + "/" + teamId + "/messages/" + messageId)
                .then().statusCode(204);
        as(team.teacher).get(conversationsPath(team) + "/" + teamId + "/messages/" + messageId).then().statusCode(200)
                .body("deleted", equalTo(true))
                .body("winRetracted", equalTo(true));
        as(team.teacher).get(team.childPath() + "/observations/" + carried).then().statusCode(404);

        as(team.teacher).get(team.childPath() + "/goals/" + sit + "/progress").then().statusCode(200)
                .body("buckets.wins.sum()", equalTo(2))
                .body("maintenance.consecutiveWeeks", equalTo(0))
                .body("masteryInRealLife.met", equalTo(false))
                .body("summary", containsString("Not mastered in real life yet: it still needs 2 more weeks in a row "
                        + "with at least 2 tries with no prompt."));

        // The IEP meeting marks it met anyway; then the shutdown and the refusal, linked to nothing.
        markGoal(team, sit, "MET");
        String shutdown = observe(team, team.para, Map.of("kind", "SETBACK", "text",
                "Shut down after group reading, head on the desk", "setting", "CLASSROOM",
                "regulation", "SHUTDOWN", "domain", "EMOTIONAL_REGULATION"));
        String refusal = observe(team, team.teacher, Map.of("kind", "SETBACK", "text",
                "Refused to come back into class", "setting", "CLASSROOM", "regulation", "DYSREGULATED"));
        String today = date(LocalDate.now(ZoneOffset.UTC));
        as(team.parent).get(team.childPath() + "/goals/" + sit + "/progress").then().statusCode(200)
                .body("paperRealityGap.flagged", equalTo(true))
                .body("paperRealityGap.reasons", contains("SETBACKS_OR_DYSREGULATION"))
                .body("paperRealityGap.evidence", contains(refusal, shutdown))
                .body("paperRealityGap.summary", equalTo("Since it was marked met on " + today + ", there were a "
                        + "shutdown and a dysregulated moment within a day, in class. None of them was linked to the goal."))
                .body("paperRealityGap.question", equalTo("Is Johnny regulated enough in class to sit for 20 minutes "
                        + "in group reading? What supports were in place?"))
                .body("regulation.summary", equalTo("Calm in 2 of the 2 entries with regulation recorded. The skill was "
                        + "shown in 2 of 2 tries, all while calm."));
        as(team.parent).get(team.childPath() + "/progress-chart").then().statusCode(200)
                .body("items[0].paperRealityGap", equalTo(true))
                .body("items[0].evidence.id", equalTo(refusal))
                .body("items[0].evidence.kind", equalTo("SETBACK"))
                .body("items[0].highlights.kind", hasItem("WIN"))
                .body("items[0].highlights.why", everyItem(not(hasSize(0))))
                .body("items[0].highlights.id", not(hasItem(carried)));

        // The week of the two sits, celebrated in Johnny's own terms; the retracted win is not in it.
        String lastWeek = THIS_WEEK.minusWeeks(1).toString();
        as(team.parent).get(team.childPath() + "/wins?period=WEEK&date=" + lastWeek).then().statusCode(200)
                .body("wins", equalTo(1))
                .body("summary", equalTo("One win this week, in learning."))
                .body("celebration", equalTo("Celebrate the week with what lands with Johnny: “bubbles and a high five”."))
                .body("items", hasSize(0))
                .body("regulation.summary", notNullValue());
        as(team.parent).get(team.childPath() + "/wins?period=DAY&date="
                + THIS_WEEK.minusWeeks(1).with(DayOfWeek.WEDNESDAY)).then().statusCode(200)
                .body("summary", equalTo("One win today: sat for the whole 20 minutes again."))
                .body("celebration", equalTo(null))
                .body("items[0].why", contains("INDEPENDENT", "IN_PERIOD"));
    }

}

package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Records.conversationsPath;
import static app.smallwins.support.Records.teamConversation;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.smallwins.notification.DigestPlanner;
import app.smallwins.progress.ProgressService;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Mailbox;
import app.smallwins.support.Records;
import app.smallwins.support.TestClock;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Daily digests and the weekly summary, on the person's own clock: they come after the
 * person's digest time in their time zone (here Kolkata, UTC+05:30), once, with the wins since
 * the last digest (first times marked), unread messages and cheers, and no text unless asked.
 * The app's clock is moved a few minutes at most, so what the team records now is "today".
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class DigestsApiTest {

    private static final String SETTINGS = BASE + "/me/notification-settings";
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final List<String> EVERY_DAY = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    @Inject
    TestClock clock;

    @Inject
    DigestPlanner digests;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aDigestComesAfterTheDigestTimeInThePersonsZoneWithWinsUnreadAndCheers() {
        CareTeam team = new CareTeam();
        ZonedDateTime due = soon();
        useDigestAt(team.parent, due, EVERY_DAY, otherDay(due), Map.of(
                "MESSAGE", Map.of("EMAIL", "DIGEST", "WEB_PUSH", "OFF"),
                "WIN", Map.of("EMAIL", "DIGEST"), "CHEER", Map.of("EMAIL", "DIGEST")));
        String goal = Records.createGoal(team.teacher, team.childId, Map.of("title",
                "Given a field of three, Arjun will sort objects by colour in 4 of 5 trials",
                "plainLanguage", "sorting things by colour", "domain", "ACADEMIC"));
        Records.record(team.teacher, team.childId, Map.of("kind", "WIN", "text", "Sorted all the red blocks alone",
                "setting", "CLASSROOM", "goalId", goal, "firstTime", true));
        Records.recordWin(team.para, team, "Said hello to the bus driver");
        String mine = Records.recordWin(team.parent, team, "Tied one shoelace at home");
        Records.cheer(team.teacher, team, mine, "Brilliant!");
        as(team.teacher).body(Map.of("body", "Lovely morning today")).post(conversationsPath(team) + "/"
                + teamConversation(team, team.teacher) + "/messages").then().statusCode(201);

        at(due.toInstant().minusSeconds(30));
        pause(Duration.ofSeconds(2));
        assertTrue(Mailbox.withSubject(team.parent.email(), "Arjun Sharma's day").isEmpty(), "not before its time");

        at(due.toInstant().plusSeconds(1));
        Mailbox.Mail digest = Mailbox.awaitSubject(team.parent.email(), "Arjun Sharma's day in Small Wins",
                Duration.ofSeconds(10));
        String text = digest.text();
        assertTrue(text.contains("Arjun Sharma: 2 wins since your last digest, one of them a first time!"), text);
        assertTrue(text.contains("- First time! Sorting things by colour"), text);
        assertTrue(text.contains("- A win of its own, on no goal"), text);
        assertTrue(text.contains("1 unread message in the team conversation"), text);
        assertTrue(text.contains("A teacher cheered what you wrote."), text);
        assertTrue(text.contains(DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).format(due)), "Kolkata time: " + text);
        for (String written : List.of("red blocks", "bus driver", "shoelace", "Brilliant", "Lovely morning")) {
            assertFalse(text.contains(written), "no text unless asked: " + written);
            assertFalse(digest.html().contains(written));
        }
        assertTrue(digest.html().contains("<li>First time! Sorting things by colour</li>"), digest.html());

        pause(Duration.ofSeconds(3));
        assertEquals(1, Mailbox.withSubject(team.parent.email(), "Arjun Sharma's day").size(), "once a day");
        List<Map<String, Object>> history = as(team.parent).get(BASE + "/me/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(1, history.stream().filter(n -> "DAILY_DIGEST".equals(n.get("category"))
                && "EMAIL".equals(n.get("channel")) && "SENT".equals(n.get("status"))).count(), history.toString());
    }

    @Test
    void aPersonWhoAsksForContentGetsTheWinsQuotedInTheDigest() {
        CareTeam team = new CareTeam();
        ZonedDateTime due = soon();
        Map<String, Object> body = useDigestAt(team.parent, due, EVERY_DAY, otherDay(due),
                Map.of("WIN", Map.of("EMAIL", "DIGEST")));
        body.put("includeContent", true);
        as(team.parent).body(body).put(SETTINGS).then().statusCode(200);
        Records.recordWin(team.teacher, team, "Counted the <apples> to five");

        at(due.toInstant().plusSeconds(1));
        Mailbox.Mail digest = Mailbox.awaitSubject(team.parent.email(), "Arjun Sharma's day", Duration.ofSeconds(10));
        assertTrue(digest.text().contains("\u201cCounted the <apples> to five\u201d"), digest.text());
        assertTrue(digest.html().contains("Counted the &lt;apples&gt; to five"), digest.html());
    }

    @Test
    void nothingNewMeansNoDigest() {
        CareTeam team = new CareTeam();
        ZonedDateTime due = soon();
        useDigestAt(team.parent, due, EVERY_DAY, otherDay(due), Map.of("WIN", Map.of("EMAIL", "DIGEST")));
        at(due.toInstant().plusSeconds(1));
        pause(Duration.ofSeconds(3));
        assertTrue(Mailbox.withSubject(team.parent.email(), "Arjun Sharma's day").isEmpty());
        assertTrue(as(team.parent).get(BASE + "/me/notifications").then().statusCode(200).extract().jsonPath()
                .getList("items").isEmpty());
    }

    @Test
    void theWeeklySummaryComesOnItsDayWithTheWeekCountedAndNoText() {
        CareTeam team = new CareTeam();
        ZonedDateTime due = soon();
        // No daily digest that day: only the summary.
        useDigestAt(team.parent, due, List.of(otherDay(due)), due.getDayOfWeek().name().substring(0, 3),
                Map.of("WEEKLY_SUMMARY", Map.of("EMAIL", "INSTANT")));
        Records.record(team.teacher, team.childId, Map.of("kind", "WIN", "text", "Poured his own water",
                "setting", "CLASSROOM", "firstTime", true));
        Records.recordWin(team.para, team, "Waited for his turn");

        at(due.toInstant().plusSeconds(1));
        Mailbox.Mail week = Mailbox.awaitSubject(team.parent.email(), "Arjun Sharma's week of wins",
                Duration.ofSeconds(10));
        assertTrue(week.text().contains("2 wins this week, one of them a first time!"), week.text());
        assertFalse(week.text().contains("water"));
        assertTrue(Mailbox.withSubject(team.parent.email(), "Arjun Sharma's day").isEmpty());
        // The family can tell the e-mail's read of the week from their own.
        as(team.parent).get(team.childPath() + "/access-log").then().statusCode(200)
                .body("items.findAll { it.action == '" + ProgressService.WEEKLY_EMAIL_READ + "' }.capacity",
                        contains("parent"))
                .body("items.findAll { it.action == 'wins.summary' }", empty());
    }

    /**
     * Moves the app's clock and runs a digest round there and then: the queue's own round runs
     * every second too, but its next run is timed by the clock a test moved before.
     */
    private void at(Instant instant) {
        clock.jumpTo(instant);
        digests.planDue();
    }

    /** Two minutes from now in Kolkata, on the minute: the digest time the tests set. */
    private static ZonedDateTime soon() {
        return Instant.now().atZone(KOLKATA).truncatedTo(ChronoUnit.MINUTES).plusMinutes(2);
    }

    private static String otherDay(ZonedDateTime day) {
        return day.plusDays(3).getDayOfWeek().name().substring(0, 3);
    }

    private static Map<String, Object> useDigestAt(Tokens.TestUser user, ZonedDateTime at, List<String> days,
            String weeklyDay, Map<String, Object> categories) {
        Map<String, Object> body = new HashMap<>();
        body.put("timeZone", KOLKATA.getId());
        body.put("language", "en");
        body.put("quietHours", null);
        body.put("digest", Map.of("time", DateTimeFormatter.ofPattern("HH:mm").format(at), "days", days));
        body.put("weeklySummaryDay", weeklyDay);
        body.put("includeContent", false);
        body.put("categories", categories);
        as(user).body(body).put(SETTINGS).then().statusCode(200);
        return body;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

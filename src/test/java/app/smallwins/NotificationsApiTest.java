package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.PROBLEM_JSON;
import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Records.conversationsPath;
import static app.smallwins.support.Records.teamConversation;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.smallwins.notification.NotificationRetention;
import app.smallwins.support.CareTeam;
import app.smallwins.support.LocalPushService;
import app.smallwins.support.Mailbox;
import app.smallwins.support.Records;
import app.smallwins.support.SmtpServer;
import app.smallwins.support.TestClock;
import app.smallwins.support.Tokens;
import app.smallwins.support.VapidKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Notifications end to end: settings, quiet hours and the urgent bypass on the app's clock
 * (moved through daylight-saving changes), e-mail read back from a real SMTP server over IMAP,
 * and Web Push decrypted and its VAPID signature checked by a local push service.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
// Global resources (every test class's boot sends mail to this server and has Web Push on).
@QuarkusTestResource(SmtpServer.class)
@QuarkusTestResource(VapidKeys.class)
class NotificationsApiTest {

    private static final String SETTINGS = BASE + "/me/notification-settings";
    private static final String HISTORY = BASE + "/me/notifications";
    private static final String SUBSCRIPTIONS = BASE + "/me/push-subscriptions";
    private static final Duration INSTANT = Duration.ofSeconds(10);
    /** A Wednesday noon in London (GMT): outside everyone's default quiet hours. */
    private static final Instant NOON = Instant.parse("2027-01-13T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    NotificationRetention retention;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    // --- Settings ---

    @Test
    void aParentStartsWithTheFamilyDefaultsAndATeacherWithStaffDefaults() {
        CareTeam team = new CareTeam();
        as(team.parent).get(SETTINGS).then().statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("language", equalTo("en"))
                .body("quietHours.start", equalTo("20:00")).body("quietHours.end", equalTo("07:00"))
                .body("digest.time", equalTo("18:00"))
                .body("digest.days", equalTo(List.of("MON", "TUE", "WED", "THU", "FRI")))
                .body("weeklySummaryDay", equalTo("FRI"))
                .body("includeContent", equalTo(false))
                .body("categories.MESSAGE.EMAIL", equalTo("INSTANT")).body("categories.MESSAGE.WEB_PUSH", equalTo("INSTANT"))
                .body("categories.WIN.EMAIL", equalTo("DIGEST"))
                .body("categories.WEEKLY_SUMMARY.EMAIL", equalTo("INSTANT"));
        as(team.teacher).get(SETTINGS).then().statusCode(200)
                .body("quietHours.start", equalTo("17:00"))
                .body("categories.MESSAGE.EMAIL", equalTo("DIGEST")).body("categories.MESSAGE.WEB_PUSH", equalTo("INSTANT"))
                .body("categories.URGENT_MESSAGE.EMAIL", equalTo("INSTANT"))
                .body("categories.WEEKLY_SUMMARY.EMAIL", equalTo("OFF"));
    }

    @Test
    void settingsAreKeptAndLeftOutCategoriesTakeTheirDefaults() {
        CareTeam team = new CareTeam();
        Map<String, Object> mine = settings("Europe/London", Map.of("start", "21:30", "end", "06:45"),
                Map.of("WIN", Map.of("EMAIL", "INSTANT", "WEB_PUSH", "DIGEST"), "MESSAGE", Map.of("EMAIL", "OFF")));
        mine.put("includeContent", true);
        as(team.parent).body(mine).put(SETTINGS).then().statusCode(200)
                .body("categories.WIN.WEB_PUSH", equalTo("DIGEST"));
        as(team.parent).get(SETTINGS).then().statusCode(200)
                .body("timeZone", equalTo("Europe/London"))
                .body("quietHours.start", equalTo("21:30")).body("quietHours.end", equalTo("06:45"))
                .body("includeContent", equalTo(true))
                .body("categories.WIN.EMAIL", equalTo("INSTANT"))
                .body("categories.MESSAGE.EMAIL", equalTo("OFF"))
                // left out: the family default
                .body("categories.MESSAGE.WEB_PUSH", equalTo("INSTANT"))
                .body("categories.CHEER.EMAIL", equalTo("DIGEST"));
        Map<String, Object> noQuiet = settings("UTC", null, Map.of());
        as(team.parent).body(noQuiet).put(SETTINGS).then().statusCode(200);
        as(team.parent).get(SETTINGS).then().statusCode(200).body("quietHours", equalTo(null));
    }

    @Test
    void unknownCategoriesModesZonesAndTimesAre400AndChangeNothing() {
        CareTeam team = new CareTeam();
        String before = as(team.parent).get(SETTINGS).then().statusCode(200).extract().asString();
        List<Map<String, Object>> bad = List.of(
                settings("UTC", null, Map.of("SOMETHING", Map.of("EMAIL", "INSTANT"))),
                settings("UTC", null, Map.of("DAILY_DIGEST", Map.of("EMAIL", "INSTANT"))),
                settings("UTC", null, Map.of("MESSAGE", Map.of("EMAIL", "SOMETIMES"))),
                settings("UTC", null, Map.of("MESSAGE", Map.of("SMS", "INSTANT"))),
                settings("Mars/Olympus_Mons", null, Map.of()),
                settings("+05:30", null, Map.of()),
                settings("UTC", Map.of("start", "25:00", "end", "07:00"), Map.of()),
                settings("UTC", Map.of("start", "20:00", "end", "20:00"), Map.of()),
                with(settings("UTC", null, Map.of()), "language", "xx"),
                with(settings("UTC", null, Map.of()), "digest", Map.of("time", "18:00", "days", List.of("FUNDAY"))),
                with(settings("UTC", null, Map.of()), "digest", Map.of("time", "18:00", "days", List.of())),
                with(settings("UTC", null, Map.of()), "weeklySummaryDay", null));
        for (Map<String, Object> body : bad) {
            as(team.parent).body(body).put(SETTINGS).then().statusCode(400).contentType(PROBLEM_JSON);
        }
        assertEquals(before, as(team.parent).get(SETTINGS).then().statusCode(200).extract().asString());
    }

    @Test
    void everyNotificationPathNeedsAToken() {
        anonymous().get(SETTINGS).then().statusCode(401);
        anonymous().body(settings("UTC", null, Map.of())).put(SETTINGS).then().statusCode(401);
        anonymous().get(HISTORY).then().statusCode(401);
        anonymous().body(Map.of("endpoint", "https://fcm.googleapis.com/x", "keys", Map.of("p256dh", "a", "auth", "b")))
                .post(SUBSCRIPTIONS).then().statusCode(401);
        anonymous().queryParam("endpoint", "https://fcm.googleapis.com/x").delete(SUBSCRIPTIONS).then().statusCode(401);
        anonymous().get(BASE + "/push/vapid-public-key").then().statusCode(401);
    }

    // --- E-mail ---

    @Test
    void aMessageReachesTheTeamByMailWithinSecondsNamingTheChildButNotTheText() {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        signIn(team.parent, team.otherParent);
        String conversation = teamConversation(team, team.teacher);
        postMessage(team, team.teacher, conversation, "He sorted the shapes by colour", false);

        Mailbox.Mail mail = Mailbox.awaitSubject(team.parent.email(), "New message", INSTANT);
        assertEquals("New message about Arjun Sharma", mail.subject());
        assertEquals(team.parent.email(), mail.to());
        assertEquals("auto-generated", mail.autoSubmitted());
        assertTrue(mail.text().contains("A teacher on Arjun Sharma's team sent a message."), mail.text());
        assertTrue(mail.html().contains("A teacher on Arjun Sharma&#39;s team sent a message.")
                || mail.html().contains("A teacher on Arjun Sharma's team sent a message."), mail.html());
        assertTrue(mail.html().contains("<html lang=\"en\">"));
        assertTrue(mail.text().contains("Wednesday 13 January at 12:00"), mail.text());
        assertFalse(mail.text().contains("sorted the shapes"), "no message text unless the person asks for it");
        assertFalse(mail.html().contains("sorted the shapes"));

        Map<String, Object> sent = awaitHistory(team.parent, n -> "EMAIL".equals(n.get("channel"))
                && "SENT".equals(n.get("status")));
        assertEquals("MESSAGE", sent.get("category"));
        assertEquals(team.childId, sent.get("childId"));
        assertEquals(conversation, sent.get("conversationId"));
        assertNotNull(sent.get("sentAt"));
        assertEquals(false, sent.get("bypassedQuietHours"));
        // The author hears nothing of their own message; a stranger nothing at all.
        pause(Duration.ofSeconds(1));
        assertTrue(Mailbox.of(team.teacher.email()).stream().noneMatch(m -> m.subject().startsWith("New message")));
        assertTrue(history(team.teacher).isEmpty());
        assertTrue(Mailbox.withSubject(team.otherParent.email(), "New message").isEmpty());
    }

    @Test
    void aPersonWhoAsksForContentGetsTheTextQuoted() {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        Map<String, Object> mine = settings("UTC", null, Map.of());
        mine.put("includeContent", true);
        as(team.parent).body(mine).put(SETTINGS).then().statusCode(200);
        postMessage(team, team.teacher, teamConversation(team, team.teacher), "Buttoned his <coat> today", false);

        Mailbox.Mail mail = Mailbox.awaitSubject(team.parent.email(), "New message", INSTANT);
        assertTrue(mail.text().contains("\"Buttoned his <coat> today\""), mail.text());
        assertTrue(mail.html().contains("Buttoned his &lt;coat&gt; today"), "quoted text is escaped in HTML");
    }

    @Test
    void aPrivateConversationNotifiesOnlyItsParticipants() {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        signIn(team.parent);
        as(team.para).body(settings("UTC", null, Map.of("MESSAGE", Map.of("EMAIL", "INSTANT")))).put(SETTINGS)
                .then().statusCode(200);
        String conversation = as(team.teacher).body(Map.of("title", "Staff only", "memberIds",
                List.of(team.paraMembership))).post(conversationsPath(team)).then().statusCode(201).extract().path("id");
        postMessage(team, team.teacher, conversation, "Plan for Friday", false);
        Mailbox.awaitSubject(team.para.email(), "New message", INSTANT);
        pause(Duration.ofSeconds(1));
        assertTrue(history(team.parent).isEmpty(), "a parent not in the conversation hears nothing of it");
        assertTrue(Mailbox.withSubject(team.parent.email(), "New message").isEmpty());
    }

    @Test
    void aFailingMailServerIsRetriedUntilItTakesTheMail() {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        signIn(team.parent);
        SmtpServer.down();
        try {
            postMessage(team, team.teacher, teamConversation(team, team.teacher), "See you tomorrow", false);
            Map<String, Object> failing = awaitHistory(team.parent, n -> "EMAIL".equals(n.get("channel"))
                    && ((Number) n.get("attempts")).intValue() >= 1);
            assertEquals("QUEUED", failing.get("status"));
            assertEquals("The mail server could not be reached or refused the mail", failing.get("lastError"));
        } finally {
            SmtpServer.up();
        }
        Mailbox.awaitSubject(team.parent.email(), "New message", Duration.ofSeconds(15));
        Map<String, Object> sent = awaitHistory(team.parent, n -> "EMAIL".equals(n.get("channel"))
                && "SENT".equals(n.get("status")));
        assertNull(sent.get("lastError"));
        pause(Duration.ofSeconds(2));
        assertEquals(1, Mailbox.withSubject(team.parent.email(), "New message").size(),
                "sent once, however many attempts it took");
    }

    // --- Quiet hours and the urgent bypass, on the app's clock ---

    @Test
    void quietHoursHoldAMessageUntilMorningAndRemovingThemReleasesIt() {
        CareTeam team = new CareTeam();
        useDefaultsIn(team.parent, "Europe/London");
        clock.jumpTo(Instant.parse("2027-01-13T21:30:00Z"));
        postMessage(team, team.teacher, teamConversation(team, team.teacher), "Lovely day", false);

        Map<String, Object> held = awaitHistory(team.parent, n -> "EMAIL".equals(n.get("channel")));
        assertEquals("HELD", held.get("status"));
        assertEquals("2027-01-14T07:00:00Z", held.get("heldUntil"));
        pause(Duration.ofSeconds(2));
        assertTrue(Mailbox.withSubject(team.parent.email(), "New message").isEmpty(), "nothing during quiet hours");

        as(team.parent).body(settings("Europe/London", null, Map.of())).put(SETTINGS).then().statusCode(200);
        Mailbox.awaitSubject(team.parent.email(), "New message", INSTANT);
        assertEquals("SENT", awaitHistory(team.parent, n -> "SENT".equals(n.get("status"))).get("status"));
    }

    @Test
    void quietHoursEndOnTheWallClockAcrossTheSpringChange() {
        CareTeam team = new CareTeam();
        useDefaultsIn(team.parent, "Europe/London");
        // Saturday 27 March 2027, 21:00 GMT; the clocks go forward at 01:00 that night.
        clock.jumpTo(Instant.parse("2027-03-27T21:00:00Z"));
        postMessage(team, team.teacher, teamConversation(team, team.teacher), "Weekend plans", false);
        Map<String, Object> held = awaitHistory(team.parent, n -> "EMAIL".equals(n.get("channel")));
        // Seven in the morning in London is now 06:00 UTC (BST).
        assertEquals("2027-03-28T06:00:00Z", held.get("heldUntil"));

        clock.jumpTo(Instant.parse("2027-03-28T05:59:00Z"));
        pause(Duration.ofSeconds(2));
        assertTrue(Mailbox.withSubject(team.parent.email(), "New message").isEmpty(), "still quiet at 06:59 BST");
        clock.jumpTo(Instant.parse("2027-03-28T06:00:00Z"));
        Mailbox.awaitSubject(team.parent.email(), "New message", INSTANT);
    }

    @Test
    void quietHoursEndOnTheWallClockAcrossTheAutumnChange() {
        CareTeam team = new CareTeam();
        useDefaultsIn(team.parent, "Europe/London");
        // Saturday 30 October 2027, 22:00 BST; the clocks go back at 02:00 that night.
        clock.jumpTo(Instant.parse("2027-10-30T21:00:00Z"));
        postMessage(team, team.teacher, teamConversation(team, team.teacher), "Half term", false);
        Map<String, Object> held = awaitHistory(team.parent, n -> "EMAIL".equals(n.get("channel")));
        assertEquals("2027-10-31T07:00:00Z", held.get("heldUntil"));
    }

    @Test
    void anUrgentMessageFromStaffPassesQuietHoursAndSaysSo() {
        CareTeam team = new CareTeam();
        useDefaultsIn(team.parent, "Europe/London");
        clock.jumpTo(Instant.parse("2027-01-13T23:10:00Z"));
        postMessage(team, team.teacher, teamConversation(team, team.teacher), "Seizure at the residential trip", true);

        Mailbox.awaitSubject(team.parent.email(), "Urgent: a message about Arjun Sharma", INSTANT);
        Map<String, Object> sent = awaitHistory(team.parent, n -> "SENT".equals(n.get("status")));
        assertEquals("URGENT_MESSAGE", sent.get("category"));
        assertEquals(true, sent.get("bypassedQuietHours"));
        assertNull(sent.get("heldUntil"));
    }

    @Test
    void anUrgentMessageFromAParentIsUrgentButWaitsForStaffMorning() {
        CareTeam team = new CareTeam();
        useDefaultsIn(team.teacher, "Europe/London");
        clock.jumpTo(Instant.parse("2027-01-13T19:00:00Z"));
        postMessage(team, team.parent, teamConversation(team, team.parent), "He did not sleep at all", true);

        Map<String, Object> held = awaitHistory(team.teacher, n -> "EMAIL".equals(n.get("channel")));
        assertEquals("URGENT_MESSAGE", held.get("category"));
        assertEquals("HELD", held.get("status"));
        assertEquals("2027-01-14T07:00:00Z", held.get("heldUntil"));
        assertEquals(false, held.get("bypassedQuietHours"));
    }

    @Test
    void aCategoryTurnedOffSendsNothingAndWinsWaitForTheDigestByDefault() {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        as(team.parent).body(settings("UTC", null, Map.of("MESSAGE", Map.of("EMAIL", "OFF", "WEB_PUSH", "OFF"))))
                .put(SETTINGS).then().statusCode(200);
        postMessage(team, team.teacher, teamConversation(team, team.teacher), "Quiet one", false);
        Records.recordWin(team.teacher, team, "Counted to ten");
        // The therapist (staff defaults: wins in the digest) hears of neither at once either.
        pause(Duration.ofSeconds(2));
        assertTrue(history(team.parent).isEmpty());
        assertTrue(Mailbox.withSubject(team.parent.email(), "New message").isEmpty());
        assertTrue(Mailbox.withSubject(team.parent.email(), "A new win").isEmpty());

        as(team.parent).body(settings("UTC", null, Map.of("WIN", Map.of("EMAIL", "INSTANT")))).put(SETTINGS)
                .then().statusCode(200);
        Records.recordWin(team.teacher, team, "Counted to twenty");
        Mailbox.awaitSubject(team.parent.email(), "A new win for Arjun Sharma", INSTANT);
    }

    @Test
    void aCheerReachesTheAuthorOfWhatWasCheeredOnly() {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        as(team.para).body(settings("UTC", null, Map.of("CHEER", Map.of("EMAIL", "INSTANT")))).put(SETTINGS)
                .then().statusCode(200);
        as(team.teacher).body(settings("UTC", null, Map.of("CHEER", Map.of("EMAIL", "INSTANT")))).put(SETTINGS)
                .then().statusCode(200);
        String win = Records.recordWin(team.para, team, "Zipped his coat");
        Records.cheer(team.parent, team, win, "Amazing!");
        Mailbox.awaitSubject(team.para.email(), "Someone cheered your entry about Arjun Sharma", INSTANT);
        pause(Duration.ofSeconds(1));
        assertTrue(history(team.teacher).stream().noneMatch(n -> "CHEER".equals(n.get("category"))));
    }

    @Test
    void sentNotificationsLeaveTheHistoryAfterTheRetention() {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        signIn(team.parent);
        postMessage(team, team.teacher, teamConversation(team, team.teacher), "Good week", false);
        awaitHistory(team.parent, n -> "SENT".equals(n.get("status")));
        clock.jumpTo(NOON.plus(Duration.ofDays(89)));
        retention.purge();
        assertEquals(1, history(team.parent).size(), "kept for the 90 days of the retention");
        clock.jumpTo(NOON.plus(Duration.ofDays(91)));
        assertTrue(retention.purge() >= 1);
        assertTrue(history(team.parent).isEmpty());
    }

    // --- Web Push ---

    @Test
    void aSubscribedBrowserGetsAnEncryptedSignedPushWithNothingPersonalInIt() throws Exception {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        String vapidKey = as(team.parent).get(BASE + "/push/vapid-public-key").then().statusCode(200)
                .extract().path("publicKey");
        try (LocalPushService pushService = LocalPushService.start()) {
            LocalPushService.Device phone = pushService.newDevice();
            as(team.parent).body(phone.subscriptionJson()).post(SUBSCRIPTIONS).then().statusCode(200)
                    .body("endpoint", equalTo(phone.endpoint()));
            String conversation = teamConversation(team, team.teacher);
            String message = postMessage(team, team.teacher, conversation, "Ate all his lunch", false);

            LocalPushService.Delivery delivery = pushService.awaitDelivery(phone, INSTANT);
            assertTrue(pushService.errors(phone).isEmpty(), pushService.errors(phone).toString());
            assertEquals(vapidKey, delivery.vapid().publicKey(), "signed with the key the API serves");
            assertTrue(delivery.vapid().subject().startsWith("mailto:"));
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = JSON.readValue(delivery.payload(), Map.class);
            assertEquals("MESSAGE", payload.get("category"));
            assertEquals("New message", payload.get("title"));
            assertEquals(team.childId, payload.get("childId"));
            assertEquals(conversation, payload.get("conversationId"));
            assertEquals(message, payload.get("messageId"));
            assertFalse(delivery.payload().contains("lunch"));
            assertFalse(delivery.payload().contains("Arjun"));
            assertFalse(delivery.payload().contains("@"));
            assertEquals("normal", delivery.header("Urgency"));
            Map<String, Object> sent = awaitHistory(team.parent, n -> "WEB_PUSH".equals(n.get("channel"))
                    && "SENT".equals(n.get("status")));
            assertEquals(payload.get("notificationId"), sent.get("id"));
        }
    }

    @Test
    void aGoneSubscriptionIsForgottenAndABusyPushServiceIsWaitedFor() {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        try (LocalPushService pushService = LocalPushService.start()) {
            LocalPushService.Device busy = pushService.newDevice();
            as(team.parent).body(busy.subscriptionJson()).post(SUBSCRIPTIONS).then().statusCode(200);
            pushService.answerOnce(busy, 429, Map.of("Retry-After", "2"));
            String conversation = teamConversation(team, team.teacher);
            postMessage(team, team.teacher, conversation, "First", false);
            pushService.awaitDelivery(busy, Duration.ofSeconds(15));
            assertEquals(2, pushService.requestCount(busy), "retried once, after the service's Retry-After");

            pushService.answer(busy, 410, Map.of());
            postMessage(team, team.teacher, conversation, "Second", false);
            Map<String, Object> failed = awaitHistory(team.parent, n -> "WEB_PUSH".equals(n.get("channel"))
                    && "FAILED".equals(n.get("status")));
            assertEquals("Every device had turned notifications off", failed.get("lastError"));
            int requests = pushService.requestCount(busy);
            postMessage(team, team.teacher, conversation, "Third", false);
            Instant deadline = Instant.now().plus(INSTANT);
            while (Mailbox.withSubject(team.parent.email(), "New message").size() < 3 && Instant.now().isBefore(deadline)) {
                pause(Duration.ofMillis(200));
            }
            assertEquals(3, Mailbox.withSubject(team.parent.email(), "New message").size());
            pause(Duration.ofSeconds(1));
            assertEquals(requests, pushService.requestCount(busy), "a forgotten subscription is not posted to again");
        }
    }

    @Test
    void subscriptionsAreCheckedAndCanBeRemoved() {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        try (LocalPushService pushService = LocalPushService.start()) {
            LocalPushService.Device phone = pushService.newDevice();
            Map<String, Object> good = subscription(phone.endpoint(), phone.p256dh(), phone.auth());
            as(team.parent).body(subscription(phone.endpoint(), "not-a-key", phone.auth())).post(SUBSCRIPTIONS)
                    .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("keys.p256dh"));
            as(team.parent).body(subscription(phone.endpoint(), phone.p256dh(), "c2hvcnQ")).post(SUBSCRIPTIONS)
                    .then().statusCode(400).body("errors[0].field", equalTo("keys.auth"));
            for (String elsewhere : List.of("https://169.254.169.254/latest/meta-data", "https://intranet.school/push",
                    "ftp://127.0.0.1/push", "https://user@127.0.0.1/push")) {
                as(team.parent).body(subscription(elsewhere, phone.p256dh(), phone.auth())).post(SUBSCRIPTIONS)
                        .then().statusCode(422).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("endpoint"));
            }
            as(team.parent).queryParam("endpoint", "").delete(SUBSCRIPTIONS).then().statusCode(400);

            as(team.parent).body(good).post(SUBSCRIPTIONS).then().statusCode(200);
            as(team.parent).queryParam("endpoint", phone.endpoint()).delete(SUBSCRIPTIONS).then().statusCode(204);
            as(team.parent).queryParam("endpoint", phone.endpoint()).delete(SUBSCRIPTIONS).then().statusCode(204);
            postMessage(team, team.teacher, teamConversation(team, team.teacher), "After unsubscribing", false);
            Mailbox.awaitSubject(team.parent.email(), "New message", INSTANT);
            pause(Duration.ofSeconds(1));
            assertEquals(0, pushService.requestCount(phone));
            assertTrue(history(team.parent).stream().noneMatch(n -> "WEB_PUSH".equals(n.get("channel"))));
        }
    }

    @Test
    void anUrgentPushAsksForHighUrgency() {
        clock.jumpTo(NOON);
        CareTeam team = new CareTeam();
        try (LocalPushService pushService = LocalPushService.start()) {
            LocalPushService.Device phone = pushService.newDevice();
            as(team.parent).body(phone.subscriptionJson()).post(SUBSCRIPTIONS).then().statusCode(200);
            postMessage(team, team.teacher, teamConversation(team, team.teacher), "Come to school now", true);
            LocalPushService.Delivery delivery = pushService.awaitDelivery(phone, INSTANT);
            assertEquals("high", delivery.header("Urgency"));
            assertTrue(delivery.payload().contains("\"category\":\"URGENT_MESSAGE\""));
            assertTrue(delivery.payload().contains("\"title\":\"Urgent message\""));
        }
    }

    // --- helpers ---

    /**
     * A member added to a team by an admin is known by subject only until they first sign in
     * (their verified e-mail address comes with their token): mail can reach them from then on.
     */
    private static void signIn(Tokens.TestUser... users) {
        for (Tokens.TestUser user : users) {
            as(user).get(BASE + "/me").then().statusCode(200);
        }
    }

    private static String postMessage(CareTeam team, Tokens.TestUser author, String conversationId, String body,
            boolean urgent) {
        return as(author).body(Map.of("body", body, "urgent", urgent))
                .post(conversationsPath(team) + "/" + conversationId + "/messages")
                .then().statusCode(201).extract().path("id");
    }

    /** Family or staff defaults (per the token), in a time zone. */
    private static void useDefaultsIn(Tokens.TestUser user, String zone) {
        Map<String, Object> current = new HashMap<>(as(user).get(SETTINGS).then().statusCode(200).extract().jsonPath()
                .getMap(""));
        current.put("timeZone", zone);
        as(user).body(current).put(SETTINGS).then().statusCode(200);
    }

    private static Map<String, Object> settings(String zone, Map<String, String> quiet, Map<String, Object> categories) {
        Map<String, Object> body = new HashMap<>();
        body.put("timeZone", zone);
        body.put("language", "en");
        body.put("quietHours", quiet);
        body.put("digest", Map.of("time", "18:00", "days", List.of("MON", "TUE", "WED", "THU", "FRI")));
        body.put("weeklySummaryDay", "FRI");
        body.put("includeContent", false);
        body.put("categories", categories);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    private static Map<String, Object> subscription(String endpoint, String p256dh, String auth) {
        return Map.of("endpoint", endpoint, "keys", Map.of("p256dh", p256dh, "auth", auth));
    }

    private static List<Map<String, Object>> history(Tokens.TestUser user) {
        return as(user).get(HISTORY).then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static Map<String, Object> awaitHistory(Tokens.TestUser user, Predicate<Map<String, Object>> wanted) {
        Instant deadline = Instant.now().plus(INSTANT);
        while (true) {
            for (Map<String, Object> n : history(user)) {
                if (wanted.test(n)) {
                    return n;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no such notification in " + history(user));
            }
            pause(Duration.ofMillis(200));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

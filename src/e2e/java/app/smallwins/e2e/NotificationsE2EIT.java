package app.smallwins.e2e;

import static app.smallwins.e2e.support.Api.BASE;
import static app.smallwins.e2e.support.Api.as;
import static app.smallwins.e2e.support.Api.childPath;
import static app.smallwins.e2e.support.DemoUser.ALICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import app.smallwins.e2e.support.Api;
import app.smallwins.e2e.support.AppNode;
import app.smallwins.e2e.support.E2eEnvironment;
import app.smallwins.e2e.support.E2eSettings;
import app.smallwins.e2e.support.EndToEnd;
import app.smallwins.e2e.support.Keycloak;
import app.smallwins.e2e.support.Person;
import app.smallwins.support.Mailbox;

/**
 * Notifications with two instances, a mail server that fails, and an instance that crashes
 * (docs/notifications.md, "Delivery"): every message reaches the parent's inbox exactly once.
 * Both instances plan and send from the one queue in PostgreSQL; the crashed one's work is
 * taken over by the other, and when it comes back it sends nothing twice.
 */
@EndToEnd
class NotificationsE2EIT {

    private static final int MESSAGES = 20;
    private static final AppNode NODE_B = E2eSettings.current().secondApp();
    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(60);

    @Test
    void everyMessageReachesTheParentOnceThroughAFailingMailServerAndACrashedNode() throws Exception {
        Person teacher = Keycloak.newUser("teacher");
        Person parent = Keycloak.newUser("parent");
        String childId = Api.createChild(ALICE.person, "Noor Haddad");
        Api.invite(ALICE.person, childId, teacher.email(), "teacher", "class teacher");
        as(teacher).get(BASE + "/me").then().statusCode(200);
        Api.invite(teacher, childId, parent.email(), "parent", "mother");
        as(parent).get(BASE + "/me").then().statusCode(200);
        as(parent).body(Map.of("timeZone", "UTC", "language", "en", "digest",
                Map.of("time", "18:00", "days", List.of("MON")), "weeklySummaryDay", "MON", "includeContent", false,
                "categories", Map.of("MESSAGE", Map.of("EMAIL", "INSTANT"), "TEAM_CHANGE", Map.of("EMAIL", "OFF"))))
                .put(BASE + "/me/notification-settings").then().statusCode(200);
        String messages = childPath(childId) + "/conversations/" + as(teacher).get(childPath(childId) + "/conversations")
                .then().statusCode(200).extract().path("items.find { it.kind == 'TEAM' }.id") + "/messages";

        E2eEnvironment.mailDown();
        try {
            for (int i = 1; i <= MESSAGES; i++) {
                as(teacher).body(Map.of("body", "Update " + i)).post(messages).then().statusCode(201);
            }
            // Both instances are trying and failing to send them.
            await(() -> history(parent).stream().filter(n -> ((Number) n.get("attempts")).intValue() >= 1).count()
                    == MESSAGES, DELIVERED_WITHIN, "every notification tried at least once");
            E2eEnvironment.kill(NODE_B);
        } finally {
            E2eEnvironment.mailUp();
        }

        await(() -> Mailbox.withSubject(parent.email(), "New message about Noor Haddad").size() >= MESSAGES,
                DELIVERED_WITHIN, "all " + MESSAGES + " mails delivered by the surviving instance");
        E2eEnvironment.restart(NODE_B);
        Thread.sleep(5_000); // room for a repeat, if one were coming

        List<Mailbox.Mail> mails = Mailbox.withSubject(parent.email(), "New message about Noor Haddad");
        assertThat("one mail per message, none twice", mails, hasSize(MESSAGES));
        List<Map<String, Object>> sent = history(parent);
        assertThat(sent, hasSize(MESSAGES));
        assertThat(sent.stream().map(n -> n.get("status")).toList(), everyItem(equalTo("SENT")));
        assertThat(sent.stream().map(n -> ((Number) n.get("attempts")).intValue()).toList(),
                everyItem(greaterThanOrEqualTo(2)));
        Set<Object> distinctMessages = new HashSet<>(sent.stream().map(n -> n.get("messageId")).toList());
        assertThat(distinctMessages, hasSize(MESSAGES));
        assertThat(Mailbox.withSubject(teacher.email(), "New message"), hasSize(0));
    }

    private static List<Map<String, Object>> history(Person person) {
        return as(person).queryParam("limit", 100).get(BASE + "/me/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static void await(Supplier<Boolean> condition, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(250);
        }
    }
}

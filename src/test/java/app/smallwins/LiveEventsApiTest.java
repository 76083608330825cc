package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.PROBLEM_JSON;
import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Records.cheer;
import static app.smallwins.support.Records.conversationsPath;
import static app.smallwins.support.Records.createGoal;
import static app.smallwins.support.Records.goalEtag;
import static app.smallwins.support.Records.goalsPath;
import static app.smallwins.support.Records.json;
import static app.smallwins.support.Records.markGoal;
import static app.smallwins.support.Records.observation;
import static app.smallwins.support.Records.observationsPath;
import static app.smallwins.support.Records.record;
import static app.smallwins.support.Records.teamConversation;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import app.smallwins.access.Caller;
import app.smallwins.access.ChildGrant;
import app.smallwins.common.security.Role;
import app.smallwins.live.EventRefs;
import app.smallwins.live.EventRetention;
import app.smallwins.live.EventType;
import app.smallwins.live.LiveEvents;
import app.smallwins.progress.GapWatch;
import app.smallwins.support.CareTeam;
import app.smallwins.support.EventStreams;
import app.smallwins.support.EventStreams.Event;
import app.smallwins.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/**
 * Live events over real SSE connections: each change emits its event, to exactly the people
 * the GET of its resource would answer, once, in order, resumable with Last-Event-ID.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class LiveEventsApiTest {

    private static final String EVENTS = BASE + "/me/events";
    /** After the members' streams had an event, how long outsiders' streams stay silent to pass. */
    private static final Duration SILENT = Duration.ofMillis(700);

    @Inject
    LiveEvents live;

    @Inject
    EntityManager em;

    @Inject
    EventRetention retention;

    @Inject
    GapWatch gaps;

    private static String postMessage(CareTeam team, Tokens.TestUser author, String conversationId, String body) {
        return as(author).body(Map.of("body", body)).post(conversationsPath(team) + "/" + conversationId + "/messages")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aTeamMessageReachesEveryMemberOnceAndNoOneElse() {
        CareTeam team = new CareTeam();
        String conversation = teamConversation(team, team.teacher);
        List<Tokens.TestUser> members = List.of(team.teacher, team.para, team.therapist, team.parent);
        List<EventStreams.Stream> memberStreams = new ArrayList<>();
        members.forEach(m -> memberStreams.add(EventStreams.open(m)));
        try (EventStreams.Stream outsider = EventStreams.open(team.otherParent);
                EventStreams.Stream stranger = EventStreams.open(team.strangerTeacher);
                EventStreams.Stream admin = EventStreams.open(team.admin)) {
            assertTrue(memberStreams.get(0).header("Content-Type").startsWith("text/event-stream"));
            assertEquals("no-cache", memberStreams.get(0).header("Cache-Control"), "no cache holds an event back");
            String message = postMessage(team, team.teacher, conversation, "He sorted all the shapes by colour today");
            for (EventStreams.Stream s : memberStreams) {
                Event e = s.expect("message.posted", "messageId", message);
                assertEquals(team.childId, e.get("childId"));
                assertEquals(conversation, e.get("conversationId"));
                assertFalse(e.data().containsKey("body"), "an event carries ids, never the message");
                assertEquals(null, e.get("observationId"));
            }
            outsider.expectNothing(SILENT);
            stranger.expectNothing(Duration.ZERO);
            admin.expectNothing(Duration.ZERO);
            memberStreams.forEach(s -> s.expectNothing(Duration.ZERO));
        } finally {
            memberStreams.forEach(EventStreams.Stream::close);
        }
    }

    @Test
    void aPrivateConversationsEventsReachOnlyItsParticipants() {
        CareTeam team = new CareTeam();
        String conversation = as(team.teacher)
                .body(Map.of("title", "Mornings", "memberIds", List.of(team.parentMembership)))
                .post(conversationsPath(team)).then().statusCode(201).extract().path("id");
        try (EventStreams.Stream parent = EventStreams.open(team.parent);
                EventStreams.Stream para = EventStreams.open(team.para);
                EventStreams.Stream therapist = EventStreams.open(team.therapist)) {
            String message = postMessage(team, team.teacher, conversation, "Mornings were easier this week");
            parent.expect("message.posted", "messageId", message);
            as(team.teacher).body(Map.of("body", "Mornings were much easier this week"))
                    .patch(conversationsPath(team) + "/" + conversation + "/messages/" + message).then().statusCode(200);
            parent.expect("message.edited", "messageId", message);
            as(team.teacher).delete(conversationsPath(team) + "/" + conversation + "/messages/" + message)
                    .then().statusCode(204);
            parent.expect("message.deleted", "messageId", message);
            para.expectNothing(SILENT);
            therapist.expectNothing(Duration.ZERO);
        }
    }

    @Test
    void everyChangeToTheRecordEmitsItsEvent() {
        CareTeam team = new CareTeam();
        try (EventStreams.Stream parent = EventStreams.open(team.parent);
                EventStreams.Stream outsider = EventStreams.open(team.otherParent);
                EventStreams.Stream stranger = EventStreams.open(team.strangerTeacher)) {
            String goal = createGoal(team.teacher, team, "Asks for help with words");
            parent.expect("goal.created", "goalId", goal);

            as(team.teacher).header("If-Match", goalEtag(team.teacher, team, goal))
                    .body(Map.of("plainLanguage", "Says 'help' when stuck"))
                    .patch(goalsPath(team.childId) + "/" + goal).then().statusCode(200);
            parent.expect("goal.changed", "goalId", goal);

            String win = record(team.para, team.childId, json("kind", "WIN", "text", "Said 'help' at the sink",
                    "setting", "CLASSROOM", "goalId", goal, "promptLevel", "INDEPENDENT"));
            assertEquals(goal, parent.expect("observation.recorded", "observationId", win).get("goalId"));

            as(team.para).body(Map.of("text", "Said 'help' at the sink, twice"))
                    .patch(observationsPath(team.childId) + "/" + win).then().statusCode(200);
            parent.expect("observation.changed", "observationId", win);

            String cheer = cheer(team.parent, team, win, "So proud of you!");
            parent.expect("cheer.added", "cheerId", cheer);

            String journal = as(team.parent).body(json("text", "Asked for help with his shoes"))
                    .post(team.childPath() + "/journal").then().statusCode(201).extract().path("id");
            parent.expect("observation.recorded", "observationId", journal);

            as(team.para).delete(observationsPath(team.childId) + "/" + win).then().statusCode(204);
            parent.expect("observation.deleted", "observationId", win);

            String newMember = as(team.teacher).body(Map.of("subject", Tokens.newUser("therapist").subject(),
                    "role", "therapist", "relationship", "OT")).post(team.childPath() + "/team")
                    .then().statusCode(201).extract().path("id");
            parent.expect("team.changed", "membershipId", newMember);
            parent.expectNothing(SILENT);
            // None of it reached anyone off the team.
            outsider.expectNothing(Duration.ZERO);
            stranger.expectNothing(Duration.ZERO);
        }
    }

    @Test
    void aGapIsAnnouncedWhenSetbacksClusterAndClearedWhenTheGoalIsActiveAgain() {
        CareTeam team = new CareTeam();
        String goal = createGoal(team.teacher, team, "Asks for a break");
        markGoal(team, goal, "MET");
        try (EventStreams.Stream parent = EventStreams.open(team.parent)) {
            String first = record(team.para, team.childId, json("kind", "SETBACK", "text", "Ran out of the room",
                    "setting", "CLASSROOM", "goalId", goal));
            parent.expect("observation.recorded", "observationId", first);
            parent.expectNothing(SILENT);
            String second = record(team.para, team.childId, json("kind", "SETBACK", "text", "Hid under the table",
                    "setting", "CLASSROOM", "goalId", goal));
            parent.expect("observation.recorded", "observationId", second);
            parent.expect("progress.flagged", "goalId", goal);
            as(team.teacher).get(team.childPath() + "/goals/" + goal + "/progress").then().statusCode(200)
                    .body("paperRealityGap.flagged", equalTo(true));

            record(team.para, team.childId, json("kind", "SETBACK", "text", "Cried at lunch", "setting", "CLASSROOM",
                    "goalId", goal));
            parent.expect("observation.recorded", "goalId", goal);
            parent.expectNothing(SILENT);

            markGoal(team, goal, "ACTIVE");
            parent.expect("goal.changed", "goalId", goal);
            parent.expect("progress.cleared", "goalId", goal);
        }
    }

    @Test
    void timeAloneFlagsAGoalMetOnPaperWithoutEvidenceAndAWinAtItsLevelClearsIt() {
        CareTeam team = new CareTeam();
        String goal = createGoal(team.teacher, team, "Puts on his coat");
        markGoal(team, goal, "MET");
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update goal set status_changed_at = now() - interval '20 days' where id = :goal")
                    .setParameter("goal", UUID.fromString(goal)).executeUpdate();
            em.createNativeQuery("update gap_watch_round set checked_at = '-infinity'").executeUpdate();
        });
        try (EventStreams.Stream parent = EventStreams.open(team.parent)) {
            assertTrue(gaps.checkAll() >= 1, "the round looked at this child");
            parent.expect("progress.flagged", "goalId", goal);
            // A second round within the interval is some other node's to do: nothing repeats.
            assertEquals(0, gaps.checkAll());
            String win = record(team.para, team.childId, json("kind", "WIN", "text", "Coat on, zipped, alone",
                    "setting", "CLASSROOM", "goalId", goal, "promptLevel", "INDEPENDENT"));
            parent.expect("observation.recorded", "observationId", win);
            parent.expect("progress.cleared", "goalId", goal);
        }
    }

    @Test
    void aMessageCarryingAWinAnnouncesBothAndDeletingItRetractsTheWin() {
        CareTeam team = new CareTeam();
        String conversation = teamConversation(team, team.teacher);
        try (EventStreams.Stream therapist = EventStreams.open(team.therapist)) {
            String message = as(team.para).body(json("body", "Zipped his coat alone!", "win",
                    json("kind", "WIN", "setting", "PLAYGROUND")))
                    .post(conversationsPath(team) + "/" + conversation + "/messages").then().statusCode(201)
                    .extract().path("id");
            String win = (String) therapist.next().get("observationId");
            therapist.expect("message.posted", "messageId", message);
            as(team.para).delete(conversationsPath(team) + "/" + conversation + "/messages/" + message)
                    .then().statusCode(204);
            therapist.expect("message.deleted", "messageId", message);
            therapist.expect("observation.deleted", "observationId", win);
        }
    }

    @Test
    void movingAReadMarkerTellsOnlyTheReader() {
        CareTeam team = new CareTeam();
        String conversation = teamConversation(team, team.teacher);
        String message = postMessage(team, team.teacher, conversation, "Lunch went well");
        try (EventStreams.Stream parent = EventStreams.open(team.parent);
                EventStreams.Stream teacher = EventStreams.open(team.teacher)) {
            as(team.parent).body(Map.of("upTo", message))
                    .post(conversationsPath(team) + "/" + conversation + "/read").then().statusCode(204);
            parent.expect("unread.changed", "conversationId", conversation);
            // The same marker again moves nothing and says nothing.
            as(team.parent).body(Map.of("upTo", message))
                    .post(conversationsPath(team) + "/" + conversation + "/read").then().statusCode(204);
            parent.expectNothing(SILENT);
            teacher.expectNothing(Duration.ZERO);
        }
    }

    @Test
    void aRemovedMemberIsToldOnceAndThenHearsNothingMore() {
        CareTeam team = new CareTeam();
        String conversation = teamConversation(team, team.teacher);
        try (EventStreams.Stream para = EventStreams.open(team.para);
                EventStreams.Stream parent = EventStreams.open(team.parent)) {
            as(team.teacher).delete(team.childPath() + "/team/" + team.paraMembership).then().statusCode(204);
            para.expect("team.changed", "membershipId", team.paraMembership);
            parent.expect("team.changed", "membershipId", team.paraMembership);
            String message = postMessage(team, team.teacher, conversation, "Para is moving to another class");
            parent.expect("message.posted", "messageId", message);
            record(team.teacher, team.childId, observation("WIN", "Waited his turn"));
            parent.expect("observation.recorded", "childId", team.childId);
            para.expectNothing(SILENT);
        }
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        CareTeam team = new CareTeam();
        String teacherId = as(team.teacher).get(BASE + "/me").then().statusCode(200).extract().path("id");
        ChildGrant grant = new ChildGrant(UUID.fromString(team.childId),
                new Caller(UUID.fromString(teacherId), "t", "T", java.util.Set.of(Role.teacher)), Role.teacher);
        try (EventStreams.Stream parent = EventStreams.open(team.parent)) {
            UUID goal = UUID.randomUUID();
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                live.emit(grant, EventType.GOAL_CREATED, EventRefs.goal(goal));
                throw new IllegalStateException("the change failed after its event was queued");
            }));
            QuarkusTransaction.requiringNew().run(() -> live.emit(grant, EventType.GOAL_CHANGED, EventRefs.goal(goal)));
            // The committed one arrives; the rolled-back one never existed.
            parent.expect("goal.changed", "goalId", goal.toString());
            parent.expectNothing(SILENT);
        }
        as(team.parent).get(EVENTS).then().statusCode(200)
                .body("items.findAll { it.childId == '" + team.childId + "' && it.goalId != null }.type",
                        equalTo(List.of("goal.changed")));
    }

    @Test
    void lastEventIdReplaysExactlyTheMissedEventsThenGoesOnLive() {
        CareTeam team = new CareTeam();
        String conversation = teamConversation(team, team.teacher);
        String seen;
        try (EventStreams.Stream parent = EventStreams.open(team.parent)) {
            postMessage(team, team.teacher, conversation, "one");
            seen = parent.next().id();
        }
        List<String> missed = new ArrayList<>();
        for (String body : List.of("two", "three", "four")) {
            missed.add(postMessage(team, team.teacher, conversation, body));
        }
        try (EventStreams.Stream parent = EventStreams.open(team.parent, seen)) {
            for (String message : missed) {
                parent.expect("message.posted", "messageId", message);
            }
            String live = postMessage(team, team.teacher, conversation, "five");
            parent.expect("message.posted", "messageId", live);
            parent.expectNothing(SILENT);
            assertTrue(parent.comments().contains(":live"), "the stream says when it has caught up");
        }
        // Polling from the same position answers the same events in the same order.
        List<String> polled = as(team.parent).queryParam("after", seen).get(EVENTS).then().statusCode(200)
                .body("nextCursor", nullValue()).extract().path("items.messageId");
        assertEquals(4, polled.size());
        assertEquals(missed, polled.subList(0, 3));
    }

    @Test
    void pollingPagesOldestFirstWithTheLastIdAsCursor() {
        CareTeam team = new CareTeam();
        String conversation = teamConversation(team, team.teacher);
        String start = lastEventId(team.parent);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(postMessage(team, team.teacher, conversation, "message " + i));
        }
        var first = as(team.parent).queryParam("after", start).queryParam("limit", 2).get(EVENTS).then()
                .statusCode(200).contentType(ContentType.JSON).body("items", hasSize(2)).extract().jsonPath();
        assertEquals(posted.subList(0, 2), first.getList("items.messageId"));
        assertEquals(first.getString("items[1].id"), first.getString("nextCursor"));
        var rest = as(team.parent).queryParam("after", first.getString("nextCursor")).queryParam("limit", 5)
                .get(EVENTS).then().statusCode(200).body("nextCursor", nullValue()).extract().jsonPath();
        assertEquals(posted.subList(2, 5), rest.getList("items.messageId"));
        // Ids only grow.
        List<Long> ids = new ArrayList<>();
        first.getList("items.id", String.class).forEach(id -> ids.add(Long.parseLong(id)));
        rest.getList("items.id", String.class).forEach(id -> ids.add(Long.parseLong(id)));
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void aPositionOlderThanTheRetentionGetsOneReset() {
        CareTeam team = new CareTeam();
        String conversation = teamConversation(team, team.teacher);
        String before = lastEventId(team.parent);
        postMessage(team, team.teacher, conversation, "old news");
        String old = as(team.parent).queryParam("after", before).get(EVENTS).then().statusCode(200)
                .extract().path("items[0].id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update live_event set occurred_at = now() - interval '8 days' where id <= :id")
                .setParameter("id", Long.parseLong(old)).executeUpdate());
        assertTrue(retention.purge() >= 1);

        as(team.parent).queryParam("after", before).get(EVENTS).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].type", equalTo("reset"))
                .body("items[0].childId", nullValue()).body("nextCursor", nullValue());
        try (EventStreams.Stream parent = EventStreams.open(team.parent, before)) {
            Event reset = parent.next();
            assertEquals("reset", reset.type());
            String fresh = postMessage(team, team.teacher, conversation, "new news");
            assertTrue(Long.parseLong(parent.expect("message.posted", "messageId", fresh).id())
                    > Long.parseLong(reset.id()), "the stream goes on after the reset's id");
        }
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() {
        CareTeam team = new CareTeam();
        String shortLived = Tokens.builder(team.parent).expiresIn(Duration.ofSeconds(3)).sign("privateKey.jwk");
        try (EventStreams.Stream parent = EventStreams.open(shortLived, null)) {
            assertFalse(parent.endsWithin(Duration.ofSeconds(1)), "open while the token is valid");
            assertTrue(parent.endsWithin(Duration.ofSeconds(8)), "ended once the token expired");
        }
    }

    @Test
    void idleStreamsGetHeartbeatComments() {
        CareTeam team = new CareTeam();
        try (EventStreams.Stream parent = EventStreams.open(team.parent)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (parent.comments().stream().filter(c -> !c.equals(":live")).count() == 0
                    && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(100));
            }
            assertTrue(parent.comments().stream().anyMatch(c -> !c.equals(":live")), "a heartbeat comment arrived");
        }
    }

    @Test
    void withoutATokenOrWithABadPositionTheAnswerIsAProblem() {
        anonymous().get(EVENTS).then().statusCode(401).contentType(PROBLEM_JSON);
        anonymous().accept("text/event-stream").get(EVENTS).then().statusCode(401);
        CareTeam team = new CareTeam();
        as(team.parent).queryParam("after", "abc").get(EVENTS).then().statusCode(400).contentType(PROBLEM_JSON);
        as(team.parent).queryParam("after", "-1").get(EVENTS).then().statusCode(400);
        as(team.parent).queryParam("limit", "0").get(EVENTS).then().statusCode(400);
        as(team.parent).queryParam("limit", "101").get(EVENTS).then().statusCode(400);
        as(team.parent).accept("text/event-stream").header("Last-Event-ID", "'; drop table live_event")
                .get(EVENTS).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The id of the newest event a person can see now (polling from the start of what is kept). */
    private static String lastEventId(Tokens.TestUser user) {
        String after = null;
        while (true) {
            var page = (after == null ? as(user) : as(user).queryParam("after", after)).queryParam("limit", 100)
                    .get(EVENTS).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            if (!ids.isEmpty()) {
                after = ids.get(ids.size() - 1);
            }
            if (page.getString("nextCursor") == null) {
                return after == null ? "0" : after;
            }
        }
    }
}

package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.addMember;
import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Api.createChild;
import static app.smallwins.support.Records.conversationsPath;
import static app.smallwins.support.Records.teamConversation;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Statements;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MessagingApiTest {

    @Inject
    Statements statements;

    private static String post(CareTeam team, Tokens.TestUser author, String conversationId, Map<String, ?> body) {
        return as(author).body(body).post(conversationsPath(team) + "/" + conversationId + "/messages")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void parentSeesTeamAndOwnPrivateConversationsButNotStaffOnes() {
        CareTeam team = new CareTeam();
        String teamId = teamConversation(team, team.teacher);
        String withParent = as(team.teacher)
                .body(Map.of("title", "Mornings", "memberIds", List.of(team.parentMembership)))
                .post(conversationsPath(team)).then().statusCode(201)
                .body("kind", equalTo("PRIVATE"))
                .body("participants", hasSize(2))
                .extract().path("id");
        String staffOnly = as(team.teacher)
                .body(Map.of("title", "Staff", "memberIds", List.of(team.paraMembership, team.therapistMembership)))
                .post(conversationsPath(team)).then().statusCode(201).extract().path("id");

        as(team.parent).get(conversationsPath(team)).then().statusCode(200)
                .body("items.id", containsInAnyOrder(teamId, withParent));
        as(team.parent).get(conversationsPath(team) + "/" + staffOnly + "/messages").then().statusCode(404);
        as(team.parent).body(Map.of("body", "hello")).post(conversationsPath(team) + "/" + staffOnly + "/messages")
                .then().statusCode(404);
        as(team.para).get(conversationsPath(team) + "/" + staffOnly + "/messages").then().statusCode(200);
    }

    @Test
    void outsidersGet404EverywhereAndAnonymousGets401() {
        CareTeam team = new CareTeam();
        String teamId = teamConversation(team, team.teacher);
        String messageId = post(team, team.teacher, teamId, Map.of("body", "Hello team"));
        for (Tokens.TestUser outsider : List.of(team.otherParent, team.strangerTeacher)) {
            as(outsider).get(conversationsPath(team)).then().statusCode(404);
            as(outsider).body(Map.of("title", "x", "memberIds", List.of(team.parentMembership)))
                    .post(conversationsPath(team)).then().statusCode(404);
            as(outsider).get(conversationsPath(team) + "/" + teamId + "/messages").then().statusCode(404);
            as(outsider).body(Map.of("body", "hi")).post(conversationsPath(team) + "/" + teamId + "/messages")
                    .then().statusCode(404);
            as(outsider).body(Map.of("upTo", messageId)).post(conversationsPath(team) + "/" + teamId + "/read")
                    .then().statusCode(404);
            as(outsider).body(Map.of("body", "x"))
                    .patch(conversationsPath(team) + "/" + teamId + "/messages/" + messageId).then().statusCode(404);
            as(outsider).delete(conversationsPath(team) + "/" + teamId + "/messages/" + messageId)
                    .then().statusCode(404);
        }
        anonymous().get(conversationsPath(team)).then().statusCode(401);
        anonymous().body(Map.of("body", "hi")).post(conversationsPath(team) + "/" + teamId + "/messages")
                .then().statusCode(401);
        anonymous().get(BASE + "/me/unread").then().statusCode(401);
    }

    @Test
    void removedMemberLosesAccessAndNewMemberSeesHistory() {
        CareTeam team = new CareTeam();
        String teamId = teamConversation(team, team.teacher);
        post(team, team.teacher, teamId, Map.of("body", "Before the new para joined"));
        as(team.para).get(conversationsPath(team) + "/" + teamId + "/messages").then().statusCode(200);
        as(team.teacher).delete(team.childPath() + "/team/" + team.paraMembership).then().statusCode(204);
        as(team.para).get(conversationsPath(team) + "/" + teamId + "/messages").then().statusCode(404);

        Tokens.TestUser newPara = Tokens.newUser("para");
        addMember(team.teacher, team.childId, newPara, "para", "new para");
        as(newPara).get(conversationsPath(team) + "/" + teamId + "/messages").then().statusCode(200)
                .body("items.body", hasItem("Before the new para joined"));
    }

    @Test
    void onlyTheAuthorEditsWithinTheWindowAndDeletionLeavesAPlaceholder() {
        CareTeam team = new CareTeam();
        String teamId = teamConversation(team, team.teacher);
        String id = post(team, team.teacher, teamId, Map.of("body", "Arjun sorted shapes"));
        String path = conversationsPath(team) + "/" + teamId + "/messages/" + id;
        as(team.parent).body(Map.of("body", "changed")).patch(path).then().statusCode(403);
        as(team.teacher).body(Map.of("body", "Arjun sorted all the shapes")).patch(path).then().statusCode(200)
                .body("body", equalTo("Arjun sorted all the shapes"))
                .body("editedAt", not(nullValue()));
        as(team.parent).delete(path).then().statusCode(403);
        as(team.teacher).delete(path).then().statusCode(204);
        as(team.parent).get(conversationsPath(team) + "/" + teamId + "/messages").then().statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].deleted", equalTo(true))
                .body("items[0].body", nullValue());
        as(team.admin).get(path + "/history").then().statusCode(200)
                .body("items.body", contains("Arjun sorted all the shapes", "Arjun sorted shapes"));
        as(team.teacher).get(path + "/history").then().statusCode(403);
    }

    @Test
    void anArchivedChildsConversationsAreReadNotWrittenTo() {
        CareTeam team = new CareTeam();
        String teamId = teamConversation(team, team.teacher);
        String messageId = post(team, team.teacher, teamId, Map.of("body", "Last day of term"));
        as(team.admin).delete(team.childPath()).then().statusCode(204);

        String conversation = conversationsPath(team) + "/" + teamId;
        as(team.admin).get(conversationsPath(team)).then().statusCode(200).body("items.id", hasItem(teamId));
        as(team.admin).get(conversation).then().statusCode(200);
        as(team.admin).get(conversation + "/messages").then().statusCode(200).body("items[0].id", equalTo(messageId));
        as(team.admin).get(conversation + "/messages/" + messageId).then().statusCode(200);
        as(team.admin).get(conversation + "/messages/" + messageId + "/history").then().statusCode(200);
        as(team.admin).body(Map.of("body", "Too late")).post(conversation + "/messages").then().statusCode(409);
        as(team.admin).body(Map.of("memberIds", List.of(team.parentMembership))).post(conversationsPath(team))
                .then().statusCode(409);
        // Not on the team any more, as far as anyone but an admin can tell.
        as(team.teacher).get(conversation + "/messages").then().statusCode(404);
    }

    @Test
    void messageWithWinCreatesExactlyOneObservationAndOneMessage() {
        CareTeam team = new CareTeam();
        String teamId = teamConversation(team, team.teacher);
        Response created = as(team.teacher).body(Map.of(
                "body", "Arjun sorted all the shapes by colour independently today",
                "win", Map.of("setting", "CLASSROOM", "promptLevel", "INDEPENDENT", "firstTime", true)))
                .post(conversationsPath(team) + "/" + teamId + "/messages");
        created.then().statusCode(201);
        String messageId = created.path("id");
        String observationId = created.path("observationId");

        as(team.parent).get(team.childPath() + "/observations").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(observationId))
                .body("items[0].text", equalTo("Arjun sorted all the shapes by colour independently today"))
                .body("items[0].kind", equalTo("WIN"))
                .body("items[0].source", equalTo("MESSAGE"))
                .body("items[0].messageId", equalTo(messageId));
        as(team.parent).get(conversationsPath(team) + "/" + teamId + "/messages").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].observationId", equalTo(observationId));
    }

    @Test
    void failingWinCreatesNeitherMessageNorObservation() {
        CareTeam team = new CareTeam();
        String teamId = teamConversation(team, team.teacher);
        String otherChildGoal = as(team.admin)
                .body(Map.of("title", "Another child's goal", "domain", "SOCIAL"))
                .post(BASE + "/children/" + team.otherChildId + "/goals").then().statusCode(201).extract().path("id");

        as(team.teacher).body(Map.of("body", "Sorted shapes",
                "win", Map.of("setting", "CLASSROOM", "goalId", otherChildGoal)))
                .post(conversationsPath(team) + "/" + teamId + "/messages")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("goalId"));

        as(team.parent).get(team.childPath() + "/observations").then().statusCode(200).body("items", hasSize(0));
        as(team.parent).get(conversationsPath(team) + "/" + teamId + "/messages").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void retriedPostWithSameKeyReturnsSameMessageAlsoWhenConcurrent() throws Exception {
        CareTeam team = new CareTeam();
        String teamId = teamConversation(team, team.teacher);
        String messages = conversationsPath(team) + "/" + teamId + "/messages";
        Map<String, ?> body = Map.of("body", "He had a great lunch", "urgent", false);

        String key = UUID.randomUUID().toString();
        String first = as(team.teacher).header("Idempotency-Key", key).body(body).post(messages)
                .then().statusCode(201).extract().path("id");
        as(team.teacher).header("Idempotency-Key", key).body(body).post(messages)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(team.teacher).header("Idempotency-Key", key).body(Map.of("body", "Something else")).post(messages)
                .then().statusCode(422);

        String concurrentKey = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> as(team.teacher).header("Idempotency-Key", concurrentKey)
                        .body(Map.of("body", "Concurrent retry")).post(messages)
                        .then().statusCode(201).extract().path("id"));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
            assertEquals(1, ids.stream().distinct().count(), "every retry answers the same message");
        } finally {
            pool.shutdownNow();
        }
        as(team.parent).get(messages + "?limit=100").then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void unreadCountsFollowPostsReadsAndEditsAcrossThreeChildrenInOneQuery() {
        Tokens.TestUser admin = Tokens.newUser("admin");
        Tokens.TestUser mum = Tokens.newUser("parent");
        List<CareTeamLite> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Tokens.TestUser teacher = Tokens.newUser("teacher");
            String childId = createChild(admin, "Child " + i);
            addMember(admin, childId, teacher, "teacher", "class teacher");
            addMember(admin, childId, mum, "parent", "mother");
            String conv = as(teacher).get(BASE + "/children/" + childId + "/conversations").then().statusCode(200)
                    .extract().jsonPath().getString("items[0].id");
            children.add(new CareTeamLite(childId, teacher, conv));
        }
        as(mum).get(BASE + "/me/unread").then().statusCode(200).body("items", hasSize(0));

        // Two messages on child 0, one urgent on child 2, mum's own message on child 1 does not count.
        String m1 = children.get(0).post("Good morning", false);
        String m2 = children.get(0).post("Great circle time", false);
        children.get(2).post("He had a seizure at lunch; he is fine now", true);
        as(mum).body(Map.of("body", "Thanks!")).post(children.get(1).messages()).then().statusCode(201);

        as(mum).get(BASE + "/me/unread").then().statusCode(200)
                .body("items.conversationId", contains(children.get(2).conversationId, children.get(0).conversationId))
                .body("items[0].urgent", equalTo(1))
                .body("items[0].unread", equalTo(1))
                .body("items[1].unread", equalTo(2));

        as(mum).body(Map.of("upTo", m1)).post(children.get(0).conversation() + "/read").then().statusCode(204);
        as(mum).get(BASE + "/me/unread").then().statusCode(200)
                .body("items.find { it.conversationId == '" + children.get(0).conversationId + "' }.unread",
                        equalTo(1));
        as(children.get(0).teacher).body(Map.of("body", "Great circle time today"))
                .patch(children.get(0).messages() + "/" + m2).then().statusCode(200);
        as(mum).get(BASE + "/me/unread").then().statusCode(200)
                .body("items.find { it.conversationId == '" + children.get(0).conversationId + "' }.unread",
                        equalTo(1));
        // Reading never moves backwards.
        as(mum).body(Map.of("upTo", m2)).post(children.get(0).conversation() + "/read").then().statusCode(204);
        as(mum).body(Map.of("upTo", m1)).post(children.get(0).conversation() + "/read").then().statusCode(204);
        as(mum).get(BASE + "/me/unread").then().statusCode(200)
                .body("items.conversationId", contains(children.get(2).conversationId));
        as(children.get(0).teacher).get(children.get(0).messages()).then().statusCode(200)
                .body("items[0].readBy.name", contains("Name of " + mum.subject()));

        var mark = statements.mark();
        as(mum).get(BASE + "/me/unread").then().statusCode(200);
        long withThree = statements.since(mark);
        assertTrue(withThree <= 2, "at most one to identify the caller and one for every count, was " + withThree);
    }

    private record CareTeamLite(String childId, Tokens.TestUser teacher, String conversationId) {

        String conversation() {
            return BASE + "/children/" + childId + "/conversations/" + conversationId;
        }

        String messages() {
            return conversation() + "/messages";
        }

        String post(String body, boolean urgent) {
            return as(teacher).body(Map.of("body", body, "urgent", urgent)).post(messages())
                    .then().statusCode(201).extract().path("id");
        }
    }
}

package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static app.smallwins.support.Records.cheer;
import static app.smallwins.support.Records.conversationsPath;
import static app.smallwins.support.Records.observationsPath;
import static app.smallwins.support.Records.recordWin;
import static app.smallwins.support.Records.teamConversation;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Guard;
import app.smallwins.support.Locations;
import app.smallwins.support.Records;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Every Location names the exact path of a GET that answers the created resource (the suite
 * follows each one: see support/Api#FOLLOWS_LOCATION), and the single reads behind them.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class LinksApiTest {

    @Test
    void everyCreateAnswersTheLocationOfItsOwnRead() {
        int before = Locations.followed();
        CareTeam team = new CareTeam();
        String goalId = Records.createGoal(team.teacher, team, "Identify basic colours");
        String observationId = recordWin(team.para, team, "Pointed to the sky and said blue");
        Response journal = as(team.parent).body(Map.of("text", "Said blue on the way home", "support", "I waited"))
                .post(team.childPath() + "/journal");
        String cheerId = cheer(team.teacher, team, observationId, "Naming blue outside is huge!");
        Response conversation = as(team.teacher)
                .body(Map.of("title", "Mornings", "memberIds", List.of(team.parentMembership)))
                .post(conversationsPath(team));
        Response message = as(team.parent).body(Map.of("body", "He slept through the night",
                "win", Map.of("setting", "HOME")))
                .post(conversationsPath(team) + "/" + conversation.path("id") + "/messages");
        Response invitation = as(team.teacher)
                .body(Map.of("email", "grandma-" + UUID.randomUUID() + "@example.test", "role", "parent",
                        "relationship", "grandmother"))
                .post(team.childPath() + "/team");

        String api = RestAssured.baseURI + ":" + RestAssured.port + BASE;
        String child = api + "/children/" + team.childId;
        assertThat(location(journal), equalTo(child + "/observations/" + journal.path("id")));
        assertThat(location(conversation), equalTo(child + "/conversations/" + conversation.path("id")));
        assertThat(location(message), equalTo(child + "/conversations/" + conversation.path("id") + "/messages/"
                + message.path("id")));
        assertThat(location(invitation), equalTo(child + "/team/" + invitation.path("id")));
        as(team.teacher).get(observationsPath(team.childId) + "/" + observationId + "/cheers/" + cheerId).then()
                .statusCode(200).body("id", equalTo(cheerId));
        as(team.teacher).get(Records.goalsPath(team.childId) + "/" + goalId).then().statusCode(200);
        // The child, four members, the goal, the observation, the journal entry, the cheer, the
        // conversation, the message and the invitation: each Location was followed.
        assertThat(Locations.followed() - before, greaterThan(11));
    }

    @Test
    void aRetriedCreateAnswersTheSameLocation() {
        CareTeam team = new CareTeam();
        String key = UUID.randomUUID().toString();
        Response first = as(team.teacher).header("Idempotency-Key", key)
                .body(Records.goal("Follow two-step directions")).post(Records.goalsPath(team.childId));
        Response retry = as(team.teacher).header("Idempotency-Key", key)
                .body(Records.goal("Follow two-step directions")).post(Records.goalsPath(team.childId));
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(location(retry), equalTo(location(first)));
    }

    @Test
    void aPrivateConversationIsReadOnlyByItsParticipants() {
        CareTeam team = new CareTeam();
        String id = as(team.teacher).body(Map.of("title", "Mornings", "memberIds", List.of(team.parentMembership)))
                .post(conversationsPath(team)).then().statusCode(201).extract().path("id");
        String path = conversationsPath(team) + "/" + id;
        as(team.teacher).body(Map.of("body", "How was the bus?")).post(path + "/messages").then().statusCode(201);

        as(team.parent).get(path).then().statusCode(200)
                .body("id", equalTo(id))
                .body("kind", equalTo("PRIVATE"))
                .body("title", equalTo("Mornings"))
                .body("participants", hasSize(2))
                .body("unread", equalTo(1));
        Guard.get(path).guardsChild(team);
        // On the team, but not in this conversation: as if it did not exist.
        as(team.para).get(path).then().spec(problem(404, "not-found"));
        as(team.admin).get(path).then().spec(problem(404, "not-found"));
        // A conversation id under another child is absent.
        as(team.admin).get(BASE + "/children/" + team.otherChildId + "/conversations/" + id).then()
                .spec(problem(404, "not-found"));
    }

    @Test
    void theTeamConversationIsReadByEveryoneOnTheTeam() {
        CareTeam team = new CareTeam();
        String path = conversationsPath(team) + "/" + teamConversation(team, team.teacher);
        for (Tokens.TestUser member : team.everyone()) {
            as(member).get(path).then().statusCode(200).body("kind", equalTo("TEAM")).body("participants", empty());
        }
        Guard.get(path).guardsChild(team);
    }

    @Test
    void aMessageIsReadWithWhoHasReadItAndADeletedOneAsItsPlaceholder() {
        CareTeam team = new CareTeam();
        String conversation = conversationsPath(team) + "/" + teamConversation(team, team.teacher);
        String id = as(team.teacher).body(Map.of("body", "Arjun sorted all the shapes by colour today"))
                .post(conversation + "/messages").then().statusCode(201).extract().path("id");
        String path = conversation + "/messages/" + id;
        as(team.parent).body(Map.of("upTo", id)).post(conversation + "/read").then().statusCode(204);

        as(team.para).get(path).then().statusCode(200)
                .body("id", equalTo(id))
                .body("body", equalTo("Arjun sorted all the shapes by colour today"))
                .body("readBy.userId", contains(Api.userIdOf(team.parent)))
                .body("readBy[0].name", equalTo("Name of " + team.parent.subject()));
        Guard.get(path).guardsChild(team);
        // A message id under another conversation is absent.
        String other = as(team.teacher).body(Map.of("memberIds", List.of(team.parentMembership)))
                .post(conversationsPath(team)).then().statusCode(201).extract().path("id");
        as(team.teacher).get(conversationsPath(team) + "/" + other + "/messages/" + id).then()
                .spec(problem(404, "not-found"));

        as(team.teacher).delete(path).then().statusCode(204);
        as(team.parent).get(path).then().statusCode(200)
                .body("deleted", equalTo(true))
                .body("body", nullValue());
    }

    @Test
    void aCheerIsReadByTheTeamAndVanishesWithItsWin() {
        CareTeam team = new CareTeam();
        String observationId = recordWin(team.para, team, "Asked for help with the puzzle");
        String cheerId = cheer(team.parent, team, observationId, "Five words, and such trust!");
        String path = observationsPath(team.childId) + "/" + observationId + "/cheers/" + cheerId;

        as(team.therapist).get(path).then().statusCode(200)
                .body("id", equalTo(cheerId))
                .body("observationId", equalTo(observationId))
                .body("note", equalTo("Five words, and such trust!"))
                .body("author.capacity", equalTo("parent"));
        Guard.get(path).guardsChild(team);
        String otherWin = recordWin(team.para, team, "Played beside a classmate");
        as(team.teacher).get(observationsPath(team.childId) + "/" + otherWin + "/cheers/" + cheerId).then()
                .spec(problem(404, "not-found"));

        as(team.para).delete(observationsPath(team.childId) + "/" + observationId).then().statusCode(204);
        as(team.parent).get(path).then().spec(problem(404, "not-found"));
    }

    @Test
    void aMembershipIsReadByTheTeamAndItsEmailOnlyByThoseWhoManageIt() {
        CareTeam team = new CareTeam();
        String email = "grandpa-" + UUID.randomUUID() + "@example.test";
        String id = Api.invite(team.teacher, team.childId, email, "parent");
        String path = team.childPath() + "/team/" + id;

        as(team.teacher).get(path).then().statusCode(200)
                .body("status", equalTo("INVITED"))
                .body("invitedEmail", equalTo(email));
        as(team.admin).get(path).then().statusCode(200).body("invitedEmail", equalTo(email));
        for (Tokens.TestUser member : List.of(team.para, team.therapist, team.parent)) {
            as(member).get(path).then().statusCode(200).body("invitedEmail", nullValue()).body("user", nullValue());
        }
        as(team.parent).get(team.childPath() + "/team/" + team.paraMembership).then().statusCode(200)
                .body("user.name", equalTo("Name of " + team.para.subject()))
                .body("relationship", equalTo("classroom para"));
        Guard.get(path).guardsChild(team);

        as(team.teacher).delete(path).then().statusCode(204);
        as(team.teacher).get(path).then().spec(problem(404, "not-found"));
        as(team.admin).get(BASE + "/children/" + team.otherChildId + "/team/" + team.paraMembership).then()
                .spec(problem(404, "not-found"));
    }

    private static String location(Response created) {
        created.then().statusCode(201);
        String location = created.header("Location");
        assertThat(location, endsWith((String) created.path("id")));
        return location;
    }
}

package app.smallwins.e2e;

import static app.smallwins.e2e.support.Api.BASE;
import static app.smallwins.e2e.support.Api.PROBLEM_JSON;
import static app.smallwins.e2e.support.Api.as;
import static app.smallwins.e2e.support.Api.childPath;
import static app.smallwins.e2e.support.DemoUser.ALICE;
import static app.smallwins.e2e.support.DemoUser.OLGA;
import static app.smallwins.e2e.support.DemoUser.PAM;
import static app.smallwins.e2e.support.DemoUser.PAUL;
import static app.smallwins.e2e.support.DemoUser.THEO;
import static app.smallwins.e2e.support.DemoUser.TINA;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.smallwins.e2e.support.Api;
import app.smallwins.e2e.support.DemoUser;
import app.smallwins.e2e.support.EndToEnd;
import app.smallwins.e2e.support.Keycloak;

/**
 * The main journey with the realm's demo users: an admin opens a child's record and invites
 * the class teacher by e-mail; the invitation binds when the teacher first signs in; the
 * teacher brings in the rest of the team; then every member works within their capacity
 * and people outside the team see nothing.
 */
@EndToEnd
class CareTeamE2EIT {

    private static String childId;
    private static String child;

    @BeforeAll
    static void openTheRecordAndBringTheTeamIn() {
        childId = as(ALICE).body(Map.of(
                "displayName", "Arjun Sharma",
                "preferredName", "Arjun",
                "communication", Map.of("modes", List.of("SPEECH", "PICTURES"),
                        "notes", "Uses a picture board for choices; give him time to answer."),
                "timeZone", "Europe/London"))
                .post(BASE + "/children")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("capacity", equalTo("admin"))
                .extract().path("id");
        child = childPath(childId);

        String teacherMembership = Api.invite(ALICE.person, childId, TINA.person.email(), "teacher", "class teacher");
        expectMembership(teacherMembership, "INVITED");
        firstSignInSeesTheChild(TINA, "teacher");
        expectMembership(teacherMembership, "ACTIVE");

        String paraMembership = Api.invite(TINA.person, childId, PAUL.person.email(), "para", "classroom para");
        String parentMembership = Api.invite(TINA.person, childId, PAM.person.email(), "parent", "mother");
        // The therapist is added by OIDC subject, before she ever called the API.
        String therapistSubject = Keycloak.token(THEO.person).subject();
        as(TINA).body(Map.of("subject", therapistSubject, "role", "therapist", "relationship", "SLP"))
                .post(child + "/team")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("status", equalTo("ACTIVE"));

        firstSignInSeesTheChild(PAUL, "para");
        firstSignInSeesTheChild(PAM, "parent");
        firstSignInSeesTheChild(THEO, "therapist");
        expectMembership(paraMembership, "ACTIVE");
        expectMembership(parentMembership, "ACTIVE");
    }

    private static void firstSignInSeesTheChild(DemoUser user, String capacity) {
        as(user).get(BASE + "/me").then().statusCode(200)
                .body("name", equalTo(user.person.name()))
                .body("email", equalTo(user.person.email()))
                .body("roles", equalTo(List.of(user.role)))
                .body("children.find { it.childId == '" + childId + "' }.capacity", equalTo(capacity));
    }

    private static void expectMembership(String membershipId, String status) {
        as(ALICE).get(child + "/team?limit=100").then().statusCode(200)
                .body("items.find { it.id == '" + membershipId + "' }.status", equalTo(status));
    }

    @Test
    void theTeamListsEveryoneByNameAndRole() {
        as(ALICE).get(child + "/team").then().statusCode(200)
                .body("items.user.name", hasItems("Tina Thomas", "Paul Price", "Pam Sharma", "Theo Turner"))
                .body("items.role", hasItems("teacher", "para", "parent", "therapist"))
                .body("items.status", everyItem(equalTo("ACTIVE")));
    }

    @Test
    void teacherReadsAndEditsTheProfile() {
        String etag = as(TINA).get(child).then().statusCode(200)
                .body("displayName", equalTo("Arjun Sharma"))
                .body("communication.modes", equalTo(List.of("SPEECH", "PICTURES")))
                .body("capacity", equalTo("teacher"))
                .extract().header("ETag");

        String newEtag = as(TINA).header("If-Match", etag)
                .body(Map.of("preferredName", "AJ", "whatHelps", "A visual schedule; a quiet corner."))
                .patch(child)
                .then().statusCode(200)
                .body("preferredName", equalTo("AJ"))
                .body("whatHelps", equalTo("A visual schedule; a quiet corner."))
                .extract().header("ETag");
        assertThat(newEtag, not(equalTo(etag)));

        as(TINA).header("If-Match", etag).body(Map.of("preferredName", "Arjun"))
                .patch(child).then().statusCode(412).contentType(PROBLEM_JSON);
        as(TINA).body(Map.of("preferredName", "Arjun"))
                .patch(child).then().statusCode(428).contentType(PROBLEM_JSON);
    }

    @Test
    void teacherAddsAndRemovesATeamMember() {
        String membership = Api.invite(TINA.person, childId, "ot@therapy.example", "therapist", "OT");
        as(TINA).delete(child + "/team/" + membership).then().statusCode(204);
        as(TINA).get(child + "/team").then().statusCode(200).body("items.id", not(hasItem(membership)));
        as(TINA).delete(child + "/team/" + membership).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void paraReadsButNeitherEditsNorManagesTheTeam() {
        as(PAUL).get(child).then().statusCode(200)
                .body("id", equalTo(childId))
                .body("capacity", equalTo("para"));
        as(PAUL).get(child + "/team").then().statusCode(200)
                .body("items.invitedEmail", everyItem(nullValue())); // only managers see addresses
        as(PAUL).header("If-Match", "*").body(Map.of("whatHelps", "Less noise"))
                .patch(child).then().statusCode(403).contentType(PROBLEM_JSON);
        as(PAUL).body(Map.of("email", "aunt@home.example", "role", "parent", "relationship", "aunt"))
                .post(child + "/team").then().statusCode(403);
        as(PAUL).get(child + "/access-log").then().statusCode(403);
    }

    @Test
    void therapistAddedBySubjectReadsTheChild() {
        as(THEO).get(child).then().statusCode(200).body("capacity", equalTo("therapist"));
    }

    @Test
    void parentSeesThemselvesTheirChildAndWhoLookedAtTheRecord() {
        as(PAM).get(BASE + "/me").then().statusCode(200)
                .body("name", equalTo("Pam Sharma"))
                .body("roles", equalTo(List.of("parent")))
                .body("children.childId", equalTo(List.of(childId)))
                .body("children[0].capacity", equalTo("parent"));
        as(PAM).get(child).then().statusCode(200).body("displayName", equalTo("Arjun Sharma"));
        as(PAM).header("If-Match", "*").body(Map.of("celebrateWith", "High fives and a minute with the spinning top"))
                .patch(child).then().statusCode(200);
        as(PAM).header("If-Match", "*").body(Map.of("displayName", "Someone else"))
                .patch(child).then().statusCode(403).contentType(PROBLEM_JSON);

        as(PAM).get(child + "/access-log?limit=100").then().statusCode(200)
                .body("items.action", hasItems("child.create", "team.add", "child.read", "child.update"))
                .body("items.find { it.action == 'child.create' }.actor.name", equalTo("Alice Adams"))
                .body("items.findAll { it.action == 'child.read' }.actor.name", hasItem("Pam Sharma"));
    }

    @Test
    void aParentOutsideTheTeamGets404ForEverything() {
        for (Api.Operation operation : Api.everyOperation(childId, "00000000-0000-0000-0000-000000000000")) {
            if (operation.path().startsWith(child)) {
                operation.send(as(OLGA)).then()
                        .statusCode(404)
                        .contentType(PROBLEM_JSON)
                        .body("type", equalTo("urn:smallwins:problem:not-found"));
            }
        }
        as(OLGA).get(BASE + "/me").then().statusCode(200).body("children", equalTo(List.of()));
        as(OLGA).get(BASE + "/children").then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void adminArchivesARecordWhichThenStaysReadOnly() {
        String archived = Api.createChild(ALICE.person, "Maya Jones");
        as(ALICE).delete(childPath(archived)).then().statusCode(204);
        as(ALICE).get(childPath(archived)).then().statusCode(200).body("archivedAt", notNullValue());
        as(ALICE).get(BASE + "/children?limit=100").then().statusCode(200)
                .body("items.id", hasItem(childId))
                .body("items.id", not(hasItem(archived)));
        as(ALICE).header("If-Match", "*").body(Map.of("preferredName", "May"))
                .patch(childPath(archived)).then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void everyMemberSeesTheChildInTheirCapacityInTheList() {
        for (DemoUser member : List.of(TINA, PAUL, THEO, PAM)) {
            as(member).get(BASE + "/children").then().statusCode(200)
                    .body("items.find { it.id == '" + childId + "' }.capacity", equalTo(member.role));
        }
        as(ALICE).get(BASE + "/children?limit=100").then().statusCode(200)
                .body("items.id", hasItem(childId));
    }
}

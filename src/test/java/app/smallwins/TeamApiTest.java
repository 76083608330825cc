package app.smallwins;

import static app.smallwins.PermissionTableTest.notFound;
import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.PROBLEM_JSON;
import static app.smallwins.support.Api.addMember;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Api.createChild;
import static app.smallwins.support.Api.invite;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Tokens;
import app.smallwins.support.Tokens.TestUser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TeamApiTest {

    @Test
    void addingByEmailAnswers201WithLocationAndAnInvitation() {
        CareTeam team = new CareTeam();
        String email = "grandma-" + UUID.randomUUID() + "@example.test";
        var created = as(team.teacher).body(Map.of("email", email, "role", "parent", "relationship", "grandmother"))
                .post(team.childPath() + "/team").then()
                .statusCode(201)
                .body("childId", equalTo(team.childId))
                .body("role", equalTo("parent"))
                .body("relationship", equalTo("grandmother"))
                .body("status", equalTo("INVITED"))
                .body("user", nullValue())
                .body("invitedEmail", equalTo(email))
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(java.net.URI.create(created.header("Location")).getPath(),
                equalTo("/api/v1/children/" + team.childId + "/team/" + id));
        as(team.admin).get(team.childPath() + "/team").then()
                .body("items.find { it.id == '" + id + "' }.status", equalTo("INVITED"));
    }

    @Test
    void anInvitationBindsToTheFirstUserWhoSignsInWithThatVerifiedEmail() {
        CareTeam team = new CareTeam();
        String email = "Priya." + UUID.randomUUID() + "@Example.test";
        String membership = invite(team.teacher, team.childId, email, "parent");

        TestUser priya = Tokens.newUser("parent").withEmail(email.toLowerCase(), true);
        as(priya).get(team.childPath()).then().statusCode(200).body("capacity", equalTo("parent"));
        as(priya).get(BASE + "/me").then().body("children.childId", hasItem(team.childId));
        as(team.admin).get(team.childPath() + "/team").then()
                .body("items.find { it.id == '" + membership + "' }.status", equalTo("ACTIVE"))
                .body("items.find { it.id == '" + membership + "' }.user.id", equalTo(Api.userIdOf(priya)));

        // Bound once: someone else signing in later with the same address gets nothing.
        TestUser latecomer = Tokens.newUser("parent").withEmail(email, true);
        notFound(as(latecomer).get(team.childPath()).then());
    }

    @Test
    void anUnverifiedEmailDoesNotBindUntilATokenSaysItIsVerified() {
        CareTeam team = new CareTeam();
        String email = "dad-" + UUID.randomUUID() + "@example.test";
        String membership = invite(team.admin, team.childId, email, "parent");

        TestUser unverified = Tokens.newUser("parent").withEmail(email, false);
        notFound(as(unverified).get(team.childPath()).then());
        as(unverified).get(BASE + "/me").then().statusCode(200).body("children", equalTo(List.of()));
        as(team.admin).get(team.childPath() + "/team").then()
                .body("items.find { it.id == '" + membership + "' }.status", equalTo("INVITED"));

        TestUser verified = unverified.withEmail(email, true);
        as(verified).get(team.childPath()).then().statusCode(200).body("capacity", equalTo("parent"));
        as(team.admin).get(team.childPath() + "/team").then()
                .body("items.find { it.id == '" + membership + "' }.status", equalTo("ACTIVE"));
    }

    @Test
    void anInvitationToAnAlreadyVerifiedUserBindsAtOnce() {
        CareTeam team = new CareTeam();
        TestUser known = Tokens.newUser("therapist");
        Api.userIdOf(known);
        as(team.teacher).body(Map.of("email", known.email(), "role", "therapist", "relationship", "OT"))
                .post(team.childPath() + "/team").then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("user.id", notNullValue());
        as(known).get(team.childPath()).then().statusCode(200);
    }

    @Test
    void aMembershipAddedBySubjectWorksBeforeThatUserEverCalledTheApi() {
        CareTeam team = new CareTeam();
        TestUser neverSeen = Tokens.newUser("para");
        String membership = addMember(team.teacher, team.childId, neverSeen, "para", "lunch para");
        as(team.teacher).get(team.childPath() + "/team").then()
                .body("items.find { it.id == '" + membership + "' }.status", equalTo("ACTIVE"));
        as(neverSeen).get(team.childPath()).then().statusCode(200).body("capacity", equalTo("para"));
        as(neverSeen).get(BASE + "/me").then()
                .body("children.find { it.childId == '" + team.childId + "' }.capacity", equalTo("para"))
                .body("name", equalTo("Name of " + neverSeen.subject()));
    }

    @Test
    void addingTheSamePersonTwiceGets409() {
        CareTeam team = new CareTeam();
        conflict(as(team.admin).body(Map.of("subject", team.para.subject(), "role", "para", "relationship", "x"))
                .post(team.childPath() + "/team"));
        // Another role for the same person is still the same person.
        conflict(as(team.admin).body(Map.of("subject", team.para.subject(), "role", "parent", "relationship", "x"))
                .post(team.childPath() + "/team"));
        // By the verified e-mail of someone already on the team (known once they signed in).
        Api.userIdOf(team.parent);
        conflict(as(team.admin).body(Map.of("email", team.parent.email(), "role", "parent", "relationship", "x"))
                .post(team.childPath() + "/team"));

        String email = "twice-" + UUID.randomUUID() + "@example.test";
        invite(team.admin, team.childId, email, "parent");
        conflict(as(team.teacher).body(Map.of("email", email.toUpperCase(), "role", "parent", "relationship", "x"))
                .post(team.childPath() + "/team"));
        as(team.admin).get(team.childPath() + "/team").then().body("items.size()", equalTo(5));
    }

    @Test
    void concurrentAddsOfTheSamePersonLetExactlyOneIn() throws Exception {
        CareTeam team = new CareTeam();
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("subject", Tokens.newUser("parent").subject(), "role", "parent", "relationship", "uncle"),
                Map.of("email", "race-" + UUID.randomUUID() + "@example.test", "role", "parent",
                        "relationship", "aunt"))) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<io.restassured.response.Response>> futures = new java.util.ArrayList<>();
                for (TestUser manager : List.of(team.admin, team.teacher)) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return as(manager).body(body).post(team.childPath() + "/team");
                    }));
                }
                start.countDown();
                List<Integer> statuses = new java.util.ArrayList<>();
                for (var future : futures) {
                    statuses.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode());
                }
                java.util.Collections.sort(statuses);
                org.hamcrest.MatcherAssert.assertThat(body.toString(), statuses, equalTo(List.of(201, 409)));
            } finally {
                pool.shutdownNow();
            }
        }
        as(team.admin).get(team.childPath() + "/team").then().body("items.size()", equalTo(6));
    }

    @Test
    void aRemovedMemberLosesAccessAtOnceAndCanBeAddedAgain() {
        CareTeam team = new CareTeam();
        as(team.therapist).get(team.childPath()).then().statusCode(200);
        as(team.teacher).delete(team.childPath() + "/team/" + team.therapistMembership).then().statusCode(204);

        notFound(as(team.therapist).get(team.childPath()).then());
        notFound(as(team.therapist).get(team.childPath() + "/team").then());
        as(team.therapist).get(BASE + "/children").then().body("items.id", not(hasItem(team.childId)));
        as(team.therapist).get(BASE + "/me").then().body("children", equalTo(List.of()));
        as(team.admin).get(team.childPath() + "/team").then()
                .body("items.id", not(hasItem(team.therapistMembership)));

        // Removing it again: it is no longer there.
        notFound(as(team.teacher).delete(team.childPath() + "/team/" + team.therapistMembership).then());

        addMember(team.teacher, team.childId, team.therapist, "therapist", "SLP");
        as(team.therapist).get(team.childPath()).then().statusCode(200);
    }

    @Test
    void aRemovedTeacherCanNoLongerManageTheTeam() {
        CareTeam team = new CareTeam();
        as(team.admin).delete(team.childPath() + "/team/" + team.teacherMembership).then().statusCode(204);
        notFound(as(team.teacher).delete(team.childPath() + "/team/" + team.paraMembership).then());
        as(team.para).get(team.childPath()).then().statusCode(200);
    }

    @Test
    void anInvitationCanBeWithdrawnBeforeItIsAccepted() {
        CareTeam team = new CareTeam();
        String email = "withdrawn-" + UUID.randomUUID() + "@example.test";
        String membership = invite(team.teacher, team.childId, email, "parent");
        as(team.teacher).delete(team.childPath() + "/team/" + membership).then().statusCode(204);
        TestUser invitee = Tokens.newUser("parent").withEmail(email, true);
        notFound(as(invitee).get(team.childPath()).then());
    }

    @Test
    void aMembershipOfAnotherChildCannotBeRemovedThroughThisChild() {
        CareTeam team = new CareTeam();
        String otherMembership = as(team.admin).get(Api.childPath(team.otherChildId) + "/team").then()
                .extract().path("items[0].id");
        notFound(as(team.admin).delete(team.childPath() + "/team/" + otherMembership).then());
        notFound(as(team.admin).delete(team.childPath() + "/team/" + UUID.randomUUID()).then());
        as(team.otherParent).get(Api.childPath(team.otherChildId)).then().statusCode(200);
    }

    @Test
    void onlyTeamManagersSeeInvitedEmails() {
        CareTeam team = new CareTeam();
        String email = "hidden-" + UUID.randomUUID() + "@example.test";
        String membership = invite(team.teacher, team.childId, email, "parent");
        String item = "items.find { it.id == '" + membership + "' }";
        as(team.teacher).get(team.childPath() + "/team").then().body(item + ".invitedEmail", equalTo(email));
        as(team.admin).get(team.childPath() + "/team").then().body(item + ".invitedEmail", equalTo(email));
        for (TestUser member : List.of(team.para, team.therapist, team.parent)) {
            as(member).get(team.childPath() + "/team").then().statusCode(200)
                    .body(item + ".role", equalTo("parent"))
                    .body(item + ".invitedEmail", nullValue());
        }
    }

    @Test
    void theTeamListNamesEachPersonAndTheirRole() {
        CareTeam team = new CareTeam();
        String item = "items.find { it.id == '" + team.teacherMembership + "' }";
        as(team.parent).get(team.childPath() + "/team").then().statusCode(200)
                .body(item + ".role", equalTo("teacher"))
                .body(item + ".relationship", equalTo("class teacher"))
                .body(item + ".user.name", equalTo("Name of " + team.teacher.subject()))
                .body(item + ".status", equalTo("ACTIVE"))
                .body(item + ".createdAt", notNullValue());
    }

    @Test
    void aTeamOfAnotherChildIsInvisible() {
        CareTeam team = new CareTeam();
        String lonely = createChild(team.admin, "Sam Lee");
        notFound(as(team.teacher).get(Api.childPath(lonely) + "/team").then());
        as(team.admin).get(Api.childPath(lonely) + "/team").then().statusCode(200)
                .body("items", equalTo(List.of()))
                .body("nextCursor", nullValue());
    }

    private static void conflict(io.restassured.response.Response response) {
        response.then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:conflict"));
    }
}

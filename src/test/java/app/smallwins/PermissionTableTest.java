package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.PROBLEM_JSON;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Api.etagOf;
import static app.smallwins.support.Records.conversationsPath;
import static app.smallwins.support.Records.observationsPath;
import static app.smallwins.support.Records.recordWin;
import static app.smallwins.support.Records.teamConversation;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Tokens;
import app.smallwins.support.Tokens.TestUser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;

/**
 * The permission table of docs/product.md#roles-and-permissions, operation by operation: who
 * succeeds, which team member gets 403 (and the sentence that says why), and that a person not
 * on the child's team gets 404. The table itself, cell by cell, is pinned without HTTP in
 * common/security/PermissionTest.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class PermissionTableTest {

    @Test
    void onlyAnAdminCreatesAChild() {
        CareTeam team = new CareTeam();
        List<Executable> checks = new ArrayList<>();
        for (TestUser member : List.of(team.teacher, team.para, team.therapist, team.parent)) {
            String name = "Refused " + UUID.randomUUID();
            checks.add(() -> {
                forbidden(as(member).body(Map.of("displayName", name)).post(BASE + "/children").then());
                as(team.admin).get(BASE + "/me").then().body("children.displayName", not(hasItem(name)));
            });
        }
        assertAll(checks);
        as(team.admin).body(Map.of("displayName", "Leo Park")).post(BASE + "/children").then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("displayName", equalTo("Leo Park"))
                .body("capacity", equalTo("admin"));
    }

    @Test
    void everyMemberAndAdminReadsTheChildButStrangersGet404() {
        CareTeam team = new CareTeam();
        List<Executable> checks = new ArrayList<>();
        for (TestUser member : team.everyone()) {
            checks.add(() -> as(member).get(team.childPath()).then().statusCode(200)
                    .body("id", equalTo(team.childId)));
            checks.add(() -> as(member).get(team.childPath() + "/team").then().statusCode(200)
                    .body("items.size()", equalTo(4)));
            checks.add(() -> as(member).get(BASE + "/children?limit=100").then().statusCode(200)
                    .body("items.id", hasItem(team.childId)));
        }
        for (TestUser stranger : team.strangers()) {
            checks.add(() -> notFound(as(stranger).get(team.childPath()).then()));
            checks.add(() -> notFound(as(stranger).get(team.childPath() + "/team").then()));
            checks.add(() -> as(stranger).get(BASE + "/children?limit=100").then().statusCode(200)
                    .body("items.id", not(hasItem(team.childId))));
        }
        assertAll(checks);
    }

    @Test
    void capacityOnTheChildIsReportedForEachMember() {
        CareTeam team = new CareTeam();
        as(team.admin).get(team.childPath()).then().body("capacity", equalTo("admin"));
        as(team.teacher).get(team.childPath()).then().body("capacity", equalTo("teacher"));
        as(team.para).get(team.childPath()).then().body("capacity", equalTo("para"));
        as(team.therapist).get(team.childPath()).then().body("capacity", equalTo("therapist"));
        as(team.parent).get(team.childPath()).then().body("capacity", equalTo("parent"));
    }

    @Test
    void adminTeacherAndTherapistEditTheWholeProfile() {
        CareTeam team = new CareTeam();
        for (TestUser editor : List.of(team.admin, team.teacher, team.therapist)) {
            String name = "AJ by " + editor.roles().iterator().next();
            as(editor).header("If-Match", etagOf(editor, team.childId))
                    .body(Map.of("preferredName", name, "whatHelps", "A quiet corner"))
                    .patch(team.childPath()).then().statusCode(200)
                    .body("preferredName", equalTo(name));
        }
    }

    @Test
    void parentEditsOnlyTheSupportProfileAndParaEditsNothing() {
        CareTeam team = new CareTeam();
        String etag = etagOf(team.parent, team.childId);
        List<Executable> refused = new ArrayList<>();
        for (Map<String, Object> core : List.<Map<String, Object>>of(Map.of("displayName", "X"),
                Map.of("preferredName", "X"), Map.of("dateOfBirth", "2019-01-01"), Map.of("timeZone", "Europe/Paris"),
                Map.of("whatHelps", "allowed", "preferredName", "not allowed"))) {
            refused.add(() -> forbidden(as(team.parent).header("If-Match", etag).body(core)
                    .patch(team.childPath()).then()));
        }
        refused.add(() -> forbidden(as(team.para).header("If-Match", etag).body(Map.of("whatHelps", "X"))
                .patch(team.childPath()).then()));
        refused.add(() -> notFound(as(team.otherParent).header("If-Match", etag).body(Map.of("whatHelps", "X"))
                .patch(team.childPath()).then()));
        refused.add(() -> notFound(as(team.strangerTeacher).header("If-Match", etag)
                .body(Map.of("preferredName", "X")).patch(team.childPath()).then()));
        assertAll(refused);
        as(team.admin).get(team.childPath()).then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("displayName", equalTo("Arjun Sharma"))
                .body("preferredName", nullValue())
                .body("whatHelps", nullValue());

        as(team.parent).header("If-Match", etag)
                .body(Map.of("communication", Map.of("modes", List.of("PICTURES", "GESTURES"), "notes", "Give time"),
                        "whatHelps", "Counting down from five", "celebrateWith", "High fives"))
                .patch(team.childPath()).then().statusCode(200)
                .body("communication.modes", equalTo(List.of("PICTURES", "GESTURES")))
                .body("communication.notes", equalTo("Give time"))
                .body("whatHelps", equalTo("Counting down from five"))
                .body("celebrateWith", equalTo("High fives"))
                .body("capacity", equalTo("parent"));
    }

    @Test
    void onlyAnAdminArchivesAChild() {
        CareTeam team = new CareTeam();
        List<Executable> checks = new ArrayList<>();
        for (TestUser member : List.of(team.teacher, team.para, team.therapist, team.parent)) {
            checks.add(() -> forbidden(as(member).delete(team.childPath()).then()));
        }
        for (TestUser stranger : team.strangers()) {
            checks.add(() -> notFound(as(stranger).delete(team.childPath()).then()));
        }
        assertAll(checks);
        as(team.teacher).get(team.childPath()).then().statusCode(200).body("archivedAt", nullValue());

        as(team.admin).delete(team.childPath()).then().statusCode(204);
        as(team.admin).get(team.childPath()).then().statusCode(200).body("archivedAt", notNullValue());
    }

    @Test
    void adminAndTeacherManageTheTeamButParaTherapistAndParentGet403() {
        CareTeam team = new CareTeam();
        List<Executable> checks = new ArrayList<>();
        for (TestUser member : List.of(team.para, team.therapist, team.parent)) {
            checks.add(() -> forbidden(as(member)
                    .body(Map.of("subject", "s-" + UUID.randomUUID(), "role", "parent", "relationship", "aunt"))
                    .post(team.childPath() + "/team").then()));
            checks.add(() -> forbidden(as(member).delete(team.childPath() + "/team/" + team.teacherMembership).then()));
        }
        for (TestUser stranger : team.strangers()) {
            checks.add(() -> notFound(as(stranger)
                    .body(Map.of("subject", "s-" + UUID.randomUUID(), "role", "parent", "relationship", "aunt"))
                    .post(team.childPath() + "/team").then()));
            checks.add(() -> notFound(as(stranger).delete(team.childPath() + "/team/" + team.paraMembership).then()));
        }
        assertAll(checks);
        as(team.admin).get(team.childPath() + "/team").then().body("items.size()", equalTo(4));

        for (TestUser manager : List.of(team.admin, team.teacher)) {
            TestUser newcomer = Tokens.newUser("therapist");
            String membership = Api.addMember(manager, team.childId, newcomer, "therapist", "OT");
            as(newcomer).get(team.childPath()).then().statusCode(200).body("capacity", equalTo("therapist"));
            as(manager).delete(team.childPath() + "/team/" + membership).then().statusCode(204);
            notFound(as(newcomer).get(team.childPath()).then());
        }
    }

    @Test
    void accessLogIsForAdminsAndParentsOnly() {
        CareTeam team = new CareTeam();
        List<Executable> checks = new ArrayList<>();
        for (TestUser member : List.of(team.teacher, team.para, team.therapist)) {
            checks.add(() -> forbidden(as(member).get(team.childPath() + "/access-log").then()));
        }
        for (TestUser reader : List.of(team.admin, team.parent)) {
            checks.add(() -> as(reader).get(team.childPath() + "/access-log").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.greaterThan(0)));
        }
        for (TestUser stranger : team.strangers()) {
            checks.add(() -> notFound(as(stranger).get(team.childPath() + "/access-log").then()));
        }
        assertAll(checks);
    }

    @Test
    void aMembershipCountsOnlyWhileTheTokenCarriesItsRole() {
        CareTeam team = new CareTeam();
        // Added as teacher, but this token says parent only: the membership does not apply.
        TestUser teacherAsParent = team.teacher.withRoles("parent");
        notFound(as(teacherAsParent).get(team.childPath()).then());
        notFound(as(teacherAsParent).get(team.childPath() + "/team").then());
        notFound(as(teacherAsParent).get(team.childPath() + "/access-log").then());
        notFound(as(teacherAsParent).header("If-Match", "*").body(Map.of("whatHelps", "x"))
                .patch(team.childPath()).then());
        as(teacherAsParent).get(BASE + "/children?limit=100").then().statusCode(200)
                .body("items.id", not(hasItem(team.childId)));
        as(teacherAsParent).get(BASE + "/me").then().statusCode(200)
                .body("children.childId", not(hasItem(team.childId)));

        // With the role back in the token, the same person sees the child again.
        as(team.teacher.withRoles("parent", "teacher")).get(team.childPath()).then().statusCode(200)
                .body("capacity", equalTo("teacher"));
        as(team.teacher).get(team.childPath()).then().statusCode(200);
    }

    @Test
    void anAdminSeesEveryChildWithoutBeingOnItsTeam() {
        CareTeam team = new CareTeam();
        TestUser anotherAdmin = Tokens.newUser("admin");
        as(anotherAdmin).get(team.childPath()).then().statusCode(200).body("capacity", equalTo("admin"));
        as(anotherAdmin).get(team.childPath() + "/access-log").then().statusCode(200);
        // A teacher on the team who is also an admin acts as admin.
        TestUser teacherAndAdmin = team.teacher.withRoles("teacher", "admin");
        as(teacherAndAdmin).get(team.childPath()).then().statusCode(200).body("capacity", equalTo("admin"));
    }

    @Test
    void onlyParentsWriteTheWinJournal() {
        CareTeam team = new CareTeam();
        String journal = team.childPath() + "/journal";
        List<Executable> checks = new ArrayList<>();
        for (TestUser member : List.of(team.admin, team.teacher, team.para, team.therapist)) {
            checks.add(() -> forbidden(as(member).body(Map.of("text", "Sorted the shapes")).post(journal).then(),
                    "The win journal is written by the child's parents"));
        }
        for (TestUser stranger : team.strangers()) {
            checks.add(() -> notFound(as(stranger).body(Map.of("text", "Sorted the shapes")).post(journal).then()));
        }
        assertAll(checks);
        as(team.teacher).get(journal).then().statusCode(200).body("items.size()", equalTo(0));

        as(team.parent).body(Map.of("text", "Said \"blue\" at the sky", "support", "I waited"))
                .post(journal).then().statusCode(201)
                .body("source", equalTo("JOURNAL"))
                .body("author.capacity", equalTo("parent"));
        as(team.teacher).get(journal).then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void onlyAnAdminDeletesAnObservationSomeoneElseRecorded() {
        CareTeam team = new CareTeam();
        String path = observationsPath(team.childId) + "/" + recordWin(team.para, team, "Asked for help");
        List<Executable> checks = new ArrayList<>();
        for (TestUser member : List.of(team.teacher, team.therapist, team.parent)) {
            checks.add(() -> forbidden(as(member).delete(path).then(),
                    "Only the author or an admin deletes an observation"));
        }
        for (TestUser stranger : team.strangers()) {
            checks.add(() -> notFound(as(stranger).delete(path).then()));
        }
        assertAll(checks);
        as(team.para).get(path).then().statusCode(200);

        as(team.admin).delete(path).then().statusCode(204);
        notFound(as(team.para).get(path).then());
    }

    @Test
    void onlyAnAdminReadsAMessagesEarlierVersions() {
        CareTeam team = new CareTeam();
        String messages = conversationsPath(team) + "/" + teamConversation(team, team.teacher) + "/messages";
        String message = messages + "/" + as(team.teacher).body(Map.of("body", "Arjun sorted shapes"))
                .post(messages).then().statusCode(201).extract().path("id");
        as(team.teacher).body(Map.of("body", "Arjun sorted the shapes by colour")).patch(message)
                .then().statusCode(200);
        List<Executable> checks = new ArrayList<>();
        for (TestUser member : List.of(team.teacher, team.para, team.therapist, team.parent)) {
            checks.add(() -> forbidden(as(member).get(message + "/history").then(),
                    "Only admins read a message's earlier versions"));
        }
        for (TestUser stranger : team.strangers()) {
            checks.add(() -> notFound(as(stranger).get(message + "/history").then()));
        }
        assertAll(checks);

        as(team.admin).get(message + "/history").then().statusCode(200)
                .body("items.body", contains("Arjun sorted shapes"));
    }

    static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:forbidden"))
                .body("status", equalTo(403))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", notNullValue());
    }

    /** A 403 that tells the caller why, in the sentence the API has always used. */
    static void forbidden(ValidatableResponse response, String detail) {
        forbidden(response);
        response.body("detail", equalTo(detail));
    }

    static void notFound(ValidatableResponse response) {
        response.statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:not-found"))
                .body("status", equalTo(404));
    }
}

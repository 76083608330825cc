package app.smallwins;

import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ExportApiTest {

    @Test
    void parentsAndAdminsExportTheWholeRecordOthersCannot() {
        CareTeam team = new CareTeam();
        String export = team.childPath() + "/export";
        anonymous().get(export).then().statusCode(401);
        as(team.otherParent).get(export).then().statusCode(404);
        as(team.strangerTeacher).get(export).then().statusCode(404);
        for (Tokens.TestUser staff : List.of(team.teacher, team.para, team.therapist)) {
            as(staff).get(export).then().statusCode(403);
        }
        as(team.admin).get(export).then().statusCode(200).body("child.id", equalTo(team.childId));
    }

    @Test
    void onlyThoseWhoManageTheTeamSeeInvitedEmailAddressesInTheExport() {
        CareTeam team = new CareTeam();
        String email = "invited-" + java.util.UUID.randomUUID() + "@example.test";
        app.smallwins.support.Api.invite(team.admin, team.childId, email, "parent");
        String export = team.childPath() + "/export";

        as(team.admin).get(export).then().statusCode(200)
                .body("team.invitedEmail", hasItem(email));
        // A parent exports the record but does not manage the team: as in GET .../team, no addresses.
        as(team.parent).get(export).then().statusCode(200)
                .body("team", hasSize(5))
                .body("team.invitedEmail", everyItem(nullValue()))
                .body(not(containsString(email)));
        as(team.parent).get(team.childPath() + "/team").then().statusCode(200)
                .body("items.invitedEmail", everyItem(nullValue()));
    }

    @Test
    void exportHoldsGoalsWithHistoryEveryObservationAndTheTeamConversation() {
        CareTeam team = new CareTeam();
        String goalId = as(team.teacher).body(Map.of("title", "Identify basic colours", "domain", "ACADEMIC"))
                .post(team.childPath() + "/goals").then().statusCode(201).extract().path("id");
        String etag = as(team.teacher).get(team.childPath() + "/goals/" + goalId).then().extract().header("ETag");
        as(team.teacher).header("If-Match", etag).body(Map.of("status", "MET"))
                .patch(team.childPath() + "/goals/" + goalId).then().statusCode(200);
        String kept = as(team.parent).body(Map.of("text", "Said 'blue'", "goalId", goalId))
                .post(team.childPath() + "/journal").then().statusCode(201).extract().path("id");
        String removed = as(team.para).body(Map.of("kind", "NOTE", "text", "Typo", "setting", "CLASSROOM"))
                .post(team.childPath() + "/observations").then().statusCode(201).extract().path("id");
        as(team.para).delete(team.childPath() + "/observations/" + removed).then().statusCode(204);
        String conversation = as(team.teacher).get(team.childPath() + "/conversations").then().statusCode(200)
                .extract().path("items[0].id");
        as(team.teacher).body(Map.of("body", "Great day"))
                .post(team.childPath() + "/conversations/" + conversation + "/messages").then().statusCode(201);

        JsonPath doc = as(team.parent).get(team.childPath() + "/export").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"child-" + team.childId + ".json\"")
                .body("exportedBy.capacity", equalTo("parent"))
                .body("child.displayName", equalTo("Arjun Sharma"))
                .body("team", hasSize(4))
                .body("goals", hasSize(1))
                .body("goals[0].goal.status", equalTo("MET"))
                .body("goals[0].history.revision", equalTo(List.of(2, 1)))
                .body("observations", hasSize(2))
                .body("teamMessages.body", hasItem("Great day"))
                .extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertNull(
                doc.get("observations.find { it.observation.id == '" + kept + "' }.deletedAt"));
        org.junit.jupiter.api.Assertions.assertNotNull(
                doc.get("observations.find { it.observation.id == '" + removed + "' }.deletedAt"));

        as(team.admin).get(team.childPath() + "/access-log").then().statusCode(200)
                .body("items.action", hasItem("record.export"));
    }
}

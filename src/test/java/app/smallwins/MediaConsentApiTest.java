package app.smallwins;

import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.EventStreams;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The family's consent to photos and videos: set by parents and admins, read by the team, every change kept. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MediaConsentApiTest {

    private static String consent(CareTeam team) {
        return team.childPath() + "/media-consent";
    }

    @Test
    void aNewRecordHasNoConsentUntilAParentGivesItAndEveryChangeIsKept() {
        CareTeam team = new CareTeam();
        String parentId = as(team.parent).get("/api/v1/me").then().extract().path("id");
        String first = as(team.para).get(consent(team)).then().statusCode(200)
                .body("consent", equalTo("NONE"))
                .body("allowSharingOutsideTeam", equalTo(false))
                .body("changedBy", nullValue())
                .extract().path("id");
        String given;
        try (EventStreams.Stream para = EventStreams.open(team.para)) {
            given = as(team.parent).body(Map.of("consent", "TEAM")).put(consent(team)).then().statusCode(200)
                    .body("consent", equalTo("TEAM"))
                    .body("changedBy.id", equalTo(parentId))
                    .body("changedBy.capacity", equalTo("parent"))
                    .extract().path("id");
            // The team hears of it as it happens, like every change of the record.
            para.expect("media-consent.changed", "childId", team.childId);
        }
        // The same answer again is not a change.
        as(team.parent).body(Map.of("consent", "TEAM", "allowSharingOutsideTeam", false)).put(consent(team)).then()
                .statusCode(200).body("id", equalTo(given));
        for (Tokens.TestUser member : team.everyone()) {
            as(member).get(consent(team)).then().statusCode(200).body("consent", equalTo("TEAM"));
        }
        String withdrawn = as(team.admin).body(Map.of("consent", "NONE")).put(consent(team)).then().statusCode(200)
                .body("changedBy.capacity", equalTo("admin")).extract().path("id");
        as(team.teacher).get(consent(team) + "/history").then().statusCode(200)
                .body("items.id", contains(withdrawn, given, first))
                .body("items.consent", contains("NONE", "TEAM", "NONE"))
                .body("nextCursor", nullValue());
        as(team.parent).get(team.childPath() + "/access-log").then().statusCode(200)
                .body("items.action", hasItem("media-consent.update"));
    }

    @Test
    void onlyParentsAndAdminsSetItAndBadAnswersChangeNothing() {
        CareTeam team = new CareTeam();
        for (Tokens.TestUser staff : List.of(team.teacher, team.para, team.therapist)) {
            as(staff).body(Map.of("consent", "TEAM")).put(consent(team)).then().statusCode(403);
        }
        for (Tokens.TestUser stranger : team.strangers()) {
            as(stranger).body(Map.of("consent", "TEAM")).put(consent(team)).then().statusCode(404);
            as(stranger).get(consent(team)).then().statusCode(404);
            as(stranger).get(consent(team) + "/history").then().statusCode(404);
        }
        anonymous().body(Map.of("consent", "TEAM")).put(consent(team)).then().statusCode(401);
        anonymous().get(consent(team)).then().statusCode(401);
        anonymous().get(consent(team) + "/history").then().statusCode(401);
        as(team.parent).body(Map.of("consent", "NONE", "allowSharingOutsideTeam", true)).put(consent(team)).then()
                .statusCode(422);
        as(team.parent).body(Map.of("consent", "MAYBE")).put(consent(team)).then().statusCode(400);
        as(team.parent).body(Map.of()).put(consent(team)).then().statusCode(400);
        as(team.parent).get(consent(team) + "/history").then().statusCode(200)
                .body("items.consent", contains("NONE"));
    }
}

package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ChildrenApiTest {

    @Test
    void teamMembersReadTheChildAndStrangersGet404() {
        CareTeam team = new CareTeam();
        for (var member : new app.smallwins.support.Tokens.TestUser[] { team.teacher, team.para, team.therapist,
                team.parent, team.admin }) {
            as(member).get(team.childPath()).then().statusCode(200)
                    .body("id", equalTo(team.childId))
                    .body("displayName", equalTo("Arjun Sharma"))
                    .header("ETag", notNullValue());
        }
        as(team.otherParent).get(team.childPath()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smallwins:problem:not-found"));
        as(team.strangerTeacher).get(team.childPath()).then().statusCode(404);
        anonymous().get(team.childPath()).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void listShowsOnlyWhatTheCallerMaySee() {
        CareTeam team = new CareTeam();
        as(team.parent).get(BASE + "/children?limit=100").then().statusCode(200)
                .body("items.id", hasItem(team.childId))
                .body("items.id", not(hasItem(team.otherChildId)));
        as(team.otherParent).get(BASE + "/me").then().statusCode(200)
                .body("children.childId", containsInAnyOrder(team.otherChildId))
                .body("roles", containsInAnyOrder("parent"));
    }

    @Test
    void parentMayEditOnlyTheSupportProfile() {
        CareTeam team = new CareTeam();
        String etag = as(team.parent).get(team.childPath()).then().statusCode(200).extract().header("ETag");
        as(team.parent).header("If-Match", etag).body(Map.of("displayName", "X"))
                .patch(team.childPath()).then().statusCode(403);
        as(team.parent).header("If-Match", etag).body(Map.of("whatHelps", "Counting down from five"))
                .patch(team.childPath()).then().statusCode(200).body("whatHelps", equalTo("Counting down from five"));
        as(team.teacher).header("If-Match", etag).body(Map.of("preferredName", "AJ"))
                .patch(team.childPath()).then().statusCode(412);
    }
}

package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MeApiTest {

    @Test
    void meNamesTheCallerTheirRolesAndTheirChildrenWithCapacity() {
        CareTeam team = new CareTeam();
        as(team.otherParent).header("If-Match", "*").body(Map.of("whatHelps", "x"))
                .patch(Api.childPath(team.otherChildId)).then().statusCode(200);
        as(team.teacher).get(BASE + "/me").then().statusCode(200)
                .contentType("application/json")
                .body("id", notNullValue())
                .body("name", equalTo("Name of " + team.teacher.subject()))
                .body("username", equalTo(team.teacher.subject()))
                .body("email", equalTo(team.teacher.email()))
                .body("roles", equalTo(List.of("teacher")))
                .body("children.size()", equalTo(1))
                .body("children[0].childId", equalTo(team.childId))
                .body("children[0].displayName", equalTo("Arjun Sharma"))
                .body("children[0].capacity", equalTo("teacher"))
                .body("moreChildren", equalTo(false));
    }

    @Test
    void aPersonOnSeveralTeamsSeesEachChildInItsOwnCapacity() {
        CareTeam team = new CareTeam();
        // The class teacher is also a parent of the other child, and the token carries both roles.
        Api.addMember(team.admin, team.otherChildId, team.teacher.withRoles("teacher", "parent"), "parent",
                "mother");
        Tokens.TestUser both = team.teacher.withRoles("teacher", "parent");
        as(both).get(BASE + "/me").then().statusCode(200)
                .body("roles", containsInAnyOrder("teacher", "parent"))
                .body("children.childId", containsInAnyOrder(team.childId, team.otherChildId))
                .body("children.find { it.childId == '" + team.childId + "' }.capacity", equalTo("teacher"))
                .body("children.find { it.childId == '" + team.otherChildId + "' }.capacity", equalTo("parent"));
        // With only the teacher role in the token, the parent membership does not count.
        as(team.teacher).get(BASE + "/me").then()
                .body("children.childId", equalTo(List.of(team.childId)));
    }

    @Test
    void aUserWithNoTeamSeesAnEmptyList() {
        for (String role : List.of("teacher", "para", "therapist", "parent")) {
            as(Tokens.newUser(role)).get(BASE + "/me").then().statusCode(200)
                    .body("roles", equalTo(List.of(role)))
                    .body("children", equalTo(List.of()))
                    .body("moreChildren", equalTo(false));
        }
    }

    @Test
    void anAdminSeesEveryActiveChildAsAdmin() {
        CareTeam team = new CareTeam();
        as(team.admin).get(BASE + "/me").then().statusCode(200)
                .body("roles", equalTo(List.of("admin")))
                .body("children.childId", hasItem(team.childId))
                .body("children.childId", hasItem(team.otherChildId))
                .body("children.capacity", org.hamcrest.Matchers.everyItem(equalTo("admin")));
    }

    @Test
    void profileClaimsFollowTheLatestToken() {
        Tokens.TestUser parent = Tokens.newUser("parent");
        String id = Api.userIdOf(parent);
        Tokens.TestUser renamed = parent.withEmail("new-" + parent.email(), true);
        as(renamed).get(BASE + "/me").then().statusCode(200)
                .body("id", equalTo(id))
                .body("email", equalTo(renamed.email()));
    }
}

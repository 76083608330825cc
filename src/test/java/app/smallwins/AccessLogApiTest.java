package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import io.restassured.path.json.JsonPath;

/** Every read and change of a child's record by a person is in that child's access log. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AccessLogApiTest {

    @Test
    void creatingAChildAndBuildingItsTeamAreLogged() {
        CareTeam team = new CareTeam();
        JsonPath log = log(team.admin, team);
        String adminId = Api.userIdOf(team.admin);
        String teacherId = Api.userIdOf(team.teacher);

        Map<String, Object> create = entry(log, "child.create", adminId);
        assertThat(create.get("capacity"), equalTo("admin"));
        assertThat(create.get("targetType"), equalTo("CHILD"));
        assertThat(create.get("targetId"), equalTo(team.childId));

        Map<String, Object> addTeacher = entry(log, "team.add", adminId);
        assertThat(addTeacher.get("targetId"), equalTo(team.teacherMembership));
        assertThat(addTeacher.get("targetType"), equalTo("MEMBERSHIP"));
        List<String> addedByTeacher = log.getList("items.findAll { it.action == 'team.add' && it.actor.id == '"
                + teacherId + "' }.targetId");
        assertThat(addedByTeacher.size(), equalTo(3));
        assertThat(log.getList("items.findAll { it.actor.id == '" + teacherId + "' }.capacity"),
                everyItem(equalTo("teacher")));
    }

    @Test
    void readsUpdatesAndTeamChangesLeaveEntriesWithActorAndCapacity() {
        CareTeam team = new CareTeam();
        String paraId = Api.userIdOf(team.para);
        String therapistId = Api.userIdOf(team.therapist);
        String teacherId = Api.userIdOf(team.teacher);

        as(team.para).get(team.childPath()).then().statusCode(200);
        as(team.para).get(team.childPath() + "/team").then().statusCode(200);
        as(team.therapist).header("If-Match", "*").body(Map.of("whatHelps", "Visual timer"))
                .patch(team.childPath()).then().statusCode(200);
        String membership = Api.addMember(team.teacher, team.childId, Tokens.newUser("para"), "para", "lunch");
        as(team.teacher).delete(team.childPath() + "/team/" + membership).then().statusCode(204);

        JsonPath log = log(team.parent, team);
        Map<String, Object> read = entry(log, "child.read", paraId);
        assertThat(read.get("capacity"), equalTo("para"));
        assertThat(read.get("targetId"), equalTo(team.childId));
        assertThat(entry(log, "team.list", paraId).get("capacity"), equalTo("para"));
        Map<String, Object> update = entry(log, "child.update", therapistId);
        assertThat(update.get("capacity"), equalTo("therapist"));
        assertThat(update.get("targetId"), equalTo(team.childId));
        assertThat(entry(log, "team.add", teacherId, membership).get("capacity"), equalTo("teacher"));
        assertThat(entry(log, "team.remove", teacherId, membership).get("capacity"), equalTo("teacher"));
        assertThat(((Map<?, ?>) read.get("actor")).get("name"), equalTo("Name of " + team.para.subject()));

        // Newest first: the removal came after the addition.
        List<String> actions = log.getList("items.findAll { it.targetId == '" + membership
                + "' && !it.action.endsWith('.read') }.action");
        assertThat(actions, contains("team.remove", "team.add"));
    }

    @Test
    void readingTheLogIsLoggedAndArchivingIsLogged() {
        CareTeam team = new CareTeam();
        String parentId = Api.userIdOf(team.parent);
        log(team.parent, team);
        JsonPath log = log(team.admin, team);
        assertThat(entry(log, "access-log.read", parentId).get("capacity"), equalTo("parent"));

        as(team.admin).delete(team.childPath()).then().statusCode(204);
        log = log(team.admin, team);
        assertThat(entry(log, "child.archive", Api.userIdOf(team.admin)).get("capacity"), equalTo("admin"));
    }

    @Test
    void rejectedRequestsLeaveNoChangeEntries() {
        CareTeam team = new CareTeam();
        String etag = Api.etagOf(team.teacher, team.childId);
        as(team.teacher).header("If-Match", etag).body(Map.of("whatHelps", "x")).patch(team.childPath())
                .then().statusCode(200);
        as(team.teacher).header("If-Match", etag).body(Map.of("whatHelps", "stale")).patch(team.childPath())
                .then().statusCode(412);
        as(team.para).header("If-Match", "*").body(Map.of("whatHelps", "para")).patch(team.childPath())
                .then().statusCode(403);
        JsonPath log = log(team.admin, team);
        assertThat(log.getList("items.findAll { it.action == 'child.update' }").size(), equalTo(1));
    }

    @Test
    void entriesOfOneChildNeverShowForAnother() {
        CareTeam team = new CareTeam();
        as(team.otherParent).get(Api.childPath(team.otherChildId)).then().statusCode(200);
        as(team.parent).get(team.childPath()).then().statusCode(200);

        JsonPath mine = log(team.admin, team);
        JsonPath other = new JsonPath(as(team.admin).queryParam("limit", 100)
                .get(Api.childPath(team.otherChildId) + "/access-log").then().statusCode(200).extract().asString());

        List<String> myTargets = mine.getList("items.targetId");
        List<String> otherTargets = other.getList("items.targetId");
        assertThat(myTargets, not(hasItem(team.otherChildId)));
        assertThat(otherTargets, not(hasItem(team.childId)));
        List<String> mineIds = mine.getList("items.id");
        for (String id : other.<String>getList("items.id")) {
            assertThat(mineIds, not(hasItem(id)));
        }
        String otherParentId = Api.userIdOf(team.otherParent);
        assertThat(mine.getList("items.actor.id"), not(hasItem(otherParentId)));
        assertThat(other.getList("items.actor.id"), hasItem(otherParentId));
        // The other child's parent cannot read this child's log at all.
        as(team.otherParent).get(team.childPath() + "/access-log").then().statusCode(404);
    }

    @Test
    void everyEntryCarriesTheFieldsClientsRelyOn() {
        CareTeam team = new CareTeam();
        JsonPath log = log(team.parent, team);
        assertThat(log.getList("items.id"), everyItem(notNullValue()));
        assertThat(log.getList("items.at"), everyItem(notNullValue()));
        assertThat(log.getList("items.actor.id"), everyItem(notNullValue()));
        assertThat(log.getList("items.actor.name"), everyItem(notNullValue()));
        assertThat(log.getList("items.capacity"), everyItem(notNullValue()));
        assertThat(log.getList("items.action"), everyItem(notNullValue()));
    }

    private static JsonPath log(Tokens.TestUser reader, CareTeam team) {
        return new JsonPath(as(reader).queryParam("limit", 100).get(team.childPath() + "/access-log")
                .then().statusCode(200).extract().asString());
    }

    private static Map<String, Object> entry(JsonPath log, String action, String actorId) {
        Map<String, Object> found = log.getMap("items.find { it.action == '" + action + "' && it.actor.id == '"
                + actorId + "' }");
        assertThat("an entry " + action + " by " + actorId + " in " + log.prettify(), found, notNullValue());
        return found;
    }

    private static Map<String, Object> entry(JsonPath log, String action, String actorId, String targetId) {
        Map<String, Object> found = log.getMap("items.find { it.action == '" + action + "' && it.actor.id == '"
                + actorId + "' && it.targetId == '" + targetId + "' }");
        assertThat("an entry " + action + " on " + targetId + " in " + log.prettify(), found, notNullValue());
        return found;
    }
}

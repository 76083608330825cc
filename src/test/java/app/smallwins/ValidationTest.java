package app.smallwins;

import static app.smallwins.PermissionTableTest.notFound;
import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.PROBLEM_JSON;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Api.etagOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** Bad input gets a clear 400 naming the offending field, and changes nothing. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ValidationTest {

    private static final String FUTURE = LocalDate.now().plusDays(2).toString();

    @Test
    void invalidNewChildrenGet400NamingTheFieldAndNothingIsCreated() {
        Tokens.TestUser admin = Tokens.newUser("admin");
        List<String> before = Api.visibleChildIds(admin);
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("displayName", Map.of("displayName", "   "));
        cases.put("displayName ", Map.of("preferredName", "No display name"));
        cases.put("displayName  ", Map.of("displayName", "x".repeat(121)));
        cases.put("preferredName", Map.of("displayName", "A", "preferredName", "x".repeat(121)));
        cases.put("whatHelps", Map.of("displayName", "A", "whatHelps", "x".repeat(4001)));
        cases.put("celebrateWith", Map.of("displayName", "A", "celebrateWith", "x".repeat(2001)));
        cases.put("communication.notes", Map.of("displayName", "A", "communication", Map.of("notes", "x".repeat(2001))));
        cases.put("timeZone", Map.of("displayName", "A", "timeZone", "Mars/Olympus_Mons"));
        cases.put("timeZone ", Map.of("displayName", "A", "timeZone", "x".repeat(65)));
        cases.put("dateOfBirth", Map.of("displayName", "A", "dateOfBirth", FUTURE));
        cases.put("dateOfBirth ", Map.of("displayName", "A", "dateOfBirth", "14/03/2019"));
        cases.put("nickname", Map.of("displayName", "A", "nickname", "AJ"));
        cases.put("communication.modes[1]",
                Map.of("displayName", "A", "communication", Map.of("modes", List.of("SPEECH", "TELEPATHY"))));
        cases.put("communication.colour", Map.of("displayName", "A", "communication", Map.of("colour", "blue")));
        List<Executable> checks = new ArrayList<>();
        cases.forEach((field, body) -> checks.add(
                () -> assertInvalid(as(admin).body(body).post(BASE + "/children"), field.strip())));
        assertAll(checks);
        assertThat(Api.visibleChildIds(admin), equalTo(before));
    }

    @Test
    void malformedOrMissingBodiesGet400AndNothingIsCreated() {
        Tokens.TestUser admin = Tokens.newUser("admin");
        List<String> before = Api.visibleChildIds(admin);
        for (String body : List.of("{\"displayName\": ", "{\"displayName\": \"A\"", "{displayName: 'A'}",
                "{\"displayName\": \"A\",}", "[]", "\"Arjun\"")) {
            as(admin).body(body).post(BASE + "/children").then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(400))
                    .body("type", equalTo("urn:smallwins:problem:malformed"))
                    .body("title", equalTo("Malformed request body"))
                    .body("detail", notNullValue());
        }
        assertInvalid(as(admin).body("").post(BASE + "/children"), "body");
        assertThat(Api.visibleChildIds(admin), equalTo(before));
    }

    @Test
    void invalidPatchesGet400AndChangeNothing() {
        CareTeam team = new CareTeam();
        String etag = etagOf(team.teacher, team.childId);
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("displayName", null);
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("displayName", Map.of("displayName", " "));
        cases.put("displayName ", nullName);
        cases.put("displayName  ", Map.of("displayName", "x".repeat(121)));
        cases.put("preferredName", Map.of("preferredName", "x".repeat(121)));
        cases.put("whatHelps", Map.of("whatHelps", "x".repeat(4001), "preferredName", "fine"));
        cases.put("celebrateWith", Map.of("celebrateWith", "x".repeat(2001)));
        cases.put("timeZone", Map.of("timeZone", "Europe/Atlantis"));
        cases.put("dateOfBirth", Map.of("dateOfBirth", FUTURE));
        cases.put("favouriteColour", Map.of("favouriteColour", "blue"));
        cases.put("communication.modes[0]", Map.of("communication", Map.of("modes", List.of("TELEPATHY"))));
        cases.put("communication.notes", Map.of("communication", Map.of("notes", "x".repeat(2001))));
        cases.put("communication.tone", Map.of("communication", Map.of("tone", "calm")));
        cases.put("communication.modes", Map.of("communication", Map.of("modes", List.of("SPEECH", "SIGN",
                "PICTURES", "GESTURES", "WRITING", "OTHER", "AAC_DEVICE", "SPEECH"))));
        List<Executable> checks = new ArrayList<>();
        cases.forEach((field, body) -> checks.add(() -> assertInvalid(
                as(team.teacher).header("If-Match", etag).body(body).patch(team.childPath()), field.strip())));
        checks.add(() -> as(team.teacher).header("If-Match", etag).body("{\"whatHelps\": ").patch(team.childPath())
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:malformed")));
        assertAll(checks);
        as(team.teacher).get(team.childPath()).then()
                .header("ETag", equalTo(etag))
                .body("displayName", equalTo("Arjun Sharma"))
                .body("preferredName", nullValue())
                .body("whatHelps", nullValue())
                .body("timeZone", equalTo("UTC"));
    }

    @Test
    void invalidTeamMembersGet400NamingTheFieldAndNothingIsAdded() {
        CareTeam team = new CareTeam();
        String subject = Tokens.newUser("parent").subject();
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("role", Map.of("subject", subject, "role", "wizard", "relationship", "x"));
        cases.put("role ", Map.of("subject", subject, "role", "admin", "relationship", "x"));
        cases.put("role  ", Map.of("subject", subject, "role", "PARENT", "relationship", "x"));
        cases.put("role   ", Map.of("subject", subject, "relationship", "x"));
        cases.put("email", Map.of("subject", subject, "email", "both@example.test", "role", "parent",
                "relationship", "x"));
        cases.put("email ", Map.of("role", "parent", "relationship", "x"));
        cases.put("email  ", Map.of("email", "not-an-email", "role", "parent", "relationship", "x"));
        cases.put("email   ", Map.of("email", "a".repeat(250) + "@example.test", "role", "parent",
                "relationship", "x"));
        cases.put("subject", Map.of("subject", "s".repeat(256), "role", "parent", "relationship", "x"));
        cases.put("relationship", Map.of("subject", subject, "role", "parent", "relationship", "  "));
        cases.put("relationship ", Map.of("subject", subject, "role", "parent"));
        cases.put("relationship  ", Map.of("subject", subject, "role", "parent", "relationship", "x".repeat(101)));
        cases.put("userId", Map.of("subject", subject, "role", "parent", "relationship", "x", "userId", "u"));
        List<Executable> checks = new ArrayList<>();
        cases.forEach((field, body) -> checks.add(
                () -> assertInvalid(as(team.admin).body(body).post(team.childPath() + "/team"), field.strip())));
        assertAll(checks);
        as(team.admin).get(team.childPath() + "/team").then().body("items.size()", equalTo(4));
        as(Tokens.newUser("parent").withRoles("parent")).get(BASE + "/me").then().statusCode(200);
    }

    @Test
    void limitOutsideOneToHundredGets400() {
        CareTeam team = new CareTeam();
        List<Executable> checks = new ArrayList<>();
        for (String path : List.of(BASE + "/children", team.childPath() + "/team", team.childPath() + "/access-log")) {
            for (String limit : List.of("0", "101", "-1")) {
                checks.add(() -> assertInvalid(as(team.admin).queryParam("limit", limit).get(path), "limit"));
            }
            checks.add(() -> as(team.admin).queryParam("limit", "100").get(path).then().statusCode(200));
            checks.add(() -> as(team.admin).queryParam("limit", "1").get(path).then().statusCode(200)
                    .body("items.size()", equalTo(1)));
        }
        assertAll(checks);
    }

    @Test
    void aCursorTheApiDidNotIssueGets400() {
        CareTeam team = new CareTeam();
        List<Executable> checks = new ArrayList<>();
        for (String path : List.of(BASE + "/children", team.childPath() + "/team", team.childPath() + "/access-log")) {
            for (String cursor : List.of("garbage!!", "Z2FyYmFnZQ", "bm90LWEtZGF0ZXxub3QtYS11dWlk")) {
                checks.add(() -> assertInvalid(as(team.admin).queryParam("cursor", cursor).get(path), "cursor"));
            }
        }
        assertAll(checks);
    }

    @Test
    void aPathIdThatIsNotAUuidGets404() {
        CareTeam team = new CareTeam();
        List<Executable> checks = new ArrayList<>();
        for (String bad : List.of("123", "not-a-uuid", "' or 1=1 --")) {
            String child = BASE + "/children/" + bad;
            checks.add(() -> notFound(as(team.admin).get(child).then()));
            checks.add(() -> notFound(as(team.admin).header("If-Match", "*").body(Map.of("whatHelps", "x"))
                    .patch(child).then()));
            checks.add(() -> notFound(as(team.admin).delete(child).then()));
            checks.add(() -> notFound(as(team.admin).get(child + "/team").then()));
            checks.add(() -> notFound(as(team.admin).get(child + "/access-log").then()));
            checks.add(() -> notFound(as(team.admin).delete(team.childPath() + "/team/" + bad).then()));
        }
        assertAll(checks);
    }

    @Test
    void anIdempotencyKeyThatIsNotVisibleAsciiGets400() {
        Tokens.TestUser admin = Tokens.newUser("admin");
        List<String> before = Api.visibleChildIds(admin);
        for (String key : List.of("x".repeat(256), "has space")) {
            assertInvalid(as(admin).header("Idempotency-Key", key).body(Map.of("displayName", "Keyed"))
                    .post(BASE + "/children"), "Idempotency-Key");
        }
        assertThat(Api.visibleChildIds(admin), equalTo(before));
    }

    /** 400 problem+json whose `errors` names the field. */
    static void assertInvalid(Response response, String field) {
        response.then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:validation"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("instance", notNullValue())
                .body("errors.field", hasItem(field))
                .body("errors.message", everyItem(notNullValue()));
    }
}

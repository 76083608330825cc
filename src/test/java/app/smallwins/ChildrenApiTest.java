package app.smallwins;

import static app.smallwins.PermissionTableTest.notFound;
import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.PROBLEM_JSON;
import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Api.etagOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ChildrenApiTest {

    @Test
    void teamMembersReadTheChildAndStrangersGet404() {
        CareTeam team = new CareTeam();
        for (var member : team.everyone()) {
            as(member).get(team.childPath()).then().statusCode(200)
                    .body("id", equalTo(team.childId))
                    .body("displayName", equalTo("Arjun Sharma"))
                    .header("ETag", notNullValue());
        }
        as(team.otherParent).get(team.childPath()).then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:not-found"));
        as(team.strangerTeacher).get(team.childPath()).then().statusCode(404);
        anonymous().get(team.childPath()).then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void listShowsOnlyWhatTheCallerMaySee() {
        CareTeam team = new CareTeam();
        as(team.parent).get(BASE + "/children?limit=100").then().statusCode(200)
                .body("items.id", hasItem(team.childId))
                .body("items.id", not(hasItem(team.otherChildId)))
                .body("items.find { it.id == '" + team.childId + "' }.capacity", equalTo("parent"));
        as(team.otherParent).get(BASE + "/me").then().statusCode(200)
                .body("children.childId", containsInAnyOrder(team.otherChildId))
                .body("roles", containsInAnyOrder("parent"));
    }

    @Test
    void creatingAChildAnswers201WithLocationEtagAndTheWholeProfile() {
        Tokens.TestUser admin = Tokens.newUser("admin");
        Map<String, Object> body = Map.of(
                "displayName", "  Arjun Sharma  ",
                "preferredName", "AJ",
                "dateOfBirth", "2019-03-14",
                "communication", Map.of("modes", List.of("SPEECH", "PICTURES", "SPEECH"), "notes", "Give him time"),
                "whatHelps", "A visual schedule",
                "celebrateWith", "High fives",
                "timeZone", "Europe/London");
        ExtractableResponse<Response> created = as(admin).body(body).post(BASE + "/children").then()
                .statusCode(201)
                .contentType("application/json")
                .header("ETag", equalTo("\"0\""))
                .header("Idempotent-Replayed", nullValue())
                .body("displayName", equalTo("Arjun Sharma"))
                .body("preferredName", equalTo("AJ"))
                .body("dateOfBirth", equalTo("2019-03-14"))
                .body("communication.modes", equalTo(List.of("SPEECH", "PICTURES")))
                .body("communication.notes", equalTo("Give him time"))
                .body("whatHelps", equalTo("A visual schedule"))
                .body("celebrateWith", equalTo("High fives"))
                .body("timeZone", equalTo("Europe/London"))
                .body("capacity", equalTo("admin"))
                .body("archivedAt", nullValue())
                .body("createdAt", notNullValue())
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        String location = java.net.URI.create(created.header("Location")).getPath();
        assertThat(location, equalTo("/api/v1/children/" + id));
        as(admin).get(location).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aChildCreatedWithOnlyANameGetsDefaults() {
        Tokens.TestUser admin = Tokens.newUser("admin");
        as(admin).body(Map.of("displayName", "Maya")).post(BASE + "/children").then().statusCode(201)
                .body("timeZone", equalTo("UTC"))
                .body("communication.modes", equalTo(List.of()))
                .body("communication.notes", nullValue())
                .body("preferredName", nullValue());
    }

    @Test
    void patchLeavesAbsentFieldsAloneAndNullClearsAField() {
        CareTeam team = new CareTeam();
        String etag = etagOf(team.teacher, team.childId);
        String etag2 = as(team.teacher).header("If-Match", etag)
                .body(Map.of("preferredName", "AJ", "whatHelps", "Quiet corner", "dateOfBirth", "2019-03-14",
                        "communication", Map.of("modes", List.of("AAC_DEVICE"), "notes", "Uses a talker")))
                .patch(team.childPath()).then().statusCode(200)
                .body("preferredName", equalTo("AJ"))
                .extract().header("ETag");

        Map<String, Object> clear = new HashMap<>();
        clear.put("preferredName", null);
        as(team.teacher).header("If-Match", etag2).body(clear)
                .patch(team.childPath()).then().statusCode(200)
                .body("preferredName", nullValue())
                .body("displayName", equalTo("Arjun Sharma"))
                .body("whatHelps", equalTo("Quiet corner"))
                .body("dateOfBirth", equalTo("2019-03-14"))
                .body("communication.modes", equalTo(List.of("AAC_DEVICE")))
                .body("communication.notes", equalTo("Uses a talker"));
        as(team.parent).get(team.childPath()).then()
                .body("preferredName", nullValue())
                .body("whatHelps", equalTo("Quiet corner"));
    }

    @Test
    void patchMergesIntoTheCommunicationProfileLikeAnyJsonObject() {
        CareTeam team = new CareTeam();
        as(team.parent).header("If-Match", "*")
                .body(Map.of("communication", Map.of("modes", List.of("SIGN", "PICTURES"), "notes", "Waits for a nod")))
                .patch(team.childPath()).then().statusCode(200);

        // RFC 7396: a nested object is merged, so sending only the modes keeps the notes.
        as(team.parent).header("If-Match", "*").body(Map.of("communication", Map.of("modes", List.of("SIGN"))))
                .patch(team.childPath()).then().statusCode(200)
                .body("communication.modes", equalTo(List.of("SIGN")))
                .body("communication.notes", equalTo("Waits for a nod"));

        Map<String, Object> clearNotes = new HashMap<>();
        clearNotes.put("notes", null);
        as(team.parent).header("If-Match", "*").body(Map.of("communication", clearNotes))
                .patch(team.childPath()).then().statusCode(200)
                .body("communication.modes", equalTo(List.of("SIGN")))
                .body("communication.notes", nullValue());

        Map<String, Object> clearAll = new HashMap<>();
        clearAll.put("communication", null);
        as(team.parent).header("If-Match", "*").body(clearAll)
                .patch(team.childPath()).then().statusCode(200)
                .body("communication.modes", equalTo(List.of()))
                .body("communication.notes", nullValue());
    }

    @Test
    void theEtagChangesWithEveryUpdateAndAStaleOneGets412AndChangesNothing() {
        CareTeam team = new CareTeam();
        String first = etagOf(team.teacher, team.childId);
        String second = as(team.teacher).header("If-Match", first).body(Map.of("whatHelps", "Visuals"))
                .patch(team.childPath()).then().statusCode(200)
                .body("whatHelps", equalTo("Visuals"))
                .extract().header("ETag");
        assertThat(second, not(equalTo(first)));
        assertThat(etagOf(team.parent, team.childId), equalTo(second));

        // The therapist still holds the first version: their change must not overwrite the teacher's.
        as(team.therapist).header("If-Match", first).body(Map.of("whatHelps", "Nothing", "preferredName", "X"))
                .patch(team.childPath()).then().statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:precondition-failed"));
        as(team.admin).get(team.childPath()).then()
                .header("ETag", equalTo(second))
                .body("whatHelps", equalTo("Visuals"))
                .body("preferredName", nullValue());

        as(team.therapist).header("If-Match", second).body(Map.of("whatHelps", "Visuals and timers"))
                .patch(team.childPath()).then().statusCode(200)
                .header("ETag", not(equalTo(second)));
    }

    @Test
    void concurrentPatchesWithTheSameEtagLetExactlyOneWin() throws Exception {
        CareTeam team = new CareTeam();
        String etag = etagOf(team.teacher, team.childId);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> futures = new java.util.ArrayList<>();
            for (Tokens.TestUser editor : List.of(team.teacher, team.therapist)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return as(editor).header("If-Match", etag)
                            .body(Map.of("whatHelps", "by " + editor.subject())).patch(team.childPath());
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            String winner = null;
            for (var future : futures) {
                Response response = future.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 200) {
                    winner = response.path("whatHelps");
                } else {
                    response.then().contentType(PROBLEM_JSON)
                            .body("type", equalTo("urn:smallwins:problem:precondition-failed"));
                }
            }
            java.util.Collections.sort(statuses);
            assertThat(statuses, equalTo(List.of(200, 412)));
            as(team.admin).get(team.childPath()).then().body("whatHelps", equalTo(winner))
                    .body("version", equalTo(1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void patchWithoutIfMatchGets428AndChangesNothing() {
        CareTeam team = new CareTeam();
        String etag = etagOf(team.teacher, team.childId);
        as(team.teacher).body(Map.of("whatHelps", "Never")).patch(team.childPath()).then()
                .statusCode(428)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:precondition-required"));
        as(team.teacher).get(team.childPath()).then().header("ETag", equalTo(etag)).body("whatHelps", nullValue());
    }

    @Test
    void ifMatchStarAndAWeakOrListedEtagAreAccepted() {
        CareTeam team = new CareTeam();
        as(team.teacher).header("If-Match", "*").body(Map.of("whatHelps", "One"))
                .patch(team.childPath()).then().statusCode(200).body("whatHelps", equalTo("One"));
        String etag = etagOf(team.teacher, team.childId);
        as(team.teacher).header("If-Match", "\"999\", " + etag).body(Map.of("whatHelps", "Two"))
                .patch(team.childPath()).then().statusCode(200).body("whatHelps", equalTo("Two"));
        String next = etagOf(team.teacher, team.childId);
        as(team.teacher).header("If-Match", "W/" + next).body(Map.of("whatHelps", "Three"))
                .patch(team.childPath()).then().statusCode(200).body("whatHelps", equalTo("Three"));
    }

    @Test
    void patchAcceptsTheMergePatchMediaType() {
        CareTeam team = new CareTeam();
        as(team.teacher).contentType("application/merge-patch+json").header("If-Match", "*")
                .body("{\"preferredName\": \"AJ\", \"celebrateWith\": null}")
                .patch(team.childPath()).then().statusCode(200)
                .body("preferredName", equalTo("AJ"))
                .body("celebrateWith", nullValue());
    }

    @Test
    void anArchivedChildLeavesEveryListAndOnlyAnAdminCanStillReadIt() {
        CareTeam team = new CareTeam();
        as(team.admin).delete(team.childPath()).then().statusCode(204);

        for (var person : team.everyone()) {
            as(person).get(BASE + "/children?limit=100").then().statusCode(200)
                    .body("items.id", not(hasItem(team.childId)));
            as(person).get(BASE + "/me").then().statusCode(200)
                    .body("children.childId", not(hasItem(team.childId)));
        }
        for (var member : List.of(team.teacher, team.para, team.therapist, team.parent)) {
            notFound(as(member).get(team.childPath()).then());
            notFound(as(member).get(team.childPath() + "/team").then());
            notFound(as(member).header("If-Match", "*").body(Map.of("whatHelps", "x"))
                    .patch(team.childPath()).then());
        }
        notFound(as(team.parent).get(team.childPath() + "/access-log").then());

        as(team.admin).get(team.childPath()).then().statusCode(200)
                .body("archivedAt", notNullValue())
                .body("displayName", equalTo("Arjun Sharma"));
        as(team.admin).get(team.childPath() + "/team").then().statusCode(200).body("items.size()", equalTo(4));
        as(team.admin).get(team.childPath() + "/access-log").then().statusCode(200)
                .body("items.action", hasItem("child.archive"));

        // The other child of the cast is untouched.
        as(team.otherParent).get(BASE + "/children").then().body("items.id", hasItem(team.otherChildId));
    }

    @Test
    void anArchivedChildCannotBeChangedAndArchivingAgainIsHarmless() {
        CareTeam team = new CareTeam();
        as(team.admin).delete(team.childPath()).then().statusCode(204);
        String archivedAt = as(team.admin).get(team.childPath()).then().extract().path("archivedAt");
        String etag = etagOf(team.admin, team.childId);

        as(team.admin).header("If-Match", etag).body(Map.of("whatHelps", "x"))
                .patch(team.childPath()).then().statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:conflict"));
        as(team.admin).body(Map.of("subject", Tokens.newUser("parent").subject(), "role", "parent",
                "relationship", "aunt")).post(team.childPath() + "/team").then().statusCode(409);
        as(team.admin).delete(team.childPath() + "/team/" + team.paraMembership).then().statusCode(409);

        as(team.admin).delete(team.childPath()).then().statusCode(204);
        as(team.admin).get(team.childPath()).then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("archivedAt", equalTo(archivedAt))
                .body("whatHelps", nullValue());
        as(team.admin).get(team.childPath() + "/team").then().body("items.id", hasItem(team.paraMembership));
    }

    @Test
    void anUnknownChildGets404ForAdminsToo() {
        Tokens.TestUser admin = Tokens.newUser("admin");
        String path = BASE + "/children/" + java.util.UUID.randomUUID();
        notFound(as(admin).get(path).then());
        notFound(as(admin).header("If-Match", "*").body(Map.of("whatHelps", "x")).patch(path).then());
        notFound(as(admin).delete(path).then());
        notFound(as(admin).get(path + "/team").then());
        notFound(as(admin).get(path + "/access-log").then());
    }

    @Test
    void limitThatIsNotAWholeNumberInRangeGets400NamingIt() {
        CareTeam team = new CareTeam();
        for (String limit : new String[] { "abc", "0", "101", "2.5" }) {
            as(team.parent).queryParam("limit", limit).get(team.childPath() + "/team").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        as(team.parent).queryParam("limit", "1").get(team.childPath() + "/team").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }
}

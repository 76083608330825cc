package app.smallwins;

import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.addMember;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Api.createChild;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Tokens;
import app.smallwins.support.Tokens.TestUser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** Cursor pagination: newest first, every row exactly once, nextCursor null on the last page. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class PaginationTest {

    @Test
    void adminPagesThroughChildrenNewestFirstWithoutDuplicatesOrGaps() {
        TestUser admin = Tokens.newUser("admin");
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(createChild(admin, "Paged child " + i));
        }
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);

        // Nothing is created after them, so they are the first five of the whole list.
        List<String> firstFive = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var request = as(admin).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.get(BASE + "/children").then().statusCode(200)
                    .body("items.size()", equalTo(2))
                    .body("nextCursor", notNullValue())
                    .extract().response();
            firstFive.addAll(response.path("items.id"));
            cursor = response.path("nextCursor");
        }
        assertThat(firstFive.subList(0, 5), equalTo(newestFirst));

        List<String> everything = Api.pageThrough(admin, BASE + "/children", 10);
        assertThat(new HashSet<>(everything), hasSize(everything.size()));
        assertThat(everything, equalTo(Api.pageThrough(admin, BASE + "/children", 100)));
        assertThat(everything.subList(0, 5), equalTo(newestFirst));
        assertNewestFirst(admin, BASE + "/children");
    }

    @Test
    void aMemberPagesThroughExactlyTheirChildren() {
        TestUser admin = Tokens.newUser("admin");
        TestUser teacher = Tokens.newUser("teacher");
        List<String> mine = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String child = createChild(admin, "Class child " + i);
            addMember(admin, child, teacher, "teacher", "class teacher");
            mine.add(0, child);
            createChild(admin, "Not in the class " + i);
        }
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(teacher).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.get(BASE + "/children").then().statusCode(200)
                    .body("items.size()", lessThanOrEqualTo(2))
                    .body("items.capacity", org.hamcrest.Matchers.everyItem(equalTo("teacher")))
                    .extract().response();
            paged.addAll(response.path("items.id"));
            cursor = response.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages, equalTo(3));
        assertThat(paged, equalTo(mine));
    }

    @Test
    void theLastFullPageHasNoNextCursor() {
        TestUser admin = Tokens.newUser("admin");
        TestUser parent = Tokens.newUser("parent");
        for (int i = 0; i < 4; i++) {
            addMember(admin, createChild(admin, "Sibling " + i), parent, "parent", "mother");
        }
        String cursor = as(parent).queryParam("limit", 2).get(BASE + "/children").then()
                .body("items.size()", equalTo(2)).extract().path("nextCursor");
        as(parent).queryParam("limit", 2).queryParam("cursor", cursor).get(BASE + "/children").then()
                .body("items.size()", equalTo(2))
                .body("nextCursor", nullValue());
        as(Tokens.newUser("parent")).get(BASE + "/children").then().statusCode(200)
                .body("items", equalTo(List.of()))
                .body("nextCursor", nullValue());
    }

    @Test
    void theTeamListPagesNewestFirst() {
        CareTeam team = new CareTeam();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            added.add(addMember(team.teacher, team.childId, Tokens.newUser("para"), "para", "para " + i));
        }
        List<String> expected = new ArrayList<>(List.of(team.teacherMembership, team.paraMembership,
                team.therapistMembership, team.parentMembership));
        expected.addAll(added);
        java.util.Collections.reverse(expected);

        List<String> paged = Api.pageThrough(team.parent, team.childPath() + "/team", 2);
        assertThat(paged, contains(expected.toArray()));
        assertNewestFirst(team.parent, team.childPath() + "/team");
    }

    @Test
    void theAccessLogPagesWithoutDuplicates() {
        CareTeam team = new CareTeam();
        for (int i = 0; i < 4; i++) {
            as(team.teacher).header("If-Match", "*").body(Map.of("whatHelps", "v" + i)).patch(team.childPath())
                    .then().statusCode(200);
        }
        List<String> all = Api.pageThrough(team.admin, team.childPath() + "/access-log", 100);
        List<String> paged = Api.pageThrough(team.admin, team.childPath() + "/access-log", 2);
        // The first walk's own read is now the newest entry; a walk never sees entries added behind it.
        assertThat(new HashSet<>(paged), hasSize(paged.size()));
        assertThat(paged, hasSize(all.size() + 1));
        assertThat(paged.subList(1, paged.size()), equalTo(all));
    }

    /** createdAt never increases from one item to the next. */
    private static void assertNewestFirst(TestUser user, String path) {
        List<String> stamps = as(user).queryParam("limit", 100).get(path).then().extract().path("items.createdAt");
        for (int i = 1; i < stamps.size(); i++) {
            Instant previous = Instant.parse(stamps.get(i - 1));
            Instant current = Instant.parse(stamps.get(i));
            assertThat(path + " item " + i, current.isAfter(previous), equalTo(false));
        }
    }
}

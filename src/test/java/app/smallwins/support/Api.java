package app.smallwins.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Small helpers to call the API as a given person and to build a child with a care team. */
public final class Api {

    public static final String BASE = "/api/v1";
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Text that must never reach a client: class names, packages, SQL, stack frames. */
    public static final List<String> LEAK_MARKERS = List.of("Exception", "org.", "java.", "SQL", "\tat ", "at app.");

    /**
     * Fails any test whose request got a body that leaks internals, so every response the
     * suite provokes is checked, not only the ones a test looks at.
     */
    public static final Filter NO_LEAKS = (request, response, context) -> {
        SentTexts.record(request); // for LogPrivacyTest: none of these texts may reach the log
        Response answer = context.next(request, response);
        assertNoLeak(request.getMethod() + " " + request.getURI(), answer.asString());
        return answer;
    };

    /**
     * Follows every Location the suite is given: a 201 must name the exact path of a GET that
     * answers 200 with the resource just created, as the same person sees it.
     */
    public static final Filter FOLLOWS_LOCATION = (request, response, context) -> {
        Response answer = context.next(request, response);
        if (answer.statusCode() == 201) {
            Locations.follow(request.getMethod() + " " + request.getURI(), request.getHeaders().getValue("Authorization"),
                    answer);
        }
        return answer;
    };

    private Api() {
    }

    public static void assertNoLeak(String where, String body) {
        for (String marker : LEAK_MARKERS) {
            if (body != null && body.contains(marker)) {
                throw new AssertionError(where + " answered a body containing \"" + marker + "\": " + body);
            }
        }
    }

    public static RequestSpecification as(Tokens.TestUser user) {
        return bearer(user.token());
    }

    public static RequestSpecification bearer(String token) {
        return given().filter(NO_LEAKS).filter(Contract.CONFORMS).filter(FOLLOWS_LOCATION)
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().filter(NO_LEAKS).filter(Contract.CONFORMS).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** Creates a child as the given admin and returns its id. */
    public static String createChild(Tokens.TestUser admin, String displayName) {
        return as(admin).body(Map.of("displayName", displayName))
                .post(BASE + "/children")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Adds a person by subject and returns the membership id. */
    public static String addMember(Tokens.TestUser manager, String childId, Tokens.TestUser member, String role,
            String relationship) {
        return as(manager).body(Map.of("subject", member.subject(), "role", role, "relationship", relationship))
                .post(BASE + "/children/" + childId + "/team")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Adds an e-mail invitation and returns the membership id. */
    public static String invite(Tokens.TestUser manager, String childId, String email, String role) {
        return as(manager).body(Map.of("email", email, "role", role, "relationship", "invited"))
                .post(BASE + "/children/" + childId + "/team")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static String childPath(String childId) {
        return BASE + "/children/" + childId;
    }

    /** The current ETag of a child, read by someone who may read it. */
    public static String etagOf(Tokens.TestUser reader, String childId) {
        return as(reader).get(childPath(childId)).then().statusCode(200).extract().header("ETag");
    }

    /** The caller's user id, as GET /me reports it. */
    public static String userIdOf(Tokens.TestUser user) {
        return as(user).get(BASE + "/me").then().statusCode(200).extract().path("id");
    }

    /** Every child id the caller may see, following nextCursor to the end (newest first). */
    public static List<String> visibleChildIds(Tokens.TestUser user) {
        return pageThrough(user, BASE + "/children", 100);
    }

    /** Follows nextCursor from the first page to the last and collects item ids in order. */
    public static List<String> pageThrough(Tokens.TestUser user, String path, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 10_000; pages++) {
            RequestSpecification request = as(user).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(path).then().statusCode(200).extract().response();
            List<String> items = page.path("items.id");
            ids.addAll(items);
            cursor = page.path("nextCursor");
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("pagination of " + path + " never ended");
    }
}

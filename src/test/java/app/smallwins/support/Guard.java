package app.smallwins.support;

import static app.smallwins.support.Problems.problem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One HTTP call of the API, replayed as different people to prove the access rules of
 * docs/product.md#roles-and-permissions: no token 401, a non-member 404 (the child's
 * existence is not revealed), a member without the permission 403.
 */
public final class Guard {

    private final String method;
    private final String path;
    private final Object body;
    private final Map<String, String> headers;

    private Guard(String method, String path, Object body, Map<String, String> headers) {
        this.method = method;
        this.path = path;
        this.body = body;
        this.headers = headers;
    }

    public static Guard get(String path) {
        return new Guard("GET", path, null, Map.of());
    }

    public static Guard post(String path, Object body) {
        return new Guard("POST", path, body, Map.of());
    }

    public static Guard patch(String path, Object body, String ifMatch) {
        return new Guard("PATCH", path, body, Map.of("If-Match", ifMatch));
    }

    public static Guard delete(String path) {
        return new Guard("DELETE", path, null, Map.of());
    }

    public Response as(Tokens.TestUser user) {
        return send(user == null ? Api.anonymous() : Api.as(user));
    }

    private Response send(RequestSpecification spec) {
        if (!headers.isEmpty()) {
            spec = spec.headers(headers);
        }
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        return spec.request(method, path);
    }

    /** No token: 401 with a challenge. */
    public Guard rejectsAnonymous() {
        as(null).then().spec(problem(401, "unauthorized")).header("WWW-Authenticate", notNullValue());
        return this;
    }

    /** A parent of another child and a teacher on no team: 404, as if the child did not exist. */
    public Guard hidesChildFromStrangers(CareTeam team) {
        as(team.otherParent).then().spec(problem(404, "not-found"));
        as(team.strangerTeacher).then().spec(problem(404, "not-found"));
        return this;
    }

    /** Members whose capacity lacks the permission: 403. */
    public Guard forbids(Tokens.TestUser... members) {
        for (Tokens.TestUser member : members) {
            as(member).then().spec(problem(403, "forbidden"));
        }
        return this;
    }

    /** The common trio for a child-scoped call: anonymous 401 and both kinds of stranger 404. */
    public Guard guardsChild(CareTeam team) {
        return rejectsAnonymous().hidesChildFromStrangers(team);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

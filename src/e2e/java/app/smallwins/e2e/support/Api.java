package app.smallwins.e2e.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls to the running app as a given person, and the catalogue of its operations. */
public final class Api {

    public static final String BASE = "/api/v1";
    public static final String PROBLEM_JSON = "application/problem+json";

    private Api() {
    }

    /** A request with this person's token from the apps' client. */
    public static RequestSpecification as(Person person) {
        return as(Keycloak.token(person));
    }

    public static RequestSpecification as(DemoUser user) {
        return as(user.person);
    }

    public static RequestSpecification as(AccessToken token) {
        return anonymous().auth().oauth2(token.raw());
    }

    public static RequestSpecification anonymous() {
        return given().baseUri(E2eSettings.current().appUrl()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String childPath(String childId) {
        return BASE + "/children/" + childId;
    }

    /** Opens a child's record as the given admin and answers its id. */
    public static String createChild(Person admin, String displayName) {
        return as(admin).body(Map.of("displayName", displayName))
                .post(BASE + "/children")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Invites a person to the child's team by e-mail; answers the membership id. */
    public static String invite(Person manager, String childId, String email, String role, String relationship) {
        return as(manager).body(Map.of("email", email, "role", role, "relationship", relationship))
                .post(childPath(childId) + "/team")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** One operation of the API, with a body and headers that would be accepted from a permitted caller. */
    public record Operation(String method, String path, Object body, Map<String, String> headers) {

        public Response send(RequestSpecification request) {
            if (body != null) {
                request.body(body);
            }
            return request.headers(headers).request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every operation of the API, aimed at an existing child and one of its memberships. */
    public static List<Operation> everyOperation(String childId, String membershipId) {
        String child = childPath(childId);
        return List.of(
                new Operation("GET", BASE + "/me", null, Map.of()),
                new Operation("POST", BASE + "/children", Map.of("displayName", "Maya Jones"), Map.of()),
                new Operation("GET", BASE + "/children", null, Map.of()),
                new Operation("GET", child, null, Map.of()),
                new Operation("PATCH", child, Map.of("whatHelps", "A quiet corner"), Map.of("If-Match", "*")),
                new Operation("DELETE", child, null, Map.of()),
                new Operation("GET", child + "/team", null, Map.of()),
                new Operation("POST", child + "/team",
                        Map.of("email", "someone@e2e.example", "role", "para", "relationship", "para"), Map.of()),
                new Operation("DELETE", child + "/team/" + membershipId, null, Map.of()),
                new Operation("GET", child + "/access-log", null, Map.of()));
    }
}

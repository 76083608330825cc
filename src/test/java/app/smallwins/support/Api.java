package app.smallwins.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Small helpers to call the API as a given person and to build a child with a care team. */
public final class Api {

    public static final String BASE = "/api/v1";

    private Api() {
    }

    public static RequestSpecification as(Tokens.TestUser user) {
        return given().auth().oauth2(user.token()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
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
}

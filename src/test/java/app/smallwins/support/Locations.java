package app.smallwins.support;

import static io.restassured.RestAssured.given;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Checks a 201's Location by following it (see {@link Api#FOLLOWS_LOCATION}). */
public final class Locations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger FOLLOWED = new AtomicInteger();

    private Locations() {
    }

    /** How many Locations the suite has followed so far. */
    public static int followed() {
        return FOLLOWED.get();
    }

    static void follow(String where, String authorization, Response created) {
        String location = created.header("Location");
        if (location == null) {
            throw new AssertionError(where + " answered 201 without a Location");
        }
        String api = RestAssured.baseURI + ":" + RestAssured.port + Api.BASE + "/";
        if (!location.startsWith(api) || location.indexOf(Api.BASE, api.length()) >= 0) {
            throw new AssertionError(where + " answered Location " + location + ", not a path under " + api);
        }
        Response read = given().header("Authorization", authorization).accept("application/json").get(location);
        if (read.statusCode() == 503) {
            // The database went away right after the create (DatabaseOutageTest): nothing to compare with.
            return;
        }
        if (read.statusCode() != 200) {
            throw new AssertionError(where + ": its Location " + location + " answered " + read.statusCode() + ": "
                    + read.asString());
        }
        if (!tree(created.asString()).equals(tree(read.asString()))) {
            throw new AssertionError(where + ": its Location " + location + " answered another resource.\ncreated: "
                    + created.asString() + "\nread:    " + read.asString());
        }
        FOLLOWED.incrementAndGet();
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}

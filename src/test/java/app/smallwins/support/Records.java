package app.smallwins.support;

import static app.smallwins.support.Api.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for goals, observations, cheers and conversations, created or found through the API as a given person. */
public final class Records {

    private Records() {
    }

    /** A JSON object from key/value pairs; unlike Map.of it keeps order and allows null values. */
    public static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A minimal valid goal body. */
    public static Map<String, Object> goal(String title) {
        return json("title", title, "domain", "COMMUNICATION");
    }

    /** A minimal valid observation body. */
    public static Map<String, Object> observation(String kind, String text) {
        return json("kind", kind, "text", text, "setting", "CLASSROOM");
    }

    public static String goalsPath(String childId) {
        return Api.BASE + "/children/" + childId + "/goals";
    }

    public static String observationsPath(String childId) {
        return Api.BASE + "/children/" + childId + "/observations";
    }

    public static String conversationsPath(CareTeam team) {
        return team.childPath() + "/conversations";
    }

    /** The id of the child's whole-team conversation, as the given member lists it. */
    public static String teamConversation(CareTeam team, Tokens.TestUser member) {
        return as(member).get(conversationsPath(team)).then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.kind == 'TEAM' }.id");
    }

    public static String createGoal(Tokens.TestUser author, String childId, Map<String, Object> body) {
        return as(author).body(body).post(goalsPath(childId)).then().statusCode(201).extract().path("id");
    }

    public static String createGoal(Tokens.TestUser author, CareTeam team, String title) {
        return createGoal(author, team.childId, goal(title));
    }

    public static String record(Tokens.TestUser author, String childId, Map<String, Object> body) {
        return as(author).body(body).post(observationsPath(childId)).then().statusCode(201).extract().path("id");
    }

    public static String recordWin(Tokens.TestUser author, CareTeam team, String text) {
        return record(author, team.childId, observation("WIN", text));
    }

    public static String cheer(Tokens.TestUser author, CareTeam team, String observationId, String note) {
        return as(author).body(Map.of("note", note))
                .post(observationsPath(team.childId) + "/" + observationId + "/cheers")
                .then().statusCode(201).extract().path("id");
    }

    /** The teacher moves a goal to a status (MET, MAINTAINING...), as at an IEP meeting. */
    public static void markGoal(CareTeam team, String goalId, String status) {
        as(team.teacher).header("If-Match", goalEtag(team.teacher, team, goalId)).body(Map.of("status", status))
                .patch(goalsPath(team.childId) + "/" + goalId).then().statusCode(200);
    }

    /** The current ETag of a goal, read as the given person. */
    public static String goalEtag(Tokens.TestUser reader, CareTeam team, String goalId) {
        return as(reader).get(goalsPath(team.childId) + "/" + goalId).then().statusCode(200).extract().header("ETag");
    }

    /** Ids of every item of a list endpoint (one page of 100), newest first. */
    public static List<String> ids(Tokens.TestUser reader, String path) {
        return as(reader).queryParam("limit", 100).get(path).then().statusCode(200).extract().path("items.id");
    }

    /** A whole-second instant some hours ago, so observations sort in a known order. */
    public static Instant hoursAgo(long hours) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(hours, ChronoUnit.HOURS);
    }

    public static String mediaPath(String childId) {
        return Api.BASE + "/children/" + childId + "/media";
    }

    /** Uploads a photo or video as the given person and returns its id. */
    public static String upload(Tokens.TestUser author, String childId, String contentType, byte[] bytes) {
        return as(author).contentType(contentType).body(bytes).post(mediaPath(childId))
                .then().statusCode(201).extract().path("id");
    }
}

package app.smallwins.support;

import static app.smallwins.support.Api.as;
import static app.smallwins.support.Records.createGoal;
import static app.smallwins.support.Records.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A child's record with one of everything, created through the API by its admin: a care
 * team, a goal with a step, a win with a cheer, the team conversation with a message, a
 * spare membership, and consent to media with a photo. Ids are looked up by the names the contract gives its path parameters.
 */
public final class RecordFixture {

    public final CareTeam team;
    private final Map<String, String> ids = new LinkedHashMap<>();

    public RecordFixture() {
        team = new CareTeam();
        String childPath = team.childPath();
        String goalId = createGoal(team.admin, team.childId,
                json("title", "Names colours", "domain", "COMMUNICATION",
                        "steps", List.of(Map.of("description", "Points to red"))));
        String stepId = as(team.admin).get(childPath + "/goals/" + goalId).then().statusCode(200)
                .extract().path("steps[0].id");
        String observationId = Records.record(team.admin, team.childId,
                json("kind", "WIN", "text", "Said blue", "setting", "CLASSROOM", "goalId", goalId, "stepId", stepId));
        String cheerId = Records.cheer(team.admin, team, observationId, "Wonderful");
        String conversationId = Records.teamConversation(team, team.admin);
        String messageId = as(team.admin).body(Map.of("body", "Good morning"))
                .post(childPath + "/conversations/" + conversationId + "/messages")
                .then().statusCode(201).extract().path("id");
        String spareMembership = Api.addMember(team.admin, team.childId, Tokens.newUser("para"), "para", "spare");
        as(team.parent).body(Map.of("consent", "TEAM")).put(childPath + "/media-consent").then().statusCode(200);
        String mediaId = Records.upload(team.teacher, team.childId, TestMedia.PNG, TestMedia.png(32, 24));
        ids.put("childId", team.childId);
        ids.put("goalId", goalId);
        ids.put("stepId", stepId);
        ids.put("observationId", observationId);
        ids.put("cheerId", cheerId);
        ids.put("conversationId", conversationId);
        ids.put("messageId", messageId);
        ids.put("membershipId", spareMembership);
        ids.put("mediaId", mediaId);
        // Body properties that name records: a message to read up to, team members to talk with.
        ids.put("upTo", messageId);
        ids.put("memberIds", team.teacherMembership);
        ids.put("mediaIds", mediaId);
    }

    /** The id a path parameter or body property of this name stands for, or null when unknown. */
    public String id(String name) {
        return ids.get(name);
    }

    public Tokens.TestUser person(String role) {
        return switch (role) {
            case "admin" -> team.admin;
            case "teacher" -> team.teacher;
            case "para" -> team.para;
            case "therapist" -> team.therapist;
            case "parent" -> team.parent;
            default -> throw new IllegalArgumentException(role);
        };
    }

    /** The roles to try, in order, when looking for someone a baseline request succeeds for. */
    public static final List<String> ROLES = List.of("admin", "teacher", "therapist", "para", "parent");
}

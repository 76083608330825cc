package app.smallwins.support;

import static app.smallwins.support.Api.BASE;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every operation of the foundation, with a valid request for a given care team. */
public final class Endpoints {

    private Endpoints() {
    }

    /** One operation with a request that would succeed for a permitted caller. */
    public record Call(String name, String method, String path, Object body, String ifMatch) {

        public Response send(RequestSpecification request) {
            if (body != null) {
                request.body(body);
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return request.request(method, path);
        }

        @Override
        public String toString() {
            return name + " (" + method + " " + path + ")";
        }
    }

    public static List<Call> all(CareTeam team) {
        String child = team.childPath();
        return List.of(
                new Call("getMe", "GET", BASE + "/me", null, null),
                new Call("createChild", "POST", BASE + "/children", Map.of("displayName", "Never created"), null),
                new Call("listChildren", "GET", BASE + "/children", null, null),
                new Call("getChild", "GET", child, null, null),
                new Call("updateChild", "PATCH", child, Map.of("whatHelps", "Never written"), "*"),
                new Call("archiveChild", "DELETE", child, null, null),
                new Call("listTeam", "GET", child + "/team", null, null),
                new Call("addTeamMember", "POST", child + "/team",
                        Map.of("subject", "never-" + UUID.randomUUID(), "role", "para", "relationship", "x"), null),
                new Call("removeTeamMember", "DELETE", child + "/team/" + team.paraMembership, null, null),
                new Call("listAccessLog", "GET", child + "/access-log", null, null));
    }
}

package app.smallwins;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The committed openapi/ contract is what the server serves, and documents every operation fully. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OpenApiContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void theServedDocumentEqualsTheCommittedYaml() throws Exception {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        String committed = Files.readString(Path.of("openapi/openapi.yaml"));
        assertThat(YAML.readTree(served), equalTo(YAML.readTree(committed)));
    }

    @Test
    void theServedJsonEqualsTheCommittedJson() throws Exception {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        String committed = Files.readString(Path.of("openapi/openapi.json"));
        assertThat(JSON.readTree(served), equalTo(JSON.readTree(committed)));
    }

    @Test
    void everyOperationHasAnIdASummarySecurityAndProblemResponses() throws Exception {
        JsonNode document = YAML.readTree(Files.readString(Path.of("openapi/openapi.yaml")));
        List<Executable> checks = new ArrayList<>();
        List<String> operationIds = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                operationIds.add(operation.path("operationId").asText());
                checks.add(() -> assertThat(where + " operationId", operation.path("operationId").asText(),
                        not(emptyOrNullString())));
                checks.add(() -> assertThat(where + " summary", operation.path("summary").asText(),
                        not(emptyOrNullString())));
                checks.add(() -> assertThat(where + " security", operation.path("security").size(),
                        org.hamcrest.Matchers.greaterThan(0)));
                checks.add(() -> assertThat(where + " tags", operation.path("tags").size(),
                        org.hamcrest.Matchers.greaterThan(0)));
                for (String status : List.of("401", "403")) {
                    checks.add(() -> assertThat(where + " responses", fieldNames(operation.path("responses")),
                            org.hamcrest.Matchers.hasItem(status)));
                }
                checks.add(() -> assertThat(where + " 401 ref", operation.path("responses").path("401")
                        .path("$ref").asText(), equalTo("#/components/responses/Unauthorized")));
            }
        }
        assertAll(checks);
        assertThat(operationIds, org.hamcrest.Matchers.containsInAnyOrder("getMe", "getUnread", "getMyEvents",
                "createChild", "listChildren", "getChild", "updateChild", "archiveChild",
                "listTeam", "addTeamMember", "getTeamMember", "removeTeamMember", "listAccessLog",
                "createGoal", "listGoals", "getGoal", "updateGoal", "getGoalHistory",
                "recordObservation", "listObservations", "getObservation", "updateObservation", "deleteObservation",
                "cheerWin", "getCheer", "writeJournalEntry", "listJournal", "getTimeline",
                "listConversations", "openConversation", "getConversation", "listMessages", "postMessage", "getMessage", "editMessage",
                "deleteMessage", "getMessageHistory", "markConversationRead",
                "getGoalProgress", "getProgressChart", "getWinsSummary", "getProgressReport", "putReportNarrative", "getReportNarrativeHistory", "getMediaConsent", "setMediaConsent", "getMediaConsentHistory", "uploadMedia", "getMedia", "getMediaThumbnail", "exportRecord",
                "getNotificationSettings", "replaceNotificationSettings", "listMyNotifications", "subscribeToPush",
                "unsubscribeFromPush", "getVapidPublicKey"));
    }

    @Test
    void problemResponsesAreDocumentedAsProblemJson() throws Exception {
        JsonNode document = YAML.readTree(Files.readString(Path.of("openapi/openapi.yaml")));
        JsonNode responses = document.path("components").path("responses");
        for (String name : List.of("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict",
                "PreconditionFailed", "PreconditionRequired", "Unprocessable", "UnsupportedMediaType")) {
            assertThat(name, responses.path(name).path("content").path("application/problem+json").path("schema")
                    .path("$ref").asText(), equalTo("#/components/schemas/Problem"));
        }
        assertThat(fieldNames(document.path("components").path("securitySchemes")),
                org.hamcrest.Matchers.hasItem("bearer"));
        JsonNode patch = document.path("paths").path("/api/v1/children/{childId}").path("patch");
        assertThat(fieldNames(patch.path("responses")), org.hamcrest.Matchers.hasItems("412", "428"));
        assertThat(fieldNames(patch.path("requestBody").path("content")),
                org.hamcrest.Matchers.hasItem("application/merge-patch+json"));
    }

    @Test
    void theContractNamesItsServerAndExplainsEveryEnumValueAndProblemType() throws Exception {
        JsonNode document = YAML.readTree(Files.readString(Path.of("openapi/openapi.yaml")));
        assertThat(document.path("openapi").asText(), equalTo("3.0.3"));
        assertThat(document.path("servers").path(0).path("url").asText(), equalTo("/"));
        List<Executable> checks = new ArrayList<>();
        document.path("components").path("schemas").fields().forEachRemaining(entry -> {
            JsonNode schema = entry.getValue();
            if (schema.has("enum")) {
                checks.add(() -> assertThat(entry.getKey() + " x-enum-descriptions",
                        schema.path("x-enum-descriptions").size(), equalTo(schema.path("enum").size())));
            }
        });
        assertAll(checks);
        String types = document.path("components").path("schemas").path("Problem").path("properties").path("type")
                .path("description").asText();
        for (app.smallwins.common.error.ProblemType type : app.smallwins.common.error.ProblemType.values()) {
            assertThat(types, org.hamcrest.Matchers.containsString("`" + type.uri() + "`"));
        }
    }

    @Test
    void everyFieldOfAnAnswerIsRequiredAndNoSchemaIsBothSentAndAnswered() throws Exception {
        JsonNode document = YAML.readTree(Files.readString(Path.of("openapi/openapi.yaml")));
        JsonNode schemas = document.path("components").path("schemas");
        for (String answered : List.of("Child", "Goal", "Observation", "Message", "Conversation", "Membership",
                "Cheer", "Mastery", "Communication", "ChildPage", "TimelineItem", "GoalProgress", "WinsSummary")) {
            List<String> required = new ArrayList<>();
            schemas.path(answered).path("required").forEach(r -> required.add(r.asText()));
            assertThat(answered + " required", required,
                    org.hamcrest.Matchers.containsInAnyOrder(fieldNames(schemas.path(answered).path("properties"))
                            .toArray()));
        }
        // Requests have shapes of their own where a field is optional on the way in.
        assertThat(fieldNames(schemas), org.hamcrest.Matchers.hasItems("MasteryInput", "CommunicationInput",
                "StepInput"));
        assertThat(schemas.path("MasteryInput").path("required").toString(), equalTo("[\"promptLevel\"]"));
        // A field that may be null says so, beside its type.
        JsonNode archivedAt = schemas.path("Child").path("properties").path("archivedAt");
        assertThat(archivedAt.path("nullable").asBoolean(), equalTo(true));
        assertThat(archivedAt.path("type").asText(), equalTo("string"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

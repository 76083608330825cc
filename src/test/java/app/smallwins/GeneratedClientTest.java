package app.smallwins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.smallwins.client.ApiClient;
import app.smallwins.client.ApiException;
import app.smallwins.client.ApiResponse;
import app.smallwins.client.api.CareTeamApi;
import app.smallwins.client.api.ChildrenApi;
import app.smallwins.client.api.GoalsApi;
import app.smallwins.client.api.ObservationsApi;
import app.smallwins.client.model.Child;
import app.smallwins.client.model.CommunicationInput;
import app.smallwins.client.model.CommunicationMode;
import app.smallwins.client.model.Domain;
import app.smallwins.client.model.Goal;
import app.smallwins.client.model.GoalPatch;
import app.smallwins.client.model.GoalStatus;
import app.smallwins.client.model.MasteryInput;
import app.smallwins.client.model.Membership;
import app.smallwins.client.model.MembershipStatus;
import app.smallwins.client.model.NewChild;
import app.smallwins.client.model.NewGoal;
import app.smallwins.client.model.NewMembership;
import app.smallwins.client.model.NewObservation;
import app.smallwins.client.model.Observation;
import app.smallwins.client.model.ObservationKind;
import app.smallwins.client.model.Problem;
import app.smallwins.client.model.PromptLevel;
import app.smallwins.client.model.Role;
import app.smallwins.client.model.Setting;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The Java client openapi-generator makes from the committed contract (library "native"),
 * used as a school's integration would use it, against the running app.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void anIntegrationRecordsAChildsStoryThroughTheGeneratedJavaClient() throws Exception {
        Tokens.TestUser admin = Tokens.newUser("admin");
        Tokens.TestUser teacher = Tokens.newUser("teacher");
        Tokens.TestUser parent = Tokens.newUser("parent");

        ApiResponse<Child> opened = new ChildrenApi(clientFor(admin)).createChildWithHttpInfo(new NewChild()
                .displayName("Arjun Sharma").timeZone("Europe/London")
                .communication(new CommunicationInput().modes(List.of(CommunicationMode.SPEECH,
                        CommunicationMode.PICTURES))), null);
        assertEquals(201, opened.getStatusCode());
        UUID childId = opened.getData().getId();
        assertThat(opened.getHeaders().get("location").get(0), equalTo(server.resolve("/api/v1/children/" + childId)
                .toString()));

        Membership teacherOnTeam = new CareTeamApi(clientFor(admin)).addTeamMember(childId, new NewMembership()
                .subject(teacher.subject()).role(Role.TEACHER).relationship("class teacher"), null);
        assertEquals(MembershipStatus.ACTIVE, teacherOnTeam.getStatus());
        new CareTeamApi(clientFor(teacher)).addTeamMember(childId, new NewMembership()
                .subject(parent.subject()).role(Role.PARENT).relationship("mother"), null);

        GoalsApi teacherGoals = new GoalsApi(clientFor(teacher));
        Goal goal = teacherGoals.createGoal(childId, new NewGoal()
                .title("Given a field of 4 colours, Arjun will identify basic colours with 80% accuracy.")
                .plainLanguage("Identify basic colours").domain(Domain.ACADEMIC)
                .mastery(new MasteryInput().promptLevel(PromptLevel.INDEPENDENT).settings(2)), null);
        assertEquals(1, goal.getMastery().getPeople());

        // A phone on a bad network sends the same win twice: one observation.
        ObservationsApi parentObservations = new ObservationsApi(clientFor(parent));
        NewObservation win = new NewObservation().kind(ObservationKind.WIN).text("Pointed to the sky and said blue")
                .goalId(goal.getId()).setting(Setting.HOME).promptLevel(PromptLevel.INDEPENDENT).firstTime(true);
        String key = UUID.randomUUID().toString();
        ApiResponse<Observation> first = parentObservations.recordObservationWithHttpInfo(childId, win, key);
        ApiResponse<Observation> retried = parentObservations.recordObservationWithHttpInfo(childId, win, key);
        assertEquals(201, retried.getStatusCode());
        assertThat(retried.getHeaders().get("idempotent-replayed"), contains("true"));
        assertEquals(first.getData().getId(), retried.getData().getId());
        assertThat(parentObservations.listObservations(childId, null, null, null, goal.getId(), null, null, null, null)
                .getItems().stream().map(Observation::getId).toList(), contains(first.getData().getId()));

        // A PATCH names the version it read; a second one with the same, now stale, version changes nothing.
        String etag = teacherGoals.getGoalWithHttpInfo(childId, goal.getId()).getHeaders().get("etag").get(0);
        Goal met = teacherGoals.updateGoal(childId, goal.getId(), etag,
                new GoalPatch().status(GoalStatus.MET).baseline("Matches colours, does not name them yet."));
        assertEquals(GoalStatus.MET, met.getStatus());
        ApiException stale = assertThrows(ApiException.class, () -> teacherGoals.updateGoal(childId, goal.getId(), etag,
                new GoalPatch().status(GoalStatus.MAINTAINING)));
        assertEquals("urn:smallwins:problem:precondition-failed", problem(stale, 412).getType());
        assertEquals(GoalStatus.MET, teacherGoals.getGoal(childId, goal.getId()).getStatus());

        // A record the caller may not know of reads as a problem, whether it exists or not.
        for (UUID unknown : List.of(UUID.randomUUID(), childId)) {
            ChildrenApi stranger = new ChildrenApi(clientFor(Tokens.newUser("parent")));
            ApiException missing = assertThrows(ApiException.class, () -> stranger.getChild(unknown));
            Problem problem = problem(missing, 404);
            assertEquals("urn:smallwins:problem:not-found", problem.getType());
            assertEquals(404, problem.getStatus());
            assertEquals("/api/v1/children/" + unknown, problem.getInstance());
        }
    }

    /** A client acting as the given person. */
    private ApiClient clientFor(Tokens.TestUser user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + user.token()));
        return client;
    }

    /** The problem a refused call answered, read with the generated model. */
    private Problem problem(ApiException refused, int status) throws Exception {
        assertEquals(status, refused.getCode());
        assertThat(refused.getResponseHeaders().firstValue("content-type").orElseThrow(),
                startsWith("application/problem+json"));
        return new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    }
}

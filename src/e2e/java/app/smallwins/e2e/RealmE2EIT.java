package app.smallwins.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.smallwins.e2e.support.AccessToken;
import app.smallwins.e2e.support.DemoUser;
import app.smallwins.e2e.support.E2eSettings;
import app.smallwins.e2e.support.EndToEnd;
import app.smallwins.e2e.support.Keycloak;
import app.smallwins.e2e.support.SignIn;

/** docker/keycloak/realm.json gives what the API and its clients rely on. */
@EndToEnd
class RealmE2EIT {

    private static final Set<String> API_ROLES = Set.of("admin", "teacher", "para", "therapist", "parent");

    @Test
    void everyDemoUserSignsInWithTheirRoleTheApiAudienceAndAVerifiedEmail() {
        for (DemoUser user : DemoUser.values()) {
            AccessToken token = Keycloak.token(user.person);
            assertThat(user + " iss", token.issuer(), equalTo(E2eSettings.current().realmUrl()));
            assertThat(user + " aud", token.audience(), hasItem(Keycloak.API_AUDIENCE));
            List<String> apiRoles = token.realmRoles().stream().filter(API_ROLES::contains).toList();
            assertThat(user + " roles", apiRoles, user.role == null ? empty() : equalTo(List.of(user.role)));
            assertThat(user + " email", token.claims().getString("email"), equalTo(user.person.email()));
            assertThat(user + " email_verified", token.claims().getBoolean("email_verified"), equalTo(true));
            assertThat(user + " name", token.claims().getString("name"), equalTo(user.person.name()));
        }
    }

    @Test
    void theAppsSignInGivesFiveMinuteAccessTokensAndARefreshTokenForTheSession() {
        SignIn signIn = Keycloak.signIn(DemoUser.OLGA.person, Keycloak.APP_CLIENT);
        AccessToken token = signIn.accessToken();
        assertThat(signIn.expiresIn(), equalTo(Duration.ofMinutes(5)));
        assertThat(Duration.between(token.issuedAt(), token.expiresAt()), equalTo(Duration.ofMinutes(5)));
        assertThat(signIn.refreshToken(), notNullValue());
        // A fresh session: the refresh token lasts the SSO session's idle timeout.
        assertThat(signIn.refreshExpiresIn(), equalTo(Duration.ofHours(2)));
    }

    @Test
    void aRefreshTokenWorksOnceAndReplayingItEndsTheSession() {
        SignIn signIn = Keycloak.signIn(DemoUser.OLGA.person, Keycloak.APP_CLIENT);
        SignIn renewed = Keycloak.refresh(signIn.refreshToken(), Keycloak.APP_CLIENT);
        assertThat(renewed.accessToken().subject(), equalTo(signIn.accessToken().subject()));
        assertThat(renewed.accessToken().audience(), hasItem(Keycloak.API_AUDIENCE));
        assertThat(renewed.refreshToken(), not(equalTo(signIn.refreshToken())));

        // A used refresh token comes back (a copy, or a retry after a lost answer): Keycloak
        // refuses it and ends the app's session, so the newest refresh token stops working too.
        Keycloak.tryRefresh(signIn.refreshToken(), Keycloak.APP_CLIENT).then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"));
        Keycloak.tryRefresh(renewed.refreshToken(), Keycloak.APP_CLIENT).then()
                .statusCode(400)
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void anotherClientsTokensDoNotCarryTheApiAudience() {
        AccessToken token = Keycloak.token(DemoUser.PAM.person, Keycloak.OTHER_CLIENT);
        assertThat(token.audience(), not(hasItem(Keycloak.API_AUDIENCE)));
    }

    @Test
    void theApiClientSignsNobodyIn() {
        Keycloak.tryToken(DemoUser.ALICE.person, Keycloak.API_AUDIENCE).then()
                .statusCode(oneOf(400, 401))
                .body("error", notNullValue());
    }

    @Test
    void theAppsClientRequiresPkceWithS256() {
        String authorize = E2eSettings.current().realmUrl() + "/protocol/openid-connect/auth";
        String redirect = "http://localhost:3000/callback";
        String refused = given().redirects().follow(false)
                .queryParam("client_id", Keycloak.APP_CLIENT)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", redirect)
                .get(authorize)
                .then().statusCode(302)
                .extract().header("Location");
        assertThat(refused, containsString("error=invalid_request"));
        assertThat(refused, containsString("code_challenge"));

        given().redirects().follow(false)
                .queryParam("client_id", Keycloak.APP_CLIENT)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", redirect)
                .queryParam("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .queryParam("code_challenge_method", "S256")
                .get(authorize)
                .then().statusCode(200); // the login page
    }
}

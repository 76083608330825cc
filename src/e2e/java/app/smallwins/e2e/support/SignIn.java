package app.smallwins.e2e.support;

import java.time.Duration;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * What Keycloak's token endpoint answers to a sign-in or a refresh: the access token the API
 * takes, the refresh token that renews it, and how long each lasts.
 */
public record SignIn(AccessToken accessToken, String refreshToken, Duration expiresIn, Duration refreshExpiresIn) {

    static SignIn from(Response response) {
        JsonPath json = response.then().statusCode(200).extract().jsonPath();
        return new SignIn(new AccessToken(json.getString("access_token")), json.getString("refresh_token"),
                Duration.ofSeconds(json.getLong("expires_in")), Duration.ofSeconds(json.getLong("refresh_expires_in")));
    }
}

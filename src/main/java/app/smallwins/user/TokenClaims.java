package app.smallwins.user;

import java.util.Objects;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.smallwins.common.input.InputRules;

/** The identity claims a user is provisioned from. */
public record TokenClaims(String subject, String name, String username, String email, boolean emailVerified) {

    public static final int MAX_LENGTH = 255;

    public static TokenClaims of(JsonWebToken token) {
        String name = token.getClaim("name");
        if (name == null) {
            String given = token.getClaim("given_name");
            String family = token.getClaim("family_name");
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        Object verified = token.getClaim("email_verified");
        return new TokenClaims(token.getSubject(), clip(name), clip(token.getClaim("preferred_username")),
                clip(token.getClaim("email")),
                verified instanceof Boolean b ? b : verified != null && Boolean.parseBoolean(verified.toString()));
    }

    /** The name shown to others, as {@link AppUser#displayName()} would give it. */
    public String displayName() {
        return displayName(name, username);
    }

    static String displayName(String name, String username) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return username != null ? username : "Team member";
    }

    boolean sameAs(AppUser user) {
        return Objects.equals(name, user.name) && Objects.equals(username, user.username)
                && Objects.equals(email, user.email) && emailVerified == user.emailVerified;
    }

    private static String clip(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        // Shown to others and stored: no control characters, even from the identity provider.
        return InputRules.scrub(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
    }
}

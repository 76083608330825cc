package app.smallwins.user;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.smallwins.common.input.InputRules;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** The identity claims a user is provisioned from. */
public record TokenClaims(String subject, String name, String username, String email, boolean emailVerified) {

    public static final int MAX_LENGTH = 255;
    /** The identity attribute holding a verified token's claims, read once per token ({@link Reader}). */
    public static final String ATTRIBUTE = "smallwins.token-claims";

    /** The claims of the identity's token: as read when it was verified, or read now. */
    public static TokenClaims of(SecurityIdentity identity, JsonWebToken token) {
        return identity.getAttribute(ATTRIBUTE) instanceof TokenClaims read ? read : of(token);
    }

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

    /**
     * Reads a verified token's claims once, into the identity, where the node's memory of
     * verified tokens keeps them with it (VerifiedTokens, which remembers identities after this
     * augmentor). Reading them per request cost a fortieth of the app's work on a
     * one-statement read: SmallRye JWT answers a claim MicroProfile has no constant for, such as
     * {@code name}, by way of a thrown exception (docs/benchmarks.md, "Change 4").
     */
    @ApplicationScoped
    public static class Reader implements SecurityIdentityAugmentor {

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (identity.isAnonymous() || identity.getAttribute(ATTRIBUTE) != null
                    || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                return Uni.createFrom().item(identity);
            }
            return Uni.createFrom().item(
                    QuarkusSecurityIdentity.builder(identity).addAttribute(ATTRIBUTE, of(token)).build());
        }
    }
}

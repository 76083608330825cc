package app.smallwins.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real RS256 tokens signed with the key whose public half the test OIDC server
 * (OidcWiremockTestResource) publishes, verified by Quarkus OIDC like any provider's.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "small-wins-api";

    private Tokens() {
    }

    /** A person with a fresh subject, so tests never share users by accident. */
    public static TestUser newUser(String role, String... moreRoles) {
        String subject = role + "-" + UUID.randomUUID();
        Set<String> roles = Arrays.stream(moreRoles).collect(Collectors.toSet());
        if (role != null) {
            roles.add(role);
        }
        return new TestUser(subject, roles, subject + "@example.test", true);
    }

    public static String token(TestUser user) {
        return builder(user).sign("privateKey.jwk");
    }

    public static JwtClaimsBuilder builder(TestUser user) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user.subject())
                .claim("preferred_username", user.subject())
                .claim("name", "Name of " + user.subject())
                .groups(user.roles())
                .issuedAt(Instant.now())
                .expiresIn(Duration.ofMinutes(10));
        if (user.email() != null) {
            claims.claim("email", user.email()).claim("email_verified", user.emailVerified());
        }
        return claims;
    }

    public record TestUser(String subject, Set<String> roles, String email, boolean emailVerified) {

        public String token() {
            return Tokens.token(this);
        }

        public TestUser withRoles(String... newRoles) {
            return new TestUser(subject, Set.of(newRoles), email, emailVerified);
        }

        public TestUser withEmail(String newEmail, boolean verified) {
            return new TestUser(subject, roles, newEmail, verified);
        }
    }
}

package app.smallwins.support;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
        String subject = (role == null ? "nobody" : role) + "-" + UUID.randomUUID();
        Set<String> roles = Arrays.stream(moreRoles).collect(Collectors.toSet());
        if (role != null) {
            roles.add(role);
        }
        return new TestUser(subject, roles, subject + "@example.test", true);
    }

    /** A person whose token carries none of the five realm roles (only unrelated ones). */
    public static TestUser userWithoutRoles() {
        return newUser(null, "offline_access", "uma_authorization");
    }

    /**
     * A signed token for the user. Signing costs CPU the server under test competes for on
     * small machines, so a user's token is reused for a few minutes (it is valid for ten).
     */
    public static String token(TestUser user) {
        Instant now = Instant.now();
        Minted minted = MINTED.get(user);
        if (minted == null || minted.at().isBefore(now.minus(REUSE_FOR))) {
            minted = new Minted(builder(user).sign("privateKey.jwk"), now);
            MINTED.put(user, minted);
        }
        return minted.token();
    }

    private static final Duration REUSE_FOR = Duration.ofMinutes(4);
    private static final Map<TestUser, Minted> MINTED = new ConcurrentHashMap<>();

    private record Minted(String token, Instant at) {
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

    /** Tokens that must never authenticate, each wrong in exactly one way. */
    public enum BadToken {
        EXPIRED {
            @Override
            String mint(TestUser user) {
                return builder(user).issuedAt(Instant.now().minus(Duration.ofHours(2)))
                        .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign("privateKey.jwk");
            }
        },
        WRONG_ISSUER {
            @Override
            String mint(TestUser user) {
                return builder(user).issuer("https://impostor.example.com").sign("privateKey.jwk");
            }
        },
        WRONG_AUDIENCE {
            @Override
            String mint(TestUser user) {
                return builder(user).audience("another-api").sign("privateKey.jwk");
            }
        },
        FOREIGN_SIGNATURE {
            @Override
            String mint(TestUser user) {
                return builder(user).jws().keyId("1").sign(foreignKey());
            }
        },
        TAMPERED {
            @Override
            String mint(TestUser user) {
                // A validly signed token whose payload was swapped for another person's.
                String[] original = token(user).split("\\.");
                String[] other = token(newUser("admin")).split("\\.");
                return original[0] + "." + other[1] + "." + original[2];
            }
        },
        GARBAGE {
            @Override
            String mint(TestUser user) {
                return "not-a-token";
            }
        };

        abstract String mint(TestUser user);

        public String tokenFor(TestUser user) {
            return mint(user);
        }
    }

    private static PrivateKey foreignKey;

    private static synchronized PrivateKey foreignKey() {
        if (foreignKey == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                foreignKey = generator.generateKeyPair().getPrivate();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return foreignKey;
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

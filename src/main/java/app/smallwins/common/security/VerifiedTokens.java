package app.smallwins.common.security;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens this node has verified, remembered until they expire (at most
 * {@link #MAX_AGE_MILLIS}), so a client's next requests with the same token skip the RS256
 * check and the three parses of its claims (docs/benchmarks.md, "Small reads at the speed of
 * their SQL": they were a quarter to a half of the app's work on a one-statement read).
 *
 * <p>Nothing is trusted that Quarkus OIDC has not verified: an identity is remembered only after
 * OIDC built it ({@link Remember}, among the first augmentors), under the exact token string it
 * verified, and is recalled ({@link Recall}, asked before OIDC) only for that exact string and
 * only before the token's {@code exp}. Any other string, a token past its expiry, or one never
 * seen falls through to OIDC, which decides as before. The remembered identity is the one OIDC
 * made (without the request it was made for), with each request's own routing context put in;
 * what the application reads of it (subject, claims, roles) is immutable.
 *
 * <p>Bounded: cleared when it grows past {@link #MAX_REMEMBERED} tokens. A signing key withdrawn
 * at the provider stops tokens already remembered within {@link #MAX_AGE_MILLIS} at most.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final int MAX_REMEMBERED = 5_000;
    static final long MAX_AGE_MILLIS = 5 * 60_000L;
    /** Marks an identity recalled from here, so it is not remembered again. */
    private static final String RECALLED = "smallwins.token-recalled";

    private record Verified(SecurityIdentity identity, long validUntilMillis) {
    }

    public static final String RECALLED_METRIC = "smallwins.tokens.recalled";

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Counter recalled;

    VerifiedTokens(MeterRegistry meters) {
        this.recalled = Counter.builder(RECALLED_METRIC)
                .description("Requests whose bearer token this node had verified already").register(meters);
    }

    /** The identity OIDC built for exactly this token, if it is remembered and has not expired. */
    SecurityIdentity recall(String token, RoutingContext request, AuthenticationRequestContext context) {
        Verified known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (System.currentTimeMillis() >= known.validUntilMillis()) {
            verified.remove(token, known);
            return null;
        }
        recalled.increment();
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known.identity())
                .addAttribute(RECALLED, Boolean.TRUE);
        if (request != null) {
            // Per request, as Quarkus OIDC sets them: the request and its authentication context.
            request.put(AuthenticationRequestContext.class.getName(), context);
            identity.addAttribute(RoutingContext.class.getName(), request)
                    .addAttribute(AuthenticationRequestContext.class.getName(), context);
        }
        return identity.build();
    }

    void remember(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getAttribute(RECALLED) != null) {
            return;
        }
        Principal principal = identity.getPrincipal();
        String token = tokenOf(identity);
        if (!(principal instanceof JsonWebToken jwt) || token == null || jwt.getExpirationTime() <= 0) {
            return;
        }
        long now = System.currentTimeMillis();
        long until = Math.min(jwt.getExpirationTime() * 1000, now + MAX_AGE_MILLIS);
        if (until <= now) {
            return;
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(token, new Verified(withoutRequest(identity), until));
    }

    /**
     * The identity without what belongs to the request that made it (its routing context and
     * authentication context), which must not be kept alive here. Permission checkers are not
     * carried either: the application authorizes by roles and care-team capacity, never by
     * {@code @PermissionsAllowed} (ArchitectureTest).
     */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(RoutingContext.class.getName());
        attributes.remove(AuthenticationRequestContext.class.getName());
        return QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials()).addRoles(identity.getRoles()).addAttributes(attributes)
                .build();
    }

    private static String tokenOf(SecurityIdentity identity) {
        for (var credential : identity.getCredentials()) {
            if (credential instanceof TokenCredential token && "bearer".equals(token.getType())) {
                return token.getToken();
            }
        }
        return null;
    }

    /** Asked before Quarkus OIDC (priority 1001): answers a remembered token, or passes (null). */
    @ApplicationScoped
    public static class Recall implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        Recall(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public int priority() {
            return SYSTEM_FIRST + 100;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            String token = request.getToken().getToken();
            return Uni.createFrom().item(token == null ? null
                    : tokens.recall(token, HttpSecurityUtils.getRoutingContextAttribute(request), context));
        }
    }

    /**
     * Remembers the identity Quarkus OIDC has just verified, before the application's
     * augmentors add to it, except the one of highest priority, which reads what depends on the
     * token alone (its claims) so that it is read once per token and remembered with it.
     */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        Remember(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE - 1;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }
}

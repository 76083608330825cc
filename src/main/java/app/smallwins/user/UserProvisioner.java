package app.smallwins.user;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Keeps the user table in step with the identity provider: a user is created on their
 * first request and their profile claims follow the token; each time {@link UserSignedIn}
 * tells other features (care-team invitations sent to a verified e-mail are bound then).
 * <p>
 * A person whose row already holds exactly the token's claims is remembered in memory, so
 * their later requests skip the lookup. Only committed, unchanged rows are remembered, and a
 * user's id never changes, so a node can never act on a stale identity; any change of claims
 * misses the cache and goes to the database.
 */
@ApplicationScoped
public class UserProvisioner {

    private final AppUserRepository users;
    private final Event<UserSignedIn> signedIn;
    /** Bounded: cleared when it grows past this many people. */
    static final int MAX_REMEMBERED = 50_000;

    private final Map<TokenClaims, UUID> known = new ConcurrentHashMap<>();

    UserProvisioner(AppUserRepository users, Event<UserSignedIn> signedIn) {
        this.users = users;
        this.signedIn = signedIn;
    }

    /** The user id for these exact claims, if this node has seen them unchanged in the database. */
    public UUID knownUser(TokenClaims claims) {
        return known.get(claims);
    }

    @Transactional
    public AppUser provision(TokenClaims claims) {
        AppUser user = users.findBySubject(claims.subject()).orElse(null);
        if (user != null && claims.sameAs(user)) {
            if (known.size() >= MAX_REMEMBERED) {
                known.clear();
            }
            known.put(claims, user.id);
        } else if (user == null) {
            user = users.insertIfAbsent(claims);
            signedIn.fire(new UserSignedIn(user.id, user.email, user.emailVerified));
        } else if (!claims.sameAs(user)) {
            user.name = claims.name();
            user.username = claims.username();
            user.email = claims.email();
            user.emailVerified = claims.emailVerified();
            signedIn.fire(new UserSignedIn(user.id, user.email, user.emailVerified));
        }
        return user;
    }
}

package app.smallwins.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.smallwins.team.MembershipBinder;

/**
 * Keeps the user table in step with the identity provider: a user is created on their
 * first request, their profile claims follow the token, and care-team invitations sent to
 * their verified e-mail are bound to them.
 */
@ApplicationScoped
public class UserProvisioner {

    @Inject
    AppUserRepository users;

    @Inject
    MembershipBinder binder;

    @Transactional
    public AppUser provision(TokenClaims claims) {
        AppUser user = users.findBySubject(claims.subject()).orElse(null);
        if (user == null) {
            user = users.insertIfAbsent(claims);
            binder.bindInvitations(user);
        } else if (!claims.sameAs(user)) {
            user.name = claims.name();
            user.username = claims.username();
            user.email = claims.email();
            user.emailVerified = claims.emailVerified();
            binder.bindInvitations(user);
        }
        return user;
    }
}

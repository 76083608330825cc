package app.smallwins.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import app.smallwins.user.UserSignedIn;

/**
 * Binds invitations sent to an e-mail address to the user who signs in with that address,
 * once the identity provider says it is verified. A user already on a child's team keeps
 * that membership; a second invitation to the same child stays unbound.
 */
@ApplicationScoped
public class MembershipBinder {

    private final TeamRepository team;

    MembershipBinder(TeamRepository team) {
        this.team = team;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void bindInvitations(@Observes UserSignedIn user) {
        if (user.emailVerified() && user.email() != null && !user.email().isBlank()) {
            team.bindInvitations(user.userId(), user.email());
        }
    }
}

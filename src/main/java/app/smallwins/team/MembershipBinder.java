package app.smallwins.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.smallwins.user.AppUser;

/**
 * Binds invitations sent to an e-mail address to the user who signs in with that address,
 * once the identity provider says it is verified. A user already on a child's team keeps
 * that membership; a second invitation to the same child stays unbound.
 */
@ApplicationScoped
public class MembershipBinder {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public int bindInvitations(AppUser user) {
        if (!user.emailVerified || user.email == null || user.email.isBlank()) {
            return 0;
        }
        em.flush();
        return em.createNativeQuery("""
                update team_membership m set user_id = ?1
                where m.user_id is null and m.removed_at is null and lower(m.invited_email) = lower(?2)
                  and not exists (select 1 from team_membership o
                                  where o.child_id = m.child_id and o.user_id = ?1 and o.removed_at is null)""")
                .setParameter(1, user.id)
                .setParameter(2, user.email)
                .executeUpdate();
    }
}

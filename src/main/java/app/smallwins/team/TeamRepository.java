package app.smallwins.team;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Keyset;
import app.smallwins.user.Names;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<TeamMembership, UUID> {

    /** A membership with the parts of its person's name (both null while an invitation is unbound). */
    public record Member(TeamMembership membership, String name, String username) {

        /** The name others see, or null for an unbound invitation. */
        public String displayName() {
            return membership.userId == null ? null : Names.displayName(name, username);
        }
    }

    /** Current members of one child's team with their names, newest first: one query. */
    public List<Member> page(UUID childId, Cursor after, int fetch) {
        return Keyset.newestFirst(getEntityManager()::createQuery, """
                select new app.smallwins.team.TeamRepository$Member(m, u.name, u.username)
                from TeamMembership m left join AppUser u on u.id = m.userId
                where m.childId = :child and m.removedAt is null""", Member.class, "m.createdAt", "m.id", after, fetch)
                .setParameter("child", childId).getResultList();
    }

    /**
     * Gives the user the open invitations sent to their address, except on children whose team
     * they are already on; returns how many.
     */
    public int bindInvitations(UUID userId, String email) {
        getEntityManager().flush();
        return getEntityManager().createNativeQuery("""
                update team_membership m set user_id = ?1
                where m.user_id is null and m.removed_at is null and lower(m.invited_email) = lower(?2)
                  and not exists (select 1 from team_membership o
                                  where o.child_id = m.child_id and o.user_id = ?1 and o.removed_at is null)""")
                .setParameter(1, userId)
                .setParameter(2, email)
                .executeUpdate();
    }

    public Optional<TeamMembership> findCurrent(UUID childId, UUID membershipId) {
        return find("id = ?1 and childId = ?2 and removedAt is null", membershipId, childId).firstResultOptional();
    }

    public boolean hasMember(UUID childId, UUID userId) {
        return count("childId = ?1 and userId = ?2 and removedAt is null", childId, userId) > 0;
    }

    public boolean hasInvitation(UUID childId, String email) {
        return count("childId = ?1 and userId is null and lower(invitedEmail) = lower(?2) and removedAt is null",
                childId, email) > 0;
    }
}

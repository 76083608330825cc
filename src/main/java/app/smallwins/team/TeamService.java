package app.smallwins.team;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.common.Times;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Keyset;
import app.smallwins.common.paging.Page;
import app.smallwins.common.security.Permission;
import app.smallwins.live.EventRefs;
import app.smallwins.live.EventType;
import app.smallwins.live.LiveEvents;
import app.smallwins.user.People;

@ApplicationScoped
public class TeamService {

    static final String TARGET = "MEMBERSHIP";

    private final TeamRepository team;
    private final People people;
    private final ChildAccess access;
    private final AccessLog accessLog;
    private final Idempotency idempotency;
    private final LiveEvents live;

    TeamService(TeamRepository team, People people, ChildAccess access, AccessLog accessLog, Idempotency idempotency,
            LiveEvents live) {
        this.team = team;
        this.people = people;
        this.access = access;
        this.accessLog = accessLog;
        this.idempotency = idempotency;
        this.live = live;
    }

    @Transactional
    public Page<MembershipView> list(UUID childId, Cursor after, int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        boolean showEmail = grant.may(Permission.MANAGE_TEAM);
        var rows = team.page(childId, after, limit + 1);
        // Logged once the page was read: a request that failed reading it read nothing.
        accessLog.read(grant, "team.list", TARGET, null);
        return Page.of(rows, limit, m -> new Cursor(m.membership().createdAt, m.membership().id))
                .map(m -> MembershipView.of(m.membership(), m.displayName(), showEmail));
    }

    @Transactional
    public MembershipView get(UUID childId, UUID membershipId) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        TeamMembership m = team.findCurrent(childId, membershipId)
                .orElseThrow(() -> ApiException.notFound("Membership"));
        String name = m.userId == null ? null : people.names(List.of(m.userId)).of(m.userId);
        accessLog.read(grant, "team.read", TARGET, membershipId);
        return MembershipView.of(m, name, grant.may(Permission.MANAGE_TEAM));
    }

    /** The person behind a current membership of the child, if they have signed in (opening a conversation). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> signedInMember(ChildGrant grant, UUID membershipId) {
        return team.findCurrent(grant.childId(), membershipId).map(m -> m.userId);
    }

    /** The whole team, for the record export; e-mail addresses only for those who manage it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MembershipView> exportMembers(ChildGrant grant) {
        return members(grant, grant.may(Permission.MANAGE_TEAM));
    }

    /** The whole team without any e-mail address, for a document that leaves the app (the progress report). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<MembershipView> documentMembers(ChildGrant grant) {
        return members(grant, false);
    }

    private List<MembershipView> members(ChildGrant grant, boolean showEmail) {
        return Keyset.all((after, fetch) -> team.page(grant.childId(), after, fetch),
                (TeamRepository.Member m) -> new Cursor(m.membership().createdAt, m.membership().id)).stream()
                .map(m -> MembershipView.of(m.membership(), m.displayName(), showEmail)).toList();
    }

    @Transactional
    public Idempotency.Outcome<MembershipView> add(UUID childId, NewMembership body, String idempotencyKey) {
        ChildGrant grant = access.require(childId, Permission.MANAGE_TEAM);
        if ((body.email() == null) == (body.subject() == null)) {
            throw ApiException.invalid("email", "give exactly one of email and subject");
        }
        if (!body.role().isTeamRole()) {
            throw ApiException.invalid("role", "must be one of teacher, para, therapist, parent");
        }
        return idempotency.once(grant.caller().userId(), idempotencyKey, "POST /children/" + childId + "/team",
                body, MembershipView.class, () -> {
                    TeamMembership m = new TeamMembership();
                    m.id = UUID.randomUUID();
                    m.childId = childId;
                    m.role = body.role();
                    m.relationship = body.relationship().strip();
                    m.createdAt = Times.now();
                    m.createdBy = grant.caller().userId();
                    UUID userId = body.subject() != null ? people.addBySubject(body.subject())
                            : people.idOfVerifiedEmail(body.email()).orElse(null);
                    if (userId != null) {
                        if (team.hasMember(childId, userId)) {
                            throw ApiException.conflict("This person is already on the child's team");
                        }
                        m.userId = userId;
                    } else if (team.hasInvitation(childId, body.email())) {
                        throw ApiException.conflict("This e-mail address is already invited to the child's team");
                    }
                    m.invitedEmail = body.email();
                    team.persistAndFlush(m);
                    accessLog.change(grant, "team.add", TARGET, m.id);
                    live.emit(grant, EventType.TEAM_CHANGED, EventRefs.membership(m.id));
                    return MembershipView.of(m, userId == null ? null : people.names(List.of(userId)).of(userId),
                            true);
                });
    }

    @Transactional
    public void remove(UUID childId, UUID membershipId) {
        ChildGrant grant = access.require(childId, Permission.MANAGE_TEAM);
        TeamMembership m = team.findCurrent(childId, membershipId)
                .orElseThrow(() -> ApiException.notFound("Membership"));
        m.removedAt = Times.now();
        accessLog.change(grant, "team.remove", TARGET, m.id);
        live.emit(grant, EventType.TEAM_CHANGED, EventRefs.membership(m.id));
        if (m.userId != null) {
            live.tellFormerMember(grant, m.userId, EventRefs.membership(m.id));
        }
    }
}

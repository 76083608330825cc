package app.smallwins.team;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.security.Role;

@Schema(name = "Membership", description = "A person on a child's care team.")
public record MembershipView(
        UUID id,
        UUID childId,
        @Schema(description = "The person, or null while an e-mail invitation is not yet accepted.", nullable = true)
        Person user,
        @Schema(description = "The invited address; shown to those who manage the team.", nullable = true)
        String invitedEmail,
        Role role,
        @Schema(examples = "mother") String relationship,
        @Schema(description = "ACTIVE once bound to a person, INVITED before.") Status status,
        Instant createdAt) {

    @Schema(name = "MembershipStatus", description = """
            Whether the person has joined:
            - `ACTIVE`: bound to a person who has signed in.
            - `INVITED`: an e-mail invitation not yet accepted (bound at first sign-in with that verified address).""")
    public enum Status {
        ACTIVE, INVITED
    }

    @Schema(name = "Person")
    public record Person(UUID id, @Schema(examples = "Priya Sharma") String name) {
    }

    /** The membership as a team member sees it; {@code userName} is null while an invitation is unbound. */
    public static MembershipView of(TeamMembership m, String userName, boolean showEmail) {
        return new MembershipView(m.id, m.childId, m.userId == null ? null : new Person(m.userId, userName),
                showEmail ? m.invitedEmail : null, m.role, m.relationship,
                m.userId == null ? Status.INVITED : Status.ACTIVE, m.createdAt);
    }
}

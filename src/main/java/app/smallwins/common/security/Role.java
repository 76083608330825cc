package app.smallwins.common.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Optional;

/**
 * The realm roles a token may carry, and the capacities a caller may have on a child.
 * Constants are spelled exactly as the realm roles so they read the same in tokens,
 * in JSON and in the database.
 */
@Schema(name = "Role", description = """
        A realm role, and the capacity a person acts in on a child:
        - `admin`: runs the deployment; sees and manages every child.
        - `teacher`: a teacher on the child's team; manages the team and goals.
        - `para`: a paraprofessional (classroom aide) on the child's team.
        - `therapist`: a therapist on the child's team (e.g. SLP, OT); writes goals.
        - `parent`: a parent or carer on the child's team.""")
public enum Role {
    admin, teacher, para, therapist, parent;

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.name().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Every role but admin can be held on a child's care team. */
    public boolean isTeamRole() {
        return this != admin;
    }

    public static final String ADMIN = "admin";
    public static final String TEACHER = "teacher";
    public static final String PARA = "para";
    public static final String THERAPIST = "therapist";
    public static final String PARENT = "parent";
}

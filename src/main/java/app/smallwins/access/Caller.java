package app.smallwins.access;

import app.smallwins.common.security.Role;
import java.util.Set;
import java.util.UUID;

/** The authenticated person behind a request, as provisioned from the token. */
public record Caller(UUID userId, String subject, String name, Set<Role> roles) {

    public boolean isAdmin() {
        return roles.contains(Role.admin);
    }

    /** Team roles this token carries: a membership counts only while its role is one of them. */
    public Set<Role> teamRoles() {
        return roles.stream().filter(Role::isTeamRole)
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Role.class)));
    }
}

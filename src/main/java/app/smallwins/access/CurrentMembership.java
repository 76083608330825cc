package app.smallwins.access;

import java.util.EnumSet;
import java.util.Set;

import app.smallwins.common.security.Role;

/**
 * The one definition of a membership that counts (docs/product.md, roles and capacities): it
 * is not removed, and the caller's token carries its role (an account added as "teacher" whose
 * token says "parent" acts as neither). Written once for JPQL and once for the native SQL that
 * needs it, side by side so they cannot drift apart; both take the token's team roles as
 * {@code :tokenRoles} (see {@link #tokenRoles}).
 */
public final class CurrentMembership {

    private CurrentMembership() {
    }

    /** The condition on a TeamMembership alias in JPQL, in parentheses and spaces so it joins any text. */
    public static String jpql(String m) {
        return " (%1$s.removedAt is null and %1$s.role in :tokenRoles) ".formatted(m);
    }

    /** The same condition on a team_membership alias in SQL; bind {@link #sqlTokenRoles}. */
    public static String sql(String m) {
        return " (%1$s.removed_at is null and %1$s.role = any(:tokenRoles)) ".formatted(m);
    }

    /** The JPQL parameter: the token's team roles, or a role no membership has when it carries none. */
    public static Set<Role> tokenRoles(Caller caller) {
        Set<Role> roles = caller.teamRoles();
        return roles.isEmpty() ? EnumSet.of(Role.admin) : roles;
    }

    /** The SQL parameter, as an array of role names. */
    public static String[] sqlTokenRoles(Caller caller) {
        return tokenRoles(caller).stream().map(Role::name).toArray(String[]::new);
    }
}

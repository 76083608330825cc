package app.smallwins.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.persistence.Query;

import app.smallwins.common.security.Role;

/**
 * The one definition of a membership that counts (docs/product.md, roles and capacities): it
 * is not removed, and the caller's token carries its role (an account added as "teacher" whose
 * token says "parent" acts as neither). Written once for JPQL and once for the native SQL that
 * needs it, side by side so they cannot drift apart.
 *
 * <p>The JPQL form takes the token's team roles in four single parameters, one per team role,
 * a role repeated where the token lacks one ({@link #bind}): a collection parameter
 * ({@code in :roles}) would make Hibernate translate the query anew on every request, since it
 * caches no plan with a parameter list. The SQL form writes them into its text ({@link #sql}).
 */
public final class CurrentMembership {

    private CurrentMembership() {
    }

    private static final List<Role> TEAM_ROLES = Arrays.stream(Role.values()).filter(Role::isTeamRole).toList();
    private static final String PLACES = IntStream.range(0, TEAM_ROLES.size()).mapToObj(i -> ":tokenRole" + i)
            .collect(Collectors.joining(", "));

    /** The condition on a TeamMembership alias in JPQL, in parentheses and spaces so it joins any text; then {@link #bind}. */
    public static String jpql(String m) {
        return " (%1$s.removedAt is null and %1$s.role in (%2$s)) ".formatted(m, PLACES);
    }

    /** Binds the caller's team roles to the places of {@link #jpql}. */
    public static <Q extends Query> Q bind(Q query, Caller caller) {
        List<Role> roles = List.copyOf(tokenRoles(caller));
        for (int i = 0; i < TEAM_ROLES.size(); i++) {
            query.setParameter("tokenRole" + i, roles.get(Math.min(i, roles.size() - 1)));
        }
        return query;
    }

    /**
     * The same condition on a team_membership alias in SQL, the token's roles written into the
     * text as a constant array (enum names, never request text). A constant, not a parameter: with
     * an array parameter PostgreSQL estimated more rows for the unknown array than for any real
     * set of roles, so it kept re-planning the statement each time instead of reusing one plan
     * (0.24 ms of planning per 0.28 ms of execution on the children list, 0.76 per 0.18 on the
     * unread counts; docs/benchmarks.md). A token holds one of fifteen sets of team roles, or
     * none, so each statement has at most sixteen texts, each planned once per connection.
     */
    public static String sql(String m, Caller caller) {
        return " (%1$s.removed_at is null and %1$s.role = any('{%2$s}'::text[])) ".formatted(m,
                tokenRoles(caller).stream().map(Role::name).collect(Collectors.joining(",")));
    }

    /** The token's team roles, or a role no membership has when it carries none. */
    private static Set<Role> tokenRoles(Caller caller) {
        Set<Role> roles = caller.teamRoles();
        return roles.isEmpty() ? EnumSet.of(Role.admin) : roles;
    }
}

package app.smallwins.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.smallwins.common.security.Role;

/** The SQL form of a current membership writes the token's roles into its text: only enum names, in one order. */
class CurrentMembershipTest {

    private static Caller caller(EnumSet<Role> roles) {
        return new Caller(UUID.randomUUID(), "subject", "A Name", roles);
    }

    @Test
    void theTokensTeamRolesAreOneConstantArrayInEnumOrder() {
        String sql = CurrentMembership.sql("m", caller(EnumSet.of(Role.parent, Role.teacher, Role.admin)));

        assertEquals(" (m.removed_at is null and m.role = any('{teacher,parent}'::text[])) ", sql);
    }

    @Test
    void aTokenWithoutTeamRolesMatchesNoMembership() {
        assertEquals(" (tm.removed_at is null and tm.role = any('{admin}'::text[])) ",
                CurrentMembership.sql("tm", caller(EnumSet.noneOf(Role.class))));
    }

    @Test
    void roleNamesNeedNoQuotingInsideAnArrayConstant() {
        for (Role role : Role.values()) {
            assertTrue(role.name().matches("[a-z]+"), role.name());
        }
    }
}

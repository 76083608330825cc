package app.smallwins.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RowQueryParseTest {

    @Test
    void namedParametersBecomePlaceholdersInOrderOfAppearance() {
        var parsed = RowQuery.parse("select * from cheer where child_id = :child and id = any(:ids) and child_id = :child");

        assertEquals("select * from cheer where child_id = ? and id = any(?) and child_id = ?", parsed.sql());
        assertEquals(List.of("child", "ids", "child"), parsed.names());
    }

    @Test
    void castsAndStringLiteralsAreLeftAlone() {
        var parsed = RowQuery.parse("select ':not_a_param' as t, x::uuid[] from y where z = :z::text and k = 'TEAM'");

        assertEquals("select ':not_a_param' as t, x::uuid[] from y where z = ?::text and k = 'TEAM'", parsed.sql());
        assertEquals(List.of("z"), parsed.names());
    }
}

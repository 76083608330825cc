package app.smallwins.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import app.smallwins.access.Caller;
import app.smallwins.access.ChildGrant;

/**
 * The permission table of docs/product.md#the-permission-table, written out as data: one
 * test per cell, named for it, so a change to {@link Permission} fails a test that says which
 * capacity gained or lost what. The API tests (PermissionTableTest and each feature's tests)
 * show the same rows through HTTP: 404 for strangers, 403 for the capacities without a tick.
 */
class PermissionTest {

    /**
     * ✓ granted, - refused. The last column: whether an admin (the only one who still sees an
     * archived child) may still use it there, or gets 409 because it would change the record.
     */
    static final String TABLE = """
            permission                  admin  teacher  therapist  para  parent   on an archived child
            READ_RECORD                   ✓       ✓         ✓        ✓      ✓       ok
            EDIT_PROFILE                  ✓       ✓         ✓        -      -       409
            EDIT_SUPPORT_PROFILE          ✓       ✓         ✓        -      ✓       409
            ARCHIVE_CHILD                 ✓       -         -        -      -       ok
            MANAGE_TEAM                   ✓       ✓         -        -      -       409
            MANAGE_GOALS                  ✓       ✓         ✓        -      -       409
            RECORD_OBSERVATIONS           ✓       ✓         ✓        ✓      ✓       409
            WRITE_JOURNAL                 -       -         -        -      ✓       409
            DELETE_OTHERS_OBSERVATIONS    ✓       -         -        -      -       409
            READ_CONVERSATIONS            ✓       ✓         ✓        ✓      ✓       ok
            MESSAGE                       ✓       ✓         ✓        ✓      ✓       409
            READ_MESSAGE_HISTORY          ✓       -         -        -      -       ok
            READ_ACCESS_LOG               ✓       -         -        -      ✓       ok
            SET_MEDIA_CONSENT             ✓       -         -        -      ✓       409
            EXPORT_RECORD                 ✓       -         -        -      ✓       ok
            """;

    /** The capacities, as the header of the table names them. */
    static final List<Role> COLUMNS = Arrays.stream(TABLE.lines().findFirst().orElseThrow().trim().split("\\s+"))
            .skip(1).limit(Role.values().length).map(Role::valueOf).toList();

    record Row(Permission permission, Map<Role, Boolean> granted, boolean changesRecord) {
    }

    static Map<Permission, Row> table() {
        Map<Permission, Row> rows = new LinkedHashMap<>();
        TABLE.lines().skip(1).forEach(line -> {
            String[] cells = line.trim().split("\\s+");
            if (cells.length != COLUMNS.size() + 2) {
                throw new IllegalArgumentException("a row names its permission, a cell per capacity, 409 or ok: " + line);
            }
            Map<Role, Boolean> granted = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                granted.put(COLUMNS.get(i), tick(cells[1 + i], line));
            }
            Permission permission = Permission.valueOf(cells[0]);
            rows.put(permission, new Row(permission, granted, conflictWhenArchived(cells[1 + COLUMNS.size()], line)));
        });
        return rows;
    }

    @Test
    void theTableHasOneRowForEveryPermissionAndAColumnForEveryRole() {
        assertEquals(Arrays.asList(Permission.values()), new ArrayList<>(table().keySet()),
                "rows of the table, in the order Permission declares them");
        assertEquals(List.of(Role.values()).stream().sorted().toList(), COLUMNS.stream().sorted().toList(),
                "every role is a column, once");
    }

    @TestFactory
    Stream<DynamicTest> eachCapacityHoldsExactlyThePermissionsTheTableTicks() {
        return table().values().stream().flatMap(row -> row.granted().entrySet().stream().map(cell -> {
            String name = row.permission() + " × " + cell.getKey() + ": " + (cell.getValue() ? "granted" : "refused");
            return dynamicTest(name, () -> assertEquals(cell.getValue(), row.permission().grantedTo(cell.getKey()),
                    name));
        }));
    }

    @TestFactory
    Stream<DynamicTest> onlyPermissionsThatChangeTheRecordAreRefusedOnAnArchivedChild() {
        return table().values().stream().map(row -> {
            String name = row.permission() + " on an archived child: " + (row.changesRecord() ? "409" : "ok");
            return dynamicTest(name, () -> assertEquals(row.changesRecord(), row.permission().changesRecord(), name));
        });
    }

    @Test
    void aGrantMayWhatItsCapacityMay() {
        for (Role capacity : Role.values()) {
            ChildGrant grant = new ChildGrant(UUID.randomUUID(),
                    new Caller(UUID.randomUUID(), "subject", "Name", Set.of(capacity)), capacity);
            for (Permission permission : Permission.values()) {
                assertEquals(permission.grantedTo(capacity), grant.may(permission), permission + " × " + capacity);
            }
        }
    }

    private static boolean tick(String cell, String line) {
        return switch (cell) {
            case "✓" -> true;
            case "-" -> false;
            default -> throw new IllegalArgumentException("not ✓ or -: " + cell + " in " + line);
        };
    }

    private static boolean conflictWhenArchived(String cell, String line) {
        return switch (cell) {
            case "409" -> true;
            case "ok" -> false;
            default -> throw new IllegalArgumentException("not 409 or ok: " + cell + " in " + line);
        };
    }
}

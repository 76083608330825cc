package app.smallwins.child;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.access.Caller;
import app.smallwins.access.CurrentMembership;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.persistence.TypedRows;
import app.smallwins.common.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ChildRepository implements PanacheRepositoryBase<Child, UUID> {

    private final TypedRows rows;

    ChildRepository(TypedRows rows) {
        this.rows = rows;
    }

    public String timeZone(UUID childId) {
        return find("id", childId).project(ZoneOnly.class).singleResult().timeZone();
    }

    public ChildSummary summary(UUID childId) {
        return find("id", childId).project(ChildSummary.Row.class).singleResult().summary();
    }

    /** A child's time zone alone. */
    public record ZoneOnly(String timeZone) {
    }

    /** Every active child, for admins: one keyset-paginated query. */
    public List<ChildView> pageAll(Cursor after, int fetch) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select " + VIEW_COLUMNS + ", 'admin' from child c where c.archived_at is null"
                + newestFirst(after, parameters, fetch);
        return rows.list(sql, parameters, ChildRepository::view);
    }

    /**
     * The active children on whose team the caller holds a current membership, with the
     * capacity they hold it in. The filter is in SQL, so a page never holds rows the caller may
     * not see. A typed read: the most polled list after the unread counts, and Hibernate's
     * entity loading cost more than its query (docs/benchmarks.md).
     *
     * <p>The caller's id is a one-row sub-select, not a compared parameter, so PostgreSQL plans
     * the statement once per connection: the plan (index by user, then each child by id) is the
     * same for everyone, and an estimate for one given id below the average made it re-plan on
     * every call (docs/benchmarks.md).
     */
    public List<ChildView> pageForMember(Caller caller, Cursor after, int fetch) {
        List<Object> parameters = new ArrayList<>(List.of(caller.userId()));
        String sql = "select " + VIEW_COLUMNS + ", m.role from child c"
                + " join team_membership m on m.child_id = c.id"
                + " where m.user_id = (select cast(? as uuid)) and " + CurrentMembership.sql("m", caller)
                + " and c.archived_at is null"
                + newestFirst(after, parameters, fetch);
        return rows.list(sql, parameters, ChildRepository::view);
    }

    private static final String VIEW_COLUMNS = "c.id, c.display_name, c.preferred_name, c.date_of_birth,"
            + " c.communication_modes, c.communication_notes, c.what_helps, c.celebrate_with, c.time_zone,"
            + " c.archived_at, c.created_at, c.updated_at, c.version";

    /** The keyset condition, order and limit of a page, newest first; adds their parameters. */
    private static String newestFirst(Cursor after, List<Object> parameters, int fetch) {
        if (after != null) {
            parameters.add(after.at());
            parameters.add(after.id());
        }
        parameters.add(fetch);
        return Cursor.olderThanTyped(after, "c.created_at", "c.id") + " order by c.created_at desc, c.id desc limit ?";
    }

    /** A row of {@link #VIEW_COLUMNS} and the capacity, in that order. */
    private static ChildView view(ResultSet row) throws SQLException {
        return new ChildView(TypedRows.uuid(row, 1), row.getString(2), row.getString(3),
                row.getObject(4, LocalDate.class),
                new Communication(CommunicationModesConverter.modes(row.getString(5)), row.getString(6)),
                row.getString(7), row.getString(8), row.getString(9), TypedRows.enumOf(Role.class, row, 14),
                TypedRows.instant(row, 10), TypedRows.instant(row, 11), TypedRows.instant(row, 12), row.getLong(13));
    }
}

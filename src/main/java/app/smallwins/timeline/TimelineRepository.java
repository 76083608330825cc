package app.smallwins.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.paging.Cursor;
import app.smallwins.common.persistence.TypedRows;

/** Which observations, cheers and team messages make up a page of a child's timeline. */
@ApplicationScoped
public class TimelineRepository {

    private final TypedRows rows;

    TimelineRepository(TypedRows rows) {
        this.rows = rows;
    }

    /** One entry of a page: what it is (a {@link TimelineItem.Type} name), its id, and when. */
    public record Entry(String type, UUID id, Instant at) {

        public TimelineItem.Type kind() {
            return TimelineItem.Type.valueOf(type);
        }
    }

    /**
     * One query picks the page across all kinds: a union ordered on the same keyset, each branch
     * ordered and limited on its own index, so the merge reads at most three pages of rows
     * however long the child's history is. Read with {@link TypedRows}: the timeline is the
     * most read page, and Hibernate's result processing cost more than this query.
     */
    public List<Entry> page(UUID childId, Cursor after, int fetch) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select * from ("
                + "(select 'OBSERVATION' as type, o.id, o.occurred_at as at from observation o"
                + " where o.child_id = ? and o.deleted_at is null" + Cursor.olderThanTyped(after, "o.occurred_at", "o.id")
                + " order by o.occurred_at desc, o.id desc limit ?)"
                + " union all"
                + " (select 'CHEER', c.id, c.created_at from cheer c"
                + " join observation o on o.id = c.observation_id and o.child_id = c.child_id"
                + " where c.child_id = ? and o.deleted_at is null" + Cursor.olderThanTyped(after, "c.created_at", "c.id")
                + " order by c.created_at desc, c.id desc limit ?)"
                + " union all"
                + " (select 'MESSAGE', m.id, m.created_at from message m"
                + " where m.child_id = ? and m.deleted_at is null and m.observation_id is null"
                + " and m.conversation_id = (select cv.id from conversation cv where cv.child_id = ?"
                + " and cv.kind = 'TEAM')" + Cursor.olderThanTyped(after, "m.created_at", "m.id")
                + " order by m.created_at desc, m.id desc limit ?)"
                + ") t order by at desc, id desc limit ?";
        for (int branch = 0; branch < 3; branch++) {
            parameters.add(childId);
            if (branch == 2) {
                parameters.add(childId);
            }
            if (after != null) {
                parameters.add(after.at());
                parameters.add(after.id());
            }
            parameters.add(fetch);
        }
        parameters.add(fetch);
        return rows.list(sql, parameters,
                row -> new Entry(row.getString(1), TypedRows.uuid(row, 2), TypedRows.instant(row, 3)));
    }
}

package app.smallwins.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import app.smallwins.common.paging.Cursor;

/** Which observations, cheers and team messages make up a page of a child's timeline. */
@ApplicationScoped
public class TimelineRepository {

    private final EntityManager em;

    TimelineRepository(EntityManager em) {
        this.em = em;
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
     * however long the child's history is.
     */
    public List<Entry> page(UUID childId, Cursor after, int fetch) {
        var query = em.unwrap(Session.class).createNativeQuery("""
                select * from (
                  (select 'OBSERVATION' as type, o.id, o.occurred_at as at from observation o
                   where o.child_id = :child and o.deleted_at is null"""
                + Cursor.olderThanNative(after, "o.occurred_at", "o.id") + """

                   order by o.occurred_at desc, o.id desc limit :fetch)
                  union all
                  (select 'CHEER', c.id, c.created_at from cheer c
                   join observation o on o.id = c.observation_id and o.child_id = c.child_id
                   where c.child_id = :child and o.deleted_at is null"""
                + Cursor.olderThanNative(after, "c.created_at", "c.id") + """

                   order by c.created_at desc, c.id desc limit :fetch)
                  union all
                  (select 'MESSAGE', m.id, m.created_at from message m
                   where m.child_id = :child and m.deleted_at is null and m.observation_id is null
                     and m.conversation_id = (select cv.id from conversation cv
                                              where cv.child_id = :child and cv.kind = 'TEAM')"""
                + Cursor.olderThanNative(after, "m.created_at", "m.id") + """

                   order by m.created_at desc, m.id desc limit :fetch)
                ) t order by at desc, id desc limit :fetch""", Entry.class)
                .addScalar("type", String.class).addScalar("id", UUID.class).addScalar("at", Instant.class)
                .setParameter("child", childId)
                .setParameter("fetch", fetch);
        Cursor.bindNative(query, after);
        return query.getResultList();
    }
}

package app.smallwins.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Keyset;
import app.smallwins.common.security.Role;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The access log: entries of one child newest first, and read entries written in batches. */
@ApplicationScoped
public class AccessLogRepository implements PanacheRepositoryBase<AccessLogEntry, UUID> {

    /** An entry with the parts of its actor's name. */
    public record Entry(AccessLogEntry entry, String name, String username) {
    }

    /** One read of a child's record, waiting to be written. */
    record Read(UUID id, UUID childId, UUID actorId, Role capacity, String action, String targetType,
            UUID targetId, Instant at) {
    }

    private static final String INSERT_READS = """
            insert into access_log (id, child_id, actor_id, capacity, action, target_type, target_id, occurred_at)
            select * from unnest(:ids, :children, :actors, :capacities, :actions, :targetTypes, :targetIds, :ats)""";

    /** One child's entries with their actors' names, newest first: one query. */
    public List<Entry> page(UUID childId, Cursor after, int fetch) {
        return Keyset.newestFirst(getEntityManager()::createQuery, """
                select new app.smallwins.audit.AccessLogRepository$Entry(e, u.name, u.username)
                from AccessLogEntry e join AppUser u on u.id = e.actorId
                where e.childId = :child""", Entry.class, "e.occurredAt", "e.id", after, fetch)
                .setParameter("child", childId).getResultList();
    }

    /**
     * Writes reads in one statement whatever their number: each column travels as one array
     * and {@code unnest} turns the arrays back into rows.
     */
    void insertReads(List<Read> reads) {
        getEntityManager().createNativeQuery(INSERT_READS)
                .setParameter("ids", reads.stream().map(Read::id).toArray(UUID[]::new))
                .setParameter("children", reads.stream().map(Read::childId).toArray(UUID[]::new))
                .setParameter("actors", reads.stream().map(Read::actorId).toArray(UUID[]::new))
                .setParameter("capacities", reads.stream().map(r -> r.capacity().name()).toArray(String[]::new))
                .setParameter("actions", reads.stream().map(Read::action).toArray(String[]::new))
                .setParameter("targetTypes", reads.stream().map(Read::targetType).toArray(String[]::new))
                .setParameter("targetIds", reads.stream().map(Read::targetId).toArray(UUID[]::new))
                .setParameter("ats", reads.stream().map(r -> r.at().atOffset(ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new))
                .executeUpdate();
    }
}

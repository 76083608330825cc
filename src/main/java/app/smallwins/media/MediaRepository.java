package app.smallwins.media;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MediaRepository implements PanacheRepositoryBase<Media, UUID> {

    /** The child's media item, unless it belongs to another child or was erased. */
    public Optional<Media> kept(UUID childId, UUID mediaId) {
        return find("id = ?1 and childId = ?2 and erasedAt is null", mediaId, childId).firstResultOptional();
    }

    /** Of these ids, the ones kept (a row not erased): stored objects of the others are to be removed. */
    public Set<UUID> kept(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return getEntityManager()
                .createQuery("select m.id from Media m where m.id in :ids and m.erasedAt is null", UUID.class)
                .setParameter("ids", ids).getResultList().stream().collect(Collectors.toSet());
    }

    /** A media item and its child: what the clean-up needs to find its objects. */
    public record Stored(UUID id, UUID childId) {
    }

    /**
     * Marks erased, at most {@code limit} of them, the media of children whose consent has
     * been NONE since {@code cutoff} or earlier; returns them (their objects are deleted next).
     */
    public List<Stored> markErased(Instant cutoff, Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                update media m set erased_at = :now
                where m.id in (
                    select d.id from media d
                    join (select distinct on (c.child_id) c.child_id, c.consent, c.changed_at
                          from media_consent_change c order by c.child_id, c.changed_at desc, c.id desc) cur
                      on cur.child_id = d.child_id
                    where d.erased_at is null and cur.consent = 'NONE' and cur.changed_at <= :cutoff
                    limit :limit)
                returning m.id, m.child_id""").setParameter("now", now).setParameter("cutoff", cutoff)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Stored((UUID) r[0], (UUID) r[1])).toList();
    }

    /**
     * The attachments of these observations and messages of the child, in order, each with the
     * child's current consent: owner id, media id, kind, content type, size, width, height,
     * duration, uploaded at, consent, consent changed at. One statement.
     */
    public List<Object[]> attachmentsOf(UUID childId, Collection<UUID> observationIds, Collection<UUID> messageIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select coalesce(a.observation_id, a.message_id), m.id, m.kind, m.content_type, m.size, m.width,
                       m.height, m.duration_seconds, m.uploaded_at, cur.consent, cur.changed_at
                from media_attachment a
                join media m on m.id = a.media_id
                cross join lateral (select c.consent, c.changed_at from media_consent_change c
                                    where c.child_id = m.child_id
                                    order by c.changed_at desc, c.id desc limit 1) cur
                where (a.observation_id = any(cast(:observations as uuid[]))
                       or a.message_id = any(cast(:messages as uuid[])))
                  and m.child_id = :child and m.erased_at is null
                order by a.position""")
                .setParameter("observations", observationIds.toArray(UUID[]::new))
                .setParameter("messages", messageIds.toArray(UUID[]::new))
                .setParameter("child", childId).getResultList();
        return rows;
    }

    /** How many of these ids are kept media of the child. */
    public long countKept(UUID childId, List<UUID> ids) {
        return count("childId = ?1 and id in ?2 and erasedAt is null", childId, ids);
    }

    /** Attaches the media, in order, to an observation or message ({@code ownerColumn}), in one statement. */
    public void insert(String ownerColumn, UUID ownerId, List<UUID> mediaIds) {
        if (!ownerColumn.equals("observation_id") && !ownerColumn.equals("message_id")) {
            throw new IllegalArgumentException(ownerColumn);
        }
        getEntityManager().createNativeQuery("insert into media_attachment (media_id, " + ownerColumn + ", position) "
                + "select t.id, :owner, t.n - 1 from unnest(cast(:ids as uuid[])) with ordinality as t(id, n)")
                .setParameter("owner", ownerId).setParameter("ids", mediaIds.toArray(UUID[]::new)).executeUpdate();
    }
}

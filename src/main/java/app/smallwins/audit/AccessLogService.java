package app.smallwins.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Page;
import app.smallwins.common.security.Permission;
import app.smallwins.user.AppUser;

@ApplicationScoped
public class AccessLogService {

    @Inject
    ChildAccess access;

    @Inject
    AccessLog accessLog;

    @Inject
    ReadLogWriter reads;

    @Inject
    EntityManager em;

    /** Newest first. Reads queued on this node are written first, so the list includes them. */
    @Transactional
    public Page<AccessLogView> list(UUID childId, Cursor after, int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_ACCESS_LOG);
        reads.flush();
        var query = em.createQuery("""
                select e, u from AccessLogEntry e join AppUser u on u.id = e.actorId
                where e.childId = :child"""
                + Cursor.olderThan(after, "e.occurredAt", "e.id")
                + " order by e.occurredAt desc, e.id desc", Object[].class)
                .setParameter("child", childId);
        Cursor.bind(query, after);
        var rows = query.setMaxResults(limit + 1).getResultList();
        accessLog.read(grant, "access-log.read", "ACCESS_LOG", null);
        return Page.of(rows, limit, row -> new Cursor(((AccessLogEntry) row[0]).occurredAt, ((AccessLogEntry) row[0]).id))
                .map(row -> {
                    AccessLogEntry e = (AccessLogEntry) row[0];
                    AppUser u = (AppUser) row[1];
                    return new AccessLogView(e.id, e.occurredAt, new AccessLogView.Actor(u.id, u.displayName()),
                            e.capacity, e.action, e.targetType, e.targetId);
                });
    }
}

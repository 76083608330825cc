package app.smallwins.audit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Page;
import app.smallwins.common.security.Permission;
import app.smallwins.user.Names;

@ApplicationScoped
public class AccessLogService {

    private final ChildAccess access;
    private final AccessLog accessLog;
    private final ReadLogWriter reads;
    private final AccessLogRepository entries;

    AccessLogService(ChildAccess access, AccessLog accessLog, ReadLogWriter reads, AccessLogRepository entries) {
        this.access = access;
        this.accessLog = accessLog;
        this.reads = reads;
        this.entries = entries;
    }

    /** Newest first. Reads queued on this node are written first, so the list includes them. */
    @Transactional
    public Page<AccessLogView> list(UUID childId, Cursor after, int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_ACCESS_LOG);
        reads.flush();
        var rows = entries.page(childId, after, limit + 1);
        accessLog.read(grant, "access-log.read", "ACCESS_LOG", null);
        return Page.of(rows, limit, row -> new Cursor(row.entry().occurredAt, row.entry().id)).map(row -> {
            AccessLogEntry e = row.entry();
            return new AccessLogView(e.id, e.occurredAt,
                    new AccessLogView.Actor(e.actorId, Names.displayName(row.name(), row.username())), e.capacity,
                    e.action, e.targetType, e.targetId, e.purpose);
        });
    }
}

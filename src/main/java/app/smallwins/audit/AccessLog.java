package app.smallwins.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildGrant;

/**
 * Records who read or changed a child's record. Changes are written in the caller's
 * transaction, so a change and its log entry commit or roll back together. Reads are
 * queued and written in batches by {@link ReadLogWriter}, off the read path.
 */
@ApplicationScoped
public class AccessLog {

    private final AccessLogRepository entries;
    private final ReadLogWriter reads;

    AccessLog(AccessLogRepository entries, ReadLogWriter reads) {
        this.entries = entries;
        this.reads = reads;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void change(ChildGrant grant, String action, String targetType, UUID targetId) {
        record(grant, action, targetType, targetId, null);
    }

    /**
     * The record leaving the app as a document (the progress report, the export): written in
     * the caller's transaction like a change, so no disclosure goes unrecorded, with its purpose.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void disclosure(ChildGrant grant, String action, String targetType, UUID targetId, String purpose) {
        record(grant, action, targetType, targetId, purpose);
    }

    private void record(ChildGrant grant, String action, String targetType, UUID targetId, String purpose) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.id = UUID.randomUUID();
        entry.childId = grant.childId();
        entry.actorId = grant.caller().userId();
        entry.capacity = grant.capacity();
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.occurredAt = Instant.now();
        entry.purpose = purpose;
        entries.persist(entry);
    }

    public void read(ChildGrant grant, String action, String targetType, UUID targetId) {
        reads.enqueue(new AccessLogRepository.Read(UUID.randomUUID(), grant.childId(), grant.caller().userId(),
                grant.capacity(), action, targetType, targetId, Instant.now()));
    }
}

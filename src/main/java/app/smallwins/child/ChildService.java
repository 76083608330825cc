package app.smallwins.child;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import app.smallwins.access.Caller;
import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.access.CurrentCaller;
import app.smallwins.audit.AccessLog;
import app.smallwins.common.Times;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.http.Etags;
import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.input.TimeZones;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Page;
import app.smallwins.common.security.Permission;
import app.smallwins.common.security.Role;

@ApplicationScoped
public class ChildService {

    static final String TARGET = "CHILD";

    private final ChildRepository children;
    private final ChildAccess access;
    private final CurrentCaller currentCaller;
    private final AccessLog accessLog;
    private final Idempotency idempotency;
    private final TimeZones timeZones;
    private final Event<ChildOpened> opened;

    ChildService(ChildRepository children, ChildAccess access, CurrentCaller currentCaller, AccessLog accessLog,
            Idempotency idempotency, TimeZones timeZones, Event<ChildOpened> opened) {
        this.children = children;
        this.access = access;
        this.currentCaller = currentCaller;
        this.accessLog = accessLog;
        this.idempotency = idempotency;
        this.timeZones = timeZones;
        this.opened = opened;
    }

    @Transactional
    public Idempotency.Outcome<ChildView> create(NewChild body, String idempotencyKey) {
        Caller caller = currentCaller.get();
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Only an admin opens a child's record");
        }
        return idempotency.once(caller.userId(), idempotencyKey, "POST /children", body, ChildView.class, () -> {
            Child child = new Child();
            child.id = UUID.randomUUID();
            child.displayName = body.displayName().strip();
            child.preferredName = body.preferredName();
            child.dateOfBirth = body.dateOfBirth();
            if (body.communication() != null) {
                child.communicationModes = body.communication().distinctModes();
                child.communicationNotes = body.communication().notes();
            }
            child.whatHelps = body.whatHelps();
            child.celebrateWith = body.celebrateWith();
            child.timeZone = body.timeZone() == null ? "UTC" : validTimeZone(body.timeZone());
            child.createdAt = Times.now();
            child.updatedAt = child.createdAt;
            children.persistAndFlush(child);
            ChildGrant grant = new ChildGrant(child.id, caller, Role.admin);
            accessLog.change(grant, "child.create", TARGET, child.id);
            opened.fire(new ChildOpened(grant));
            return ChildView.of(child, Role.admin);
        });
    }

    /**
     * Outside a transaction on purpose: the page is one statement, which PostgreSQL runs as its
     * own transaction (docs/benchmarks.md, "Small reads at the speed of their SQL").
     */
    public Page<ChildView> list(Cursor after, int limit) {
        Caller caller = currentCaller.get();
        List<ChildView> rows = caller.isAdmin()
                ? children.pageAll(after, limit + 1)
                : children.pageForMember(caller, after, limit + 1);
        return Page.of(rows, limit, row -> new Cursor(row.createdAt(), row.id()));
    }

    @Transactional
    public ChildView get(UUID childId) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        Child child = children.findById(childId);
        accessLog.read(grant, "child.read", TARGET, childId);
        return ChildView.of(child, grant.capacity());
    }

    /** The child's time zone, in which "today" and weeks begin (progress views). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ZoneId timeZone(ChildGrant grant) {
        return ZoneId.of(children.timeZone(grant.childId()));
    }

    /** What the progress views say of the child: the name to use, the time zone, what to celebrate with. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChildSummary summary(ChildGrant grant) {
        return children.summary(grant.childId());
    }

    /** The profile as the grant's holder sees it (the record export). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChildView view(ChildGrant grant) {
        return ChildView.of(children.findById(grant.childId()), grant.capacity());
    }

    @Transactional
    public ChildView patch(UUID childId, String ifMatch, ChildPatch patch) {
        ChildGrant grant = access.require(childId, Permission.EDIT_SUPPORT_PROFILE);
        if (patch.touchesCoreProfile() && !grant.may(Permission.EDIT_PROFILE)) {
            throw ApiException.forbidden(
                    "Parents may change the support profile only: communication, whatHelps and celebrateWith");
        }
        Child child = children.findById(childId);
        Etags.requireMatch(ifMatch, child.version);
        if (patch.displayName != null) {
            child.displayName = patch.displayName.orElseThrow().strip();
        }
        if (patch.preferredName != null) {
            child.preferredName = patch.preferredName.orElse(null);
        }
        if (patch.dateOfBirth != null) {
            child.dateOfBirth = patch.dateOfBirth.orElse(null);
        }
        if (patch.communication != null) {
            CommunicationPatch communication = patch.communication.orElse(null);
            if (communication == null) {
                child.communicationModes = List.of();
                child.communicationNotes = null;
            } else {
                if (communication.modes != null) {
                    child.communicationModes = new CommunicationInput(communication.modes.orElse(null), null)
                            .distinctModes();
                }
                if (communication.notes != null) {
                    child.communicationNotes = communication.notes.orElse(null);
                }
            }
        }
        if (patch.whatHelps != null) {
            child.whatHelps = patch.whatHelps.orElse(null);
        }
        if (patch.celebrateWith != null) {
            child.celebrateWith = patch.celebrateWith.orElse(null);
        }
        if (patch.timeZone != null) {
            child.timeZone = validTimeZone(patch.timeZone.orElse("UTC"));
        }
        child.updatedAt = Times.now();
        children.flush();
        accessLog.change(grant, "child.update", TARGET, childId);
        return ChildView.of(child, grant.capacity());
    }

    /** Archives the record: it leaves every list and stops changing; nothing is deleted. */
    @Transactional
    public void archive(UUID childId) {
        ChildGrant grant = access.require(childId, Permission.ARCHIVE_CHILD);
        Child child = children.findById(childId);
        if (child.archivedAt == null) {
            child.archivedAt = Times.now();
            accessLog.change(grant, "child.archive", TARGET, childId);
        }
    }

    private String validTimeZone(String zone) {
        if (!timeZones.isKnown(zone)) {
            throw ApiException.invalid("timeZone", TimeZones.RULE);
        }
        return zone;
    }
}

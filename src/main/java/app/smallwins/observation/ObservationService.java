package app.smallwins.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.common.Times;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.http.Etags;
import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Page;
import app.smallwins.common.security.Permission;
import app.smallwins.live.EventRefs;
import app.smallwins.live.EventType;
import app.smallwins.live.LiveEvents;
import app.smallwins.media.MediaAttachments;
import app.smallwins.media.MediaView;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.goal.GoalService;
import app.smallwins.user.Names;
import app.smallwins.user.People;

@ApplicationScoped
public class ObservationService {

    static final String TARGET = "OBSERVATION";

    private final ObservationRepository observations;
    private final GoalService goals;
    private final ChildAccess access;
    private final AccessLog accessLog;
    private final Idempotency idempotency;
    private final People people;
    private final LiveEvents live;
    private final MediaAttachments attachments;
    /** How far ahead of the server's clock an occurredAt may be (phones' clocks drift). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    ObservationService(ObservationRepository observations, GoalService goals, ChildAccess access, AccessLog accessLog,
            Idempotency idempotency, People people, LiveEvents live, MediaAttachments attachments) {
        this.observations = observations;
        this.goals = goals;
        this.access = access;
        this.accessLog = accessLog;
        this.idempotency = idempotency;
        this.people = people;
        this.live = live;
        this.attachments = attachments;
    }

    @Transactional
    public Idempotency.Outcome<ObservationView> create(UUID childId, ObservationDraft draft, ObservationSource source,
            String idempotencyKey) {
        ChildGrant grant = access.require(childId, Permission.RECORD_OBSERVATIONS);
        if (source == ObservationSource.JOURNAL && !grant.may(Permission.WRITE_JOURNAL)) {
            throw ApiException.forbidden("The win journal is written by the child's parents");
        }
        String operation = "POST /children/" + childId + (source == ObservationSource.JOURNAL ? "/journal" : "/observations");
        return idempotency.once(grant.caller().userId(), idempotencyKey, operation, draft, ObservationView.class,
                () -> views(grant, List.of(record(grant, draft, source, null))).get(0));
    }

    /**
     * Records an observation in the caller's transaction: the one path every way of
     * recording (directly, journal, a message carrying a win) goes through. A win carried by
     * a message names it ({@code messageId}, else null) from the first write.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Observation record(ChildGrant grant, ObservationDraft draft, ObservationSource source, UUID messageId) {
        Observation o = new Observation();
        o.messageId = messageId;
        o.id = UUID.randomUUID();
        o.childId = grant.childId();
        o.kind = draft.kind();
        o.text = draft.text().strip();
        o.setting = draft.setting();
        o.promptLevel = draft.promptLevel();
        o.regulation = draft.regulation();
        o.firstTime = draft.firstTime();
        o.support = draft.support();
        o.occurredAt = checkOccurredAt(draft.occurredAt());
        o.domain = draft.domain();
        linkGoal(grant, o, draft.goalId(), draft.stepId());
        o.source = source;
        o.authorId = grant.caller().userId();
        o.authorCapacity = grant.capacity();
        o.createdAt = Times.now();
        o.updatedAt = o.createdAt;
        observations.persistAndFlush(o);
        attachments.attachToObservation(grant, o.id, draft.mediaIds());
        accessLog.change(grant, "observation.create", TARGET, o.id);
        live.emit(grant, EventType.OBSERVATION_RECORDED, EventRefs.observation(o.id, o.goalId));
        return o;
    }

    @Transactional
    public Page<ObservationView> list(UUID childId, ObservationRepository.Filter filter, Cursor after, int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        List<Observation> rows = observations.page(childId, filter, after, limit + 1);
        Page<Observation> page = Page.of(rows, limit, o -> new Cursor(o.occurredAt, o.id));
        accessLog.read(grant, filter.source() == ObservationSource.JOURNAL ? "journal.list" : "observation.list",
                TARGET, null);
        return new Page<>(views(grant, page.items()), page.nextCursor());
    }

    @Transactional
    public ObservationView get(UUID childId, UUID observationId) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        Observation o = findLive(childId, observationId);
        accessLog.read(grant, "observation.read", TARGET, observationId);
        return views(grant, List.of(o)).get(0);
    }

    @Transactional
    public ObservationView patch(UUID childId, UUID observationId, String ifMatch, ObservationPatch patch) {
        ChildGrant grant = access.require(childId, Permission.RECORD_OBSERVATIONS);
        Observation o = findLive(childId, observationId);
        if (!o.authorId.equals(grant.caller().userId())) {
            throw ApiException.forbidden("Only the author edits an observation");
        }
        if (ifMatch != null) {
            Etags.requireMatch(ifMatch, o.version);
        }
        if (patch.kind != null) {
            o.kind = patch.kind.orElseThrow();
        }
        if (patch.text != null) {
            o.text = patch.text.orElseThrow().strip();
        }
        if (patch.setting != null) {
            o.setting = patch.setting.orElseThrow();
        }
        if (patch.promptLevel != null) {
            o.promptLevel = patch.promptLevel.orElse(null);
        }
        if (patch.regulation != null) {
            o.regulation = patch.regulation.orElse(null);
        }
        if (patch.firstTime != null) {
            o.firstTime = patch.firstTime.orElseThrow();
        }
        if (patch.support != null) {
            o.support = patch.support.orElse(null);
        }
        if (patch.occurredAt != null) {
            o.occurredAt = checkOccurredAt(patch.occurredAt.orElseThrow());
        }
        if (patch.domain != null) {
            o.domain = patch.domain.orElse(null);
        }
        if (patch.goalId != null || patch.stepId != null) {
            UUID goalId = patch.goalId != null ? patch.goalId.orElse(null) : o.goalId;
            // A step belongs to its goal: moving to another goal drops the old step unless one is sent.
            UUID stepId = patch.stepId != null ? patch.stepId.orElse(null)
                    : java.util.Objects.equals(goalId, o.goalId) ? o.stepId : null;
            linkGoal(grant, o, goalId, stepId);
        }
        o.updatedAt = Times.now();
        observations.flush();
        accessLog.change(grant, "observation.update", TARGET, observationId);
        live.emit(grant, EventType.OBSERVATION_CHANGED, EventRefs.observation(o.id, o.goalId));
        return views(grant, List.of(o)).get(0);
    }

    /** A message that carried a win was corrected within its edit window: the observation follows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void syncTextFromMessage(ChildGrant grant, UUID observationId, String text) {
        observations.findLive(grant.childId(), observationId).ifPresent(o -> {
            o.text = text;
            o.updatedAt = Times.now();
            live.emit(grant, EventType.OBSERVATION_CHANGED, EventRefs.observation(o.id, o.goalId));
        });
    }

    /**
     * A message that carried a win was deleted: the win is retracted with it. Like a delete, it
     * leaves every list and progress view and stays in the record (the export shows when).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retractWithMessage(ChildGrant grant, UUID observationId) {
        observations.findLive(grant.childId(), observationId).ifPresent(o -> {
            o.deletedAt = Times.now();
            o.deletedBy = grant.caller().userId();
            accessLog.change(grant, "observation.retract", TARGET, observationId);
            live.emit(grant, EventType.OBSERVATION_DELETED, EventRefs.observation(o.id, o.goalId));
        });
    }

    /** Soft delete: it leaves every list and view, and stays in the record. */
    @Transactional
    public void delete(UUID childId, UUID observationId) {
        ChildGrant grant = access.require(childId, Permission.RECORD_OBSERVATIONS);
        Observation o = findLive(childId, observationId);
        if (!o.authorId.equals(grant.caller().userId()) && !grant.may(Permission.DELETE_OTHERS_OBSERVATIONS)) {
            throw ApiException.forbidden("Only the author or an admin deletes an observation");
        }
        o.deletedAt = Times.now();
        o.deletedBy = grant.caller().userId();
        accessLog.change(grant, "observation.delete", TARGET, observationId);
        live.emit(grant, EventType.OBSERVATION_DELETED, EventRefs.observation(o.id, o.goalId));
    }

    /** One cheer per person per win: cheering again returns the first cheer. */
    @Transactional
    public Idempotency.Outcome<CheerOutcome> cheer(UUID childId, UUID observationId, NewCheer body,
            String idempotencyKey) {
        ChildGrant grant = access.require(childId, Permission.RECORD_OBSERVATIONS);
        Observation o = findLive(childId, observationId);
        if (o.kind != ObservationKind.WIN) {
            throw ApiException.conflict("Only wins are cheered");
        }
        return idempotency.once(grant.caller().userId(), idempotencyKey,
                "POST /children/" + childId + "/observations/" + observationId + "/cheers", body, CheerOutcome.class,
                () -> {
                    Cheer cheer = new Cheer();
                    cheer.id = UUID.randomUUID();
                    cheer.childId = childId;
                    cheer.observationId = observationId;
                    cheer.authorId = grant.caller().userId();
                    cheer.authorCapacity = grant.capacity();
                    cheer.note = body.note().strip();
                    cheer.createdAt = Times.now();
                    Cheer stored = observations.cheerOnce(cheer);
                    boolean created = stored.id.equals(cheer.id);
                    if (created) {
                        accessLog.change(grant, "cheer.create", "CHEER", stored.id);
                        live.emit(grant, EventType.CHEER_ADDED, EventRefs.cheer(observationId, stored.id));
                    }
                    return new CheerOutcome(CheerView.of(stored, people.names(List.of(stored.authorId))), created);
                });
    }

    @Transactional
    public CheerView getCheer(UUID childId, UUID observationId, UUID cheerId) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        findLive(childId, observationId);
        Cheer cheer = observations.findCheer(childId, observationId, cheerId)
                .orElseThrow(() -> ApiException.notFound("Cheer"));
        accessLog.read(grant, "cheer.read", "CHEER", cheerId);
        return CheerView.of(cheer, people.names(List.of(cheer.authorId)));
    }

    public record CheerOutcome(CheerView cheer, boolean created) {
    }

    /** Views for a page of observations: cheers and authors in two more queries, whatever the page size. */
    List<ObservationView> views(ChildGrant grant, List<Observation> page) {
        List<UUID> ids = page.stream().map(o -> o.id).toList();
        Map<UUID, List<Cheer>> cheers = observations.cheersOf(grant.childId(), ids);
        Map<UUID, List<MediaView>> attached = attachments.of(grant, ids, List.of());
        List<UUID> authorIds = new ArrayList<>(page.stream().map(o -> o.authorId).toList());
        cheers.values().forEach(list -> list.forEach(c -> authorIds.add(c.authorId)));
        Names names = people.names(authorIds);
        return page.stream().map(o -> ObservationView.of(o, cheers.getOrDefault(o.id, List.of()), names,
                attached.getOrDefault(o.id, List.of()))).toList();
    }

    /**
     * A page of every observation of the child, deleted ones included and marked, oldest first,
     * for the record export: three queries.
     */
    @Transactional
    public List<ExportedObservation> exportPage(ChildGrant grant, Cursor after, int size) {
        List<Observation> rows = observations.pageIncludingDeleted(grant.childId(), after, size);
        List<ObservationView> views = views(grant, rows);
        List<ExportedObservation> page = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            page.add(new ExportedObservation(views.get(i), rows.get(i).deletedAt));
        }
        return page;
    }

    /**
     * For another feature's page (the timeline): these observations of the child with their
     * cheers, and these cheers, in two queries; the caller names them all at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ObservationSlice slice(ChildGrant grant, List<UUID> observationIds, Set<UUID> cheerIds) {
        List<ObservationRow> page = observations.rowsByIds(grant.childId(), observationIds);
        List<CheerRow> loaded = observations.cheersOnOrByIds(grant.childId(), observationIds, cheerIds);
        Set<UUID> onPage = Set.copyOf(observationIds);
        Map<UUID, List<CheerRow>> cheersOn = loaded.stream().filter(c -> onPage.contains(c.observationId()))
                .collect(Collectors.groupingBy(CheerRow::observationId));
        return new ObservationSlice(page, cheersOn, loaded.stream().filter(c -> cheerIds.contains(c.id())).toList());
    }

    private Observation findLive(UUID childId, UUID observationId) {
        return observations.findLive(childId, observationId)
                .orElseThrow(() -> ApiException.notFound("Observation"));
    }

    /** A goal (and step) must belong to this child; another child's id is treated as absent. */
    private void linkGoal(ChildGrant grant, Observation o, UUID goalId, UUID stepId) {
        if (stepId != null && goalId == null) {
            throw ApiException.invalid("stepId", "needs the goalId it belongs to");
        }
        Domain goalDomain = goalId == null ? null : goals.linkTarget(grant, goalId, stepId);
        o.goalId = goalId;
        o.stepId = stepId;
        if (o.domain == null && goalDomain != null) {
            o.domain = goalDomain;
        }
    }

    private static Instant checkOccurredAt(Instant occurredAt) {
        Instant now = Times.now();
        if (occurredAt == null) {
            return now;
        }
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.invalid("occurredAt", "must not be in the future");
        }
        return occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}

package app.smallwins.goal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.common.Times;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.http.Etags;
import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.json.StrictJson;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Keyset;
import app.smallwins.common.paging.Page;
import app.smallwins.common.security.Permission;
import app.smallwins.live.EventRefs;
import app.smallwins.live.EventType;
import app.smallwins.live.LiveEvents;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.user.Names;
import app.smallwins.user.People;

@ApplicationScoped
public class GoalService {

    static final String TARGET = "GOAL";
    private static final TypeReference<LinkedHashMap<String, Object>> SNAPSHOT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, GoalRevisionView.Change>> CHANGES = new TypeReference<>() {
    };

    private final GoalRepository goals;
    private final ChildAccess access;
    private final AccessLog accessLog;
    private final Idempotency idempotency;
    private final People people;
    private final ObjectMapper json;
    private final LiveEvents live;

    GoalService(GoalRepository goals, ChildAccess access, AccessLog accessLog, Idempotency idempotency, People people,
            ObjectMapper json, LiveEvents live) {
        this.goals = goals;
        this.access = access;
        this.accessLog = accessLog;
        this.idempotency = idempotency;
        this.people = people;
        this.json = json;
        this.live = live;
    }

    @Transactional
    public Idempotency.Outcome<GoalView> create(UUID childId, NewGoal body, String idempotencyKey) {
        ChildGrant grant = access.require(childId, Permission.MANAGE_GOALS);
        checkDates(body.startDate(), body.targetDate());
        List<StepInput> steps = body.steps() == null ? List.of() : body.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id() != null) {
                throw ApiException.invalid("steps[" + i + "].id", "must be omitted for a new goal");
            }
        }
        return idempotency.once(grant.caller().userId(), idempotencyKey, "POST /children/" + childId + "/goals",
                body, GoalView.class, () -> {
                    Goal goal = new Goal();
                    goal.id = UUID.randomUUID();
                    goal.childId = childId;
                    goal.title = body.title().strip();
                    goal.plainLanguage = body.plainLanguage();
                    goal.domain = body.domain();
                    goal.baseline = body.baseline();
                    goal.setMastery(body.mastery());
                    goal.strategies = body.strategies() == null ? List.of() : List.copyOf(body.strategies());
                    goal.status = body.status() == null ? GoalStatus.ACTIVE : body.status();
                    goal.startDate = body.startDate();
                    goal.targetDate = body.targetDate();
                    goal.createdAt = Times.now();
                    goal.createdBy = grant.caller().userId();
                    goal.createdCapacity = grant.capacity();
                    goal.updatedAt = goal.createdAt;
                    goal.statusChangedAt = goal.createdAt;
                    goals.persist(goal);
                    List<GoalStep> saved = replaceSteps(goal, List.of(), steps);
                    goals.flush();
                    recordRevision(grant, goal, Map.of(), snapshot(goal, saved));
                    accessLog.change(grant, "goal.create", TARGET, goal.id);
                    live.emit(grant, EventType.GOAL_CREATED, EventRefs.goal(goal.id));
                    return view(goal, saved, people.names(List.of(goal.createdBy)));
                });
    }

    @Transactional
    public Page<GoalView> list(UUID childId, GoalStatus status, Domain domain, Cursor after, int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        List<Goal> rows = goals.page(childId, status, domain, after, limit + 1);
        Page<Goal> page = Page.of(rows, limit, g -> new Cursor(g.createdAt, g.id));
        Map<UUID, List<GoalStep>> steps = goals.currentSteps(childId, page.items().stream().map(g -> g.id).toList());
        Names authors = people.names(page.items().stream().map(g -> g.createdBy).toList());
        accessLog.read(grant, "goal.list", TARGET, null);
        return page.map(g -> view(g, steps.getOrDefault(g.id, List.of()), authors));
    }

    @Transactional
    public GoalView get(UUID childId, UUID goalId) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        Goal goal = find(childId, goalId);
        accessLog.read(grant, "goal.read", TARGET, goalId);
        return fullView(goal);
    }

    @Transactional
    public GoalView patch(UUID childId, UUID goalId, String ifMatch, GoalPatch patch) {
        ChildGrant grant = access.require(childId, Permission.MANAGE_GOALS);
        Goal goal = find(childId, goalId);
        Etags.requireMatch(ifMatch, goal.version);
        List<GoalStep> before = stepsOf(goal);
        Map<String, Object> old = snapshot(goal, before);

        if (patch.title != null) {
            goal.title = patch.title.orElseThrow().strip();
        }
        if (patch.plainLanguage != null) {
            goal.plainLanguage = patch.plainLanguage.orElse(null);
        }
        if (patch.domain != null) {
            goal.domain = patch.domain.orElseThrow();
        }
        if (patch.baseline != null) {
            goal.baseline = patch.baseline.orElse(null);
        }
        if (patch.mastery != null) {
            goal.setMastery(patch.mastery.orElse(null));
        }
        if (patch.strategies != null) {
            goal.strategies = List.copyOf(patch.strategies.orElse(List.of()));
        }
        if (patch.status != null) {
            GoalStatus next = patch.status.orElseThrow();
            if (!goal.status.canMoveTo(next)) {
                throw ApiException.conflict("A goal cannot move from " + goal.status + " to " + next
                        + "; allowed: ACTIVE → MET → MAINTAINING, back to ACTIVE, any → DISCONTINUED");
            }
            if (next != goal.status) {
                goal.statusChangedAt = Times.now();
            }
            goal.status = next;
        }
        if (patch.startDate != null) {
            goal.startDate = patch.startDate.orElse(null);
        }
        if (patch.targetDate != null) {
            goal.targetDate = patch.targetDate.orElse(null);
        }
        checkDates(goal.startDate, goal.targetDate);
        List<GoalStep> after = patch.steps != null ? replaceSteps(goal, before, patch.steps.orElse(List.of())) : before;

        Map<String, Object> updated = snapshot(goal, after);
        if (!updated.equals(old)) {
            // Touching updatedAt makes the goal row dirty, so its version moves even when only
            // steps (their own table) changed; the flush raises 412 on a concurrent change.
            goal.updatedAt = Times.now();
            goals.flush();
            recordRevision(grant, goal, old, updated);
            accessLog.change(grant, "goal.update", TARGET, goalId);
            live.emit(grant, EventType.GOAL_CHANGED, EventRefs.goal(goalId));
        }
        return view(goal, after, people.names(List.of(goal.createdBy)));
    }

    @Transactional
    public Page<GoalRevisionView> history(UUID childId, UUID goalId, Cursor after, int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        find(childId, goalId);
        List<GoalRevision> rows = goals.revisions(childId, goalId, after, limit + 1);
        Page<GoalRevision> page = Page.of(rows, limit, r -> new Cursor(r.changedAt, r.id));
        Names authors = people.names(page.items().stream().map(r -> r.changedBy).toList());
        accessLog.read(grant, "goal.history", TARGET, goalId);
        return page.map(r -> revisionView(r, authors));
    }

    /** A goal of the child, for another feature's view; 404 when it is not this child's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GoalSummary summary(ChildGrant grant, UUID goalId) {
        return GoalSummary.of(find(grant.childId(), goalId));
    }

    /** The child's goals with one of these statuses, oldest first: one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<GoalSummary> summaries(ChildGrant grant, Set<GoalStatus> statuses) {
        return goals.withStatus(grant.childId(), statuses).stream().map(GoalSummary::of).toList();
    }

    /** The child's goals with one of these statuses, whole (steps, strategies, dates), oldest first: three queries. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<GoalView> views(ChildGrant grant, Set<GoalStatus> statuses) {
        List<Goal> found = goals.withStatus(grant.childId(), statuses);
        Map<UUID, List<GoalStep>> steps = goals.currentSteps(grant.childId(), found.stream().map(g -> g.id).toList());
        Names authors = people.names(found.stream().map(g -> g.createdBy).toList());
        return found.stream().map(g -> view(g, steps.getOrDefault(g.id, List.of()), authors)).toList();
    }

    /**
     * Where an observation may be linked: a goal of this child and, if given, one of its current
     * steps (422 otherwise, since the ids are well-formed). Answers the goal's domain, which an
     * observation without one of its own takes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Domain linkTarget(ChildGrant grant, UUID goalId, UUID stepId) {
        Goal goal = goals.findForChild(grant.childId(), goalId)
                .orElseThrow(() -> ApiException.unprocessable("goalId", "is not a goal of this child"));
        if (stepId != null && goals.findStep(grant.childId(), goalId, stepId).filter(s -> s.retiredAt == null)
                .isEmpty()) {
            throw ApiException.unprocessable("stepId", "is not a current step of this goal");
        }
        return goal.domain;
    }

    /** Every goal of the child with its history, for the record export: four queries in all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ExportedGoal> exportGoals(ChildGrant grant) {
        List<Goal> all = Keyset.all((after, fetch) -> goals.page(grant.childId(), null, null, after, fetch),
                g -> new Cursor(g.createdAt, g.id));
        Map<UUID, List<GoalStep>> steps = goals.currentSteps(grant.childId(), all.stream().map(g -> g.id).toList());
        Map<UUID, List<GoalRevision>> revisions = goals.allRevisions(grant.childId()).stream()
                .collect(Collectors.groupingBy(r -> r.goalId));
        List<UUID> authorIds = new ArrayList<>(all.stream().map(g -> g.createdBy).toList());
        revisions.values().forEach(list -> list.forEach(r -> authorIds.add(r.changedBy)));
        Names authors = people.names(authorIds);
        return all.stream().map(goal -> new ExportedGoal(view(goal, steps.getOrDefault(goal.id, List.of()), authors),
                revisions.getOrDefault(goal.id, List.of()).stream().map(r -> revisionView(r, authors)).toList()))
                .toList();
    }

    GoalRevisionView revisionView(GoalRevision r, Names authors) {
        return new GoalRevisionView(r.id, r.goalId, r.revision, r.changedAt,
                authors.author(r.changedBy, r.capacity), readChanges(r.changes));
    }

    /** The goal of this child, or 404: a goal id of another child is treated as absent. */
    private Goal find(UUID childId, UUID goalId) {
        return goals.findForChild(childId, goalId).orElseThrow(() -> ApiException.notFound("Goal"));
    }

    GoalView fullView(Goal goal) {
        return view(goal, stepsOf(goal), people.names(List.of(goal.createdBy)));
    }

    private List<GoalStep> stepsOf(Goal goal) {
        return goals.currentSteps(goal.childId, List.of(goal.id)).getOrDefault(goal.id, List.of());
    }

    /**
     * Makes the goal's steps the given list, in order. A step sent with its id keeps that id
     * (and the observations that name it); a current step not sent is retired, never deleted.
     */
    private List<GoalStep> replaceSteps(Goal goal, List<GoalStep> current, List<StepInput> wanted) {
        Map<UUID, GoalStep> byId = new LinkedHashMap<>();
        current.forEach(s -> byId.put(s.id, s));
        Set<UUID> kept = new HashSet<>();
        List<GoalStep> result = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            StepInput input = wanted.get(i);
            GoalStep step;
            if (input.id() != null) {
                step = byId.get(input.id());
                if (step == null || !kept.add(input.id())) {
                    throw ApiException.invalid("steps[" + i + "].id", "is not a current step of this goal");
                }
            } else {
                step = new GoalStep();
                step.id = UUID.randomUUID();
                step.childId = goal.childId;
                step.goalId = goal.id;
            }
            step.position = i;
            step.description = input.description().strip();
            if (input.id() == null) {
                // Persist only once filled in: the queued INSERT carries the state at persist time.
                goals.persistStep(step);
            }
            result.add(step);
        }
        byId.values().stream().filter(s -> !kept.contains(s.id)).forEach(s -> s.retiredAt = Times.now());
        return result;
    }

    private Map<String, Object> snapshot(Goal goal, List<GoalStep> steps) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", goal.title);
        fields.put("plainLanguage", goal.plainLanguage);
        fields.put("domain", goal.domain);
        fields.put("baseline", goal.baseline);
        fields.put("mastery", goal.mastery());
        fields.put("steps", steps.stream().map(s -> new GoalView.Step(s.id, s.description)).toList());
        fields.put("strategies", goal.strategies);
        fields.put("status", goal.status);
        fields.put("startDate", goal.startDate);
        fields.put("targetDate", goal.targetDate);
        // Through JSON, so values compare and store exactly as clients see them. Trusted: the
        // values are the record's own, which may predate an input rule.
        JsonNode tree = json.valueToTree(fields);
        try {
            return StrictJson.trusted(json.readerFor(SNAPSHOT)).readValue(tree);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void recordRevision(ChildGrant grant, Goal goal, Map<String, Object> before, Map<String, Object> after) {
        Map<String, GoalRevisionView.Change> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            Object old = before.get(field);
            if (!Objects.equals(old, value)) {
                changes.put(field, new GoalRevisionView.Change(old, value));
            }
        });
        GoalRevision revision = new GoalRevision();
        revision.id = UUID.randomUUID();
        revision.childId = goal.childId;
        revision.goalId = goal.id;
        revision.revision = goal.version + 1;
        revision.changedAt = Times.now();
        revision.changedBy = grant.caller().userId();
        revision.capacity = grant.capacity();
        try {
            revision.changes = json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        goals.persistRevision(revision);
    }

    private Map<String, GoalRevisionView.Change> readChanges(String changes) {
        try {
            return StrictJson.trusted(json.readerFor(CHANGES)).readValue(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static GoalView view(Goal goal, List<GoalStep> steps, Names authors) {
        return new GoalView(goal.id, goal.childId, goal.title, goal.plainLanguage, goal.domain, goal.baseline,
                goal.mastery(), steps.stream().map(s -> new GoalView.Step(s.id, s.description)).toList(),
                goal.strategies, goal.status, goal.statusChangedAt, goal.startDate, goal.targetDate,
                authors.author(goal.createdBy, goal.createdCapacity), goal.createdAt, goal.updatedAt,
                goal.version);
    }

    private static void checkDates(LocalDate start, LocalDate target) {
        if (start != null && target != null && target.isBefore(start)) {
            throw ApiException.invalid("targetDate", "must not be before startDate");
        }
    }
}

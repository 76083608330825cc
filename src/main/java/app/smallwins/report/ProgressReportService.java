package app.smallwins.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.child.ChildService;
import app.smallwins.child.ChildSummary;
import app.smallwins.child.ChildView;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Page;
import app.smallwins.common.security.Permission;
import app.smallwins.goal.GoalService;
import app.smallwins.goal.GoalStatus;
import app.smallwins.goal.GoalView;
import app.smallwins.progress.ProgressService;
import app.smallwins.progress.ReportGoal;
import app.smallwins.team.MembershipView;
import app.smallwins.team.TeamService;
import app.smallwins.user.Names;
import app.smallwins.user.People;

/**
 * The IEP progress report: the cover (the child, the team), the progress part from
 * {@link ProgressService#report}, the team's narratives in place of the generated ones. Each
 * report is a disclosure in the access log, written with it.
 */
@ApplicationScoped
public class ProgressReportService {

    /** The default period: the last three months, up to today in the child's time zone. */
    static final int DEFAULT_MONTHS = 3;
    /** The longest period one report covers: a school year and a bit. */
    static final int MAX_DAYS = 400;
    static final String PURPOSE = "progress report";
    private static final EnumSet<GoalStatus> REPORTED = EnumSet.of(GoalStatus.ACTIVE, GoalStatus.MET,
            GoalStatus.MAINTAINING);
    private static final String SCALE = "Independence score: 1 with no prompt, one sixth less for each step of help "
            + "(a gesture, a spoken reminder, a picture or visual cue, being shown, some hands-on help), 0 with full "
            + "hands-on help or a setback.";

    private final ChildAccess access;
    private final ChildService children;
    private final GoalService goals;
    private final TeamService team;
    private final ProgressService progress;
    private final ReportNarrativeRepository narratives;
    private final People people;
    private final AccessLog accessLog;

    ProgressReportService(ChildAccess access, ChildService children, GoalService goals, TeamService team,
            ProgressService progress, ReportNarrativeRepository narratives, People people, AccessLog accessLog) {
        this.access = access;
        this.children = children;
        this.goals = goals;
        this.team = team;
        this.progress = progress;
        this.narratives = narratives;
        this.people = people;
        this.accessLog = accessLog;
    }

    /** The report over [from, to] (defaults: the last three months), recorded as a disclosure. */
    @Transactional
    public ProgressReport report(UUID childId, LocalDate from, LocalDate to, String format) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        ChildView child = children.view(grant);
        ChildSummary summary = ChildSummary.of(child);
        ProgressReport.Period period = period(summary.timeZone(), from, to);
        Instant end = period.to().plusDays(1).atStartOfDay(summary.timeZone()).toInstant();
        List<GoalView> onPaper = goals.views(grant, REPORTED).stream().filter(g -> g.createdAt().isBefore(end))
                .toList();
        ReportGoal.Evidence evidence = progress.report(grant, summary, period.from(), period.to(), onPaper,
                written(grant, period));
        List<ProgressReport.TeamMember> members = team.documentMembers(grant).stream()
                .map(m -> new ProgressReport.TeamMember(m.user() == null ? null : m.user().id(),
                        m.user() == null ? null : m.user().name(), m.role(),
                        m.relationship()))
                .toList();
        accessLog.disclosure(grant, "report.progress." + format, "CHILD", childId, PURPOSE);
        return new ProgressReport(new ProgressReport.Child(child.id(), summary.name(), child.displayName(),
                child.dateOfBirth(), child.communication(), child.whatHelps(), child.celebrateWith(), child.timeZone()),
                period, members, evidence.goals(), evidence.notOnPaper(), evidence.questions(), SCALE, Instant.now());
    }

    /** Saves a team member's narrative for one goal and period (teacher, therapist, admin). */
    @Transactional
    public NarrativeView write(UUID childId, UUID goalId, LocalDate from, LocalDate to, NewNarrative body) {
        ChildGrant grant = access.require(childId, Permission.MANAGE_GOALS);
        goals.summary(grant, goalId);
        ProgressReport.Period period = period(children.timeZone(grant), from, to);
        ReportNarrative n = new ReportNarrative();
        n.id = UUID.randomUUID();
        n.childId = childId;
        n.goalId = goalId;
        n.periodFrom = period.from();
        n.periodTo = period.to();
        n.text = body.text().strip();
        n.authorId = grant.caller().userId();
        n.authorCapacity = grant.capacity();
        n.writtenAt = Instant.now();
        narratives.persist(n);
        accessLog.change(grant, "report.narrative", "GOAL", goalId);
        return view(n, people.names(List.of(n.authorId)));
    }

    /** The narratives saved for one goal and period, newest first. */
    @Transactional
    public Page<NarrativeView> history(UUID childId, UUID goalId, LocalDate from, LocalDate to, Cursor after,
            int limit) {
        ChildGrant grant = access.require(childId, Permission.READ_RECORD);
        goals.summary(grant, goalId);
        ProgressReport.Period period = period(children.timeZone(grant), from, to);
        List<ReportNarrative> rows = narratives.history(childId, goalId, period.from(), period.to(), after, limit + 1);
        Names names = people.names(rows.stream().map(n -> n.authorId).toList());
        accessLog.read(grant, "report.narrative.history", "GOAL", goalId);
        return Page.of(rows, limit, n -> new Cursor(n.writtenAt, n.id)).map(n -> view(n, names));
    }

    /** The newest narrative of each goal of the period, with how many times it was saved. */
    private Map<UUID, ReportGoal.Written> written(ChildGrant grant, ProgressReport.Period period) {
        List<ReportNarrative> rows = narratives.ofPeriod(grant.childId(), period.from(), period.to());
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> saves = rows.stream().collect(Collectors.groupingBy(n -> n.goalId, Collectors.counting()));
        Map<UUID, ReportNarrative> newest = new HashMap<>();
        rows.forEach(n -> newest.putIfAbsent(n.goalId, n));
        Names names = people.names(newest.values().stream().map(n -> n.authorId).toList());
        Map<UUID, ReportGoal.Written> written = new HashMap<>();
        newest.forEach((goalId, n) -> written.put(goalId, new ReportGoal.Written(n.text,
                names.author(n.authorId, n.authorCapacity), n.writtenAt, saves.get(goalId).intValue())));
        return written;
    }

    private static NarrativeView view(ReportNarrative n, Names names) {
        return new NarrativeView(n.id, n.goalId, n.periodFrom, n.periodTo, n.text,
                names.author(n.authorId, n.authorCapacity), n.writtenAt);
    }

    /** The period asked for, or its defaults; 422 when it runs backwards, into the future or too long. */
    static ProgressReport.Period period(ZoneId zone, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(zone);
        LocalDate last = to != null ? to : today;
        LocalDate first = from != null ? from : last.minusMonths(DEFAULT_MONTHS).plusDays(1);
        if (last.isAfter(today)) {
            throw ApiException.invalid("to", "must not be after today (" + today + " in the child's time zone)");
        }
        if (first.isAfter(last)) {
            throw ApiException.invalid("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiException.invalid("from", "a report covers at most " + MAX_DAYS + " days");
        }
        return new ProgressReport.Period(first, last, zone.getId());
    }
}

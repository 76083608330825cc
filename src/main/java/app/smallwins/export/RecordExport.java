package app.smallwins.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.child.ChildRepository;
import app.smallwins.child.ChildView;
import app.smallwins.common.Author;
import app.smallwins.common.Times;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.security.Permission;
import app.smallwins.goal.Goal;
import app.smallwins.goal.GoalRepository;
import app.smallwins.goal.GoalRevision;
import app.smallwins.goal.GoalService;
import app.smallwins.goal.GoalStep;
import app.smallwins.messaging.Conversation;
import app.smallwins.messaging.Message;
import app.smallwins.messaging.MessagingRepository;
import app.smallwins.messaging.MessagingService;
import app.smallwins.observation.Observation;
import app.smallwins.observation.ObservationRepository;
import app.smallwins.observation.ObservationService;
import app.smallwins.team.MembershipView;
import app.smallwins.team.TeamRepository;
import app.smallwins.user.AppUser;
import app.smallwins.user.Names;
import app.smallwins.user.People;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The child's whole record as one JSON document, for the parents and admins: profile, team,
 * goals with every revision, every observation (deleted ones marked), and the team
 * conversation (deleted messages keep their placeholder). Observations and messages are
 * written page by page, each page in its own short read transaction, so the export of a
 * long history never sits in memory.
 */
@ApplicationScoped
public class RecordExport {

    static final int PAGE = 500;

    @Inject
    ChildAccess access;

    @Inject
    AccessLog accessLog;

    @Inject
    ChildRepository children;

    @Inject
    TeamRepository team;

    @Inject
    GoalRepository goals;

    @Inject
    GoalService goalViews;

    @Inject
    ObservationRepository observations;

    @Inject
    ObservationService observationViews;

    @Inject
    MessagingRepository messaging;

    @Inject
    People people;

    @Inject
    ObjectMapper json;

    /** What is known before streaming starts: who asked, and the bounded parts of the record. */
    public record Header(Instant exportedAt, Author exportedBy, ChildView child, List<MembershipView> team,
            List<GoalRecord> goals, UUID teamConversationId) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ExportedGoal")
    public record GoalRecord(app.smallwins.goal.GoalView goal, List<app.smallwins.goal.GoalRevisionView> history) {
    }

    /** Checks the permission, records the export in the access log, and reads the bounded parts. */
    @Transactional
    public Header prepare(UUID childId) {
        ChildGrant grant = access.require(childId, Permission.EXPORT_RECORD);
        accessLog.change(grant, "record.export", "CHILD", childId);
        // Invited e-mail addresses, as in GET .../team: only for those who manage the team.
        boolean showEmail = grant.may(Permission.MANAGE_TEAM);
        List<MembershipView> members = new ArrayList<>();
        for (Cursor after = null;;) {
            List<TeamRepository.Member> page = team.page(childId, after, PAGE + 1);
            page.stream().limit(PAGE).forEach(m -> members.add(MembershipView.of(m.membership(), m.displayName(), showEmail)));
            if (page.size() <= PAGE) {
                break;
            }
            TeamRepository.Member last = page.get(PAGE - 1);
            after = new Cursor(last.membership().createdAt, last.membership().id);
        }
        List<Goal> all = new ArrayList<>();
        for (Cursor after = null;;) {
            List<Goal> page = goals.page(childId, null, null, after, PAGE + 1);
            all.addAll(page.subList(0, Math.min(PAGE, page.size())));
            if (page.size() <= PAGE) {
                break;
            }
            after = new Cursor(page.get(PAGE - 1).createdAt, page.get(PAGE - 1).id);
        }
        Map<UUID, List<GoalStep>> steps = goals.currentSteps(childId, all.stream().map(g -> g.id).toList());
        Map<UUID, List<GoalRevision>> revisions = goals.allRevisions(childId).stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r.goalId));
        List<UUID> authorIds = new ArrayList<>(all.stream().map(g -> g.createdBy).toList());
        revisions.values().forEach(list -> list.forEach(r -> authorIds.add(r.changedBy)));
        Names authors = people.names(authorIds);
        List<GoalRecord> goalRecords = new ArrayList<>();
        for (Goal goal : all) {
            goalRecords.add(new GoalRecord(GoalService.view(goal, steps.getOrDefault(goal.id, List.of()), authors),
                    revisions.getOrDefault(goal.id, List.of()).stream()
                            .map(r -> goalViews.revisionView(r, authors)).toList()));
        }
        Conversation teamConversation = messaging.teamConversation(childId);
        Author by = people.names(List.of(grant.caller().userId())).author(grant.caller().userId(),
                grant.capacity());
        return new Header(Times.now(), by, ChildView.of(children.findById(childId), grant.capacity()), members,
                goalRecords, teamConversation.id);
    }

    /** Writes the document; call after {@link #prepare} succeeded. */
    public void write(Header header, OutputStream out) {
        UUID childId = header.child().id();
        try (JsonGenerator gen = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.writeStartObject();
            gen.writeObjectField("exportedAt", header.exportedAt());
            gen.writeObjectField("exportedBy", header.exportedBy());
            gen.writeObjectField("child", header.child());
            gen.writeObjectField("team", header.team());
            gen.writeObjectField("goals", header.goals());
            gen.writeArrayFieldStart("observations");
            for (Cursor after = null;;) {
                final Cursor from = after;
                List<ExportedObservation> page = QuarkusTransaction.requiringNew().call(() -> {
                    List<Observation> rows = observations.pageIncludingDeleted(childId, from, PAGE);
                    var views = observationViews.views(childId, rows);
                    List<ExportedObservation> result = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        result.add(new ExportedObservation(views.get(i), rows.get(i).deletedAt,
                                new Cursor(rows.get(i).occurredAt, rows.get(i).id)));
                    }
                    return result;
                });
                for (ExportedObservation o : page) {
                    gen.writeObject(new ObservationRecord(o.view(), o.deletedAt()));
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).position();
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("teamMessages");
            for (Cursor after = null;;) {
                final Cursor from = after;
                List<Message> page = QuarkusTransaction.requiringNew()
                        .call(() -> messaging.messagesOldestFirst(childId, header.teamConversationId(), from, PAGE));
                Names authors = QuarkusTransaction.requiringNew()
                        .call(() -> people.names(page.stream().map(m -> m.authorId).toList()));
                for (Message m : page) {
                    gen.writeObject(MessagingService.view(m, List.of(), authors));
                }
                if (page.size() < PAGE) {
                    break;
                }
                Message last = page.get(page.size() - 1);
                after = new Cursor(last.createdAt, last.id);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record ExportedObservation(app.smallwins.observation.ObservationView view, Instant deletedAt,
            Cursor position) {
    }

    /** The document's shape, for the OpenAPI contract (it is written field by field). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RecordExport")
    public record Document(Instant exportedAt, Author exportedBy, ChildView child, List<MembershipView> team,
            List<GoalRecord> goals, List<ObservationRecord> observations,
            List<app.smallwins.messaging.MessageView> teamMessages) {
    }

    /** An observation in the export: deleted ones stay in the record, marked. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ExportedObservation")
    public record ObservationRecord(app.smallwins.observation.ObservationView observation,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true,
                    description = "Set when the observation was deleted; it stays in the record.") Instant deletedAt) {
    }
}

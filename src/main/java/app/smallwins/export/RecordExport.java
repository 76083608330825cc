package app.smallwins.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.smallwins.access.ChildAccess;
import app.smallwins.access.ChildGrant;
import app.smallwins.audit.AccessLog;
import app.smallwins.child.ChildService;
import app.smallwins.child.ChildView;
import app.smallwins.common.Author;
import app.smallwins.common.Times;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Keyset;
import app.smallwins.common.security.Permission;
import app.smallwins.goal.ExportedGoal;
import app.smallwins.goal.GoalService;
import app.smallwins.media.MediaService;
import app.smallwins.media.MediaView;
import app.smallwins.messaging.MessageView;
import app.smallwins.messaging.MessagingService;
import app.smallwins.observation.ExportedObservation;
import app.smallwins.observation.ObservationService;
import app.smallwins.observation.ObservationView;
import app.smallwins.team.MembershipView;
import app.smallwins.team.TeamService;
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

    private final ChildAccess access;
    private final AccessLog accessLog;
    private final ChildService children;
    private final TeamService team;
    private final GoalService goals;
    private final ObservationService observations;
    private final MessagingService messaging;
    private final People people;
    private final ObjectMapper json;
    private final MediaService media;

    RecordExport(ChildAccess access, AccessLog accessLog, ChildService children, TeamService team, GoalService goals,
            ObservationService observations, MessagingService messaging, People people, ObjectMapper json,
            MediaService media) {
        this.access = access;
        this.accessLog = accessLog;
        this.children = children;
        this.team = team;
        this.goals = goals;
        this.observations = observations;
        this.messaging = messaging;
        this.people = people;
        this.json = json;
        this.media = media;
    }

    /** What is known before streaming starts: who asked, and the bounded parts of the record. */
    public record Header(ChildGrant grant, Instant exportedAt, Author exportedBy, ChildView child,
            List<MembershipView> team, List<ExportedGoal> goals, UUID teamConversationId, List<MediaView> media) {
    }

    /** Checks the permission, records the export in the access log, and reads the bounded parts. */
    @Transactional
    public Header prepare(UUID childId) {
        ChildGrant grant = access.require(childId, Permission.EXPORT_RECORD);
        accessLog.disclosure(grant, "record.export", "CHILD", childId, "record export");
        Author by = people.names(List.of(grant.caller().userId())).author(grant.caller().userId(), grant.capacity());
        return new Header(grant, Times.now(), by, children.view(grant), team.exportMembers(grant),
                goals.exportGoals(grant), messaging.teamConversationId(grant), media.exportItems(grant));
    }

    /**
     * Writes a zip: {@code record.json} (the document) and each photo and video as
     * {@code media/<id>.<extension>}, streamed from the store one after the other.
     */
    public void writeZip(Header header, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("record.json"));
            write(header, zip);
            zip.closeEntry();
            for (MediaView item : header.media()) {
                // Photos and videos are compressed already.
                ZipEntry entry = new ZipEntry("media/" + item.id() + extension(item.contentType()));
                zip.putNextEntry(entry);
                try (InputStream bytes = media.open(item)) {
                    bytes.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "video/mp4" -> ".mp4";
            case "video/quicktime" -> ".mov";
            default -> "";
        };
    }

    /** Writes the document; call after {@link #prepare} succeeded. Each page is read in a transaction of its own. */
    public void write(Header header, OutputStream out) {
        ChildGrant grant = header.grant();
        try (JsonGenerator gen = json.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) { // the caller owns the stream (a zip goes on)
            gen.writeStartObject();
            gen.writeObjectField("exportedAt", header.exportedAt());
            gen.writeObjectField("exportedBy", header.exportedBy());
            gen.writeObjectField("child", header.child());
            gen.writeObjectField("team", header.team());
            gen.writeObjectField("goals", header.goals());
            gen.writeObjectField("media", header.media());
            gen.writeArrayFieldStart("observations");
            for (Cursor after = null;;) {
                final Cursor from = after;
                List<ExportedObservation> page = QuarkusTransaction.requiringNew()
                        .call(() -> observations.exportPage(grant, from, Keyset.PAGE));
                for (ExportedObservation o : page) {
                    gen.writeObject(o);
                }
                if (page.size() < Keyset.PAGE) {
                    break;
                }
                ObservationView last = page.get(page.size() - 1).observation();
                after = new Cursor(last.occurredAt(), last.id());
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("teamMessages");
            for (Cursor after = null;;) {
                final Cursor from = after;
                List<MessageView> page = QuarkusTransaction.requiringNew()
                        .call(() -> messaging.exportPage(grant, header.teamConversationId(), from, Keyset.PAGE));
                for (MessageView m : page) {
                    gen.writeObject(m);
                }
                if (page.size() < Keyset.PAGE) {
                    break;
                }
                MessageView last = page.get(page.size() - 1);
                after = new Cursor(last.createdAt(), last.id());
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document's shape, for the OpenAPI contract (it is written field by field). */
    @Schema(name = "RecordExport")
    public record Document(Instant exportedAt, Author exportedBy, ChildView child, List<MembershipView> team,
            List<ExportedGoal> goals,
            @Schema(description = "Every photo and video kept, oldest first; in the zip export each is the file "
                    + "`media/<id>.<extension>`.") List<MediaView> media,
            List<ExportedObservation> observations, List<MessageView> teamMessages) {
    }
}

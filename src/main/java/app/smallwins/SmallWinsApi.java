package app.smallwins;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API's root: every resource is served under /api/v1. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Small Wins API", version = "1.0.0"),
        tags = {
                @Tag(name = "Me", description = "The caller and what they can see."),
                @Tag(name = "Children", description = "Children's profiles, including how they communicate."),
                @Tag(name = "Care team", description = "Who is on a child's team, and in what capacity."),
                @Tag(name = "Goals", description = "Goals on paper: formal wording, plain language, mastery criteria, steps, strategies, history."),
                @Tag(name = "Observations", description = "Real-life wins, setbacks and notes, and cheers for wins."),
                @Tag(name = "Win journal", description = "The parent's evening win journal."),
                @Tag(name = "Timeline", description = "Everything that happened, newest first."),
                @Tag(name = "Progress", description = "Is the skill real? Progress per goal, the paper-vs-real-life chart, celebration summaries, the progress report for the IEP meeting."),
                @Tag(name = "Media", description = "Photos and videos of wins, with the family's consent."),
                @Tag(name = "Messaging", description = "Conversations about a child, messages that carry wins, read receipts."),
                @Tag(name = "Live events", description = "What changes on the caller's children, as it happens: Server-Sent Events, or pages for background fetch."),
                @Tag(name = "Notifications", description = "E-mail and Web Push on each person's terms: categories at once, in a digest or never, quiet hours, the weekly summary, and what became of each notification."),
                @Tag(name = "Access log", description = "Who read or changed a child's record, and the export of the whole record.")
        })
public class SmallWinsApi extends Application {
}

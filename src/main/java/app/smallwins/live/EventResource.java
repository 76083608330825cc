package app.smallwins.live;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;

@Path("/me/events")
@Tag(name = "Live events")
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class EventResource {

    private final EventFeed feed;

    EventResource(EventFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamMyEvents", summary = "What changes on the caller's children, as it happens (Server-Sent Events)",
            description = """
                    A `text/event-stream` of the changes the caller may see on the children whose team they
                    are on, as they are committed on any node (within a second). Each event has an `id`
                    (its position, increasing across the deployment), an `event` line with its type and a
                    `data` line holding a `LiveEvent` as JSON. Who gets an event is decided by the rules of
                    the GET it announces: a private conversation's events reach its participants only, and
                    someone who leaves a team stops receiving its events at once (they get one last
                    `team.changed`). An admin acts on every child but is on no team: their stream carries
                    nothing, by design (it follows the people around each child).

                    - Comment lines (`:`) arrive every 25 s on an idle stream, so proxies keep it open.
                    - Reconnect with `Last-Event-ID` (browsers' EventSource does so by itself): the stream
                      first replays exactly the events missed, then goes on. Events are kept 7 days; from
                      further back the stream sends one `reset` event: refetch what you show, then go on.
                    - Without `Last-Event-ID` the stream starts with the next change.
                    - The stream ends when the bearer token expires: reconnect with a fresh token and the
                      last id.""")
    @APIResponse(responseCode = "200", description = "The stream; each `data` line is a LiveEvent.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING, example = """
                            id: 4711
                            event: message.posted
                            data: {"id":"4711","type":"message.posted","childId":"00000000-0000-4000-8000-0000000c0001","occurredAt":"2026-12-02T14:05:09Z","conversationId":"3f0c3a55-0a53-4c1e-9d0e-6a4f0a7b2b11","messageId":"8d5f7f0e-1b7e-4c53-a1d1-2c3b7c0d9e42"}

                            """)))
    public void stream(@Context SseEventSink sink, @Context Sse sse,
            @Parameter(description = "The id of the last event received, to resume after it.")
            @HeaderParam("Last-Event-ID") String lastEventId) {
        feed.open(sink, sse, lastEventId);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyEvents", summary = "The same events as pages, oldest first (background fetch)",
            description = """
                    The events the stream would carry, oldest first, after a position: for a phone woken
                    for a background fetch. Keep the `id` of the last item and pass it as `after` next
                    time; `nextCursor` is that id while more events wait (fetch again at once), null when
                    none do. Without `after`, the page starts at the oldest event kept. A position older
                    than the retention (7 days) answers one `reset` event: refetch, then go on after its id.""")
    public Page<EventView> list(
            @Parameter(description = "The id of the last event received.", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]+$"))
            @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 100 (default 20).",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit) {
        PageRequest page = new PageRequest();
        page.limit = limit;
        return feed.page(after, page.limit());
    }
}

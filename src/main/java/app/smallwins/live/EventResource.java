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

import io.vertx.core.http.HttpServerResponse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.paging.PageRequest;

@Path("/me/events")
@Tag(name = "Live events")
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class EventResource {

    private final EventFeed feed;

    EventResource(EventFeed feed) {
        this.feed = feed;
    }

    /** Both methods are one operation of the contract (one path, one GET, two media types). */
    private static final String SUMMARY = "What changes on the caller's children: a live stream (SSE) or pages (JSON)";
    private static final String DESCRIPTION = """
            The changes the caller may see on the children whose team they are on, each as a
            `LiveEvent` (ids of what changed, never its content: read that with the ordinary GETs,
            whose access rules also decide who gets the event). A private conversation's events
            reach its participants only; someone who leaves a team stops receiving its events at
            once (they get one last `team.changed`). An admin acts on every child but is on no team:
            their events are empty, by design (they follow the people around each child).

            **`Accept: text/event-stream`**: Server-Sent Events, within a second of each commit on
            any node. Each event has an `id` (its position, increasing across the deployment), an
            `event` line with its type and a `data` line holding the `LiveEvent` as JSON.
            - Reconnect with `Last-Event-ID` (browsers' EventSource does so by itself): the stream
              first replays exactly the events missed, says `:live`, then goes on. Events are kept
              7 days; from further back the stream sends one `reset` event: refetch what you
              show, then go on. Without `Last-Event-ID` it starts with the next change.
            - Comment lines (`:`) arrive every 25 s on an idle stream, so proxies keep it open.
            - The stream ends when the bearer token expires: reconnect with a fresh token and the
              last id.

            **`Accept: application/json`**: the same events as pages, oldest first, for a phone
            woken for a background fetch. Pass the `id` of the last event received as `after`;
            `nextCursor` is the id to pass next while more events wait (fetch again at once), null
            when none do. Without `after`, the page starts at the oldest event kept. A position
            older than the retention answers one `reset` event.""";
    private static final String RESPONSE = "The stream, or a page of events.";
    private static final String STREAM_EXAMPLE = """
            id: 4711
            event: message.posted
            data: {"id":"4711","type":"message.posted","childId":"00000000-0000-4000-8000-0000000c0001","occurredAt":"2026-12-02T14:05:09Z","conversationId":"3f0c3a55-0a53-4c1e-9d0e-6a4f0a7b2b11","messageId":"8d5f7f0e-1b7e-4c53-a1d1-2c3b7c0d9e42","observationId":null,"cheerId":null,"goalId":null,"membershipId":null}

            """;

    /** Documented with {@link #list}: the contract has one GET for both media types. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = RESPONSE, content = {
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING, example = STREAM_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)) })
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response,
            @Parameter(description = "The id of the last event received: the stream resumes after it (for pages, "
                    + "`after` says the same and wins).",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]+$"))
            @HeaderParam("Last-Event-ID") String lastEventId) {
        // Caches and buffering proxies (nginx) must pass each event on at once.
        response.putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        feed.open(sink, sse, lastEventId);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyEvents", summary = SUMMARY, description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = RESPONSE, content = {
            @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING, example = STREAM_EXAMPLE)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)) })
    public EventPage list(
            @Parameter(description = "The id of the last event received (JSON pages).",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]+$"))
            @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 100 (default 20).",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        PageRequest page = new PageRequest();
        page.limit = limit;
        return feed.page(after, lastEventId, page.limit());
    }
}

package app.smallwins.live;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of events, oldest first: the list envelope, its cursor being an event id. */
@Schema(name = "LiveEventPage")
public record EventPage(
        List<EventView> items,
        @Schema(description = "The id to pass as `after` while more events wait; null when none do.", nullable = true)
        String nextCursor) {
}

package app.smallwins.messaging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.paging.Page;

@Path("/me/unread")
@Tag(name = "Messaging")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class UnreadResource {

    private final MessagingService messaging;

    UnreadResource(MessagingService messaging) {
        this.messaging = messaging;
    }

    @GET
    @Operation(operationId = "getUnread",
            summary = "Unread counts per conversation across all the caller's children; urgent first",
            description = "Every conversation with unread messages, in one page (nextCursor is always null).")
    public Page<UnreadView> get() {
        return new Page<>(messaging.unread(), null);
    }
}

package app.smallwins.messaging;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.http.Links;
import app.smallwins.common.http.Responses;
import app.smallwins.common.idempotency.Idempotency;
import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;

@Path("/children/{childId}/conversations")
@Tag(name = "Messaging")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class ConversationResource {

    private final MessagingService messaging;

    ConversationResource(MessagingService messaging) {
        this.messaging = messaging;
    }

    @GET
    @Operation(operationId = "listConversations",
            summary = "The team conversation and the private ones the caller is in, most recent activity first")
    public Page<ConversationView> list(@PathParam("childId") UUID childId, @Valid @BeanParam PageRequest page) {
        return messaging.list(childId, page.position(), page.limit());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openConversation", summary = "Open a smaller conversation with chosen team members")
    @APIResponse(responseCode = "201", description = "Opened",
            headers = @Header(name = "Location", schema = @Schema(implementation = URI.class)),
            content = @Content(schema = @Schema(implementation = ConversationView.class)))
    public Response open(@PathParam("childId") UUID childId,
            @Parameter(description = "Makes retries safe.") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewConversation body) {
        var outcome = messaging.open(childId, body, idempotencyKey);
        return Responses.created(Links.to(ConversationResource.class, "get", childId, outcome.value().id()),
                outcome.value(), outcome.replayed()).build();
    }

    @GET
    @Path("/{conversationId}")
    @Operation(operationId = "getConversation", summary = "Read one conversation the caller may see")
    public ConversationView get(@PathParam("childId") UUID childId, @PathParam("conversationId") UUID conversationId) {
        return messaging.get(childId, conversationId);
    }

    @GET
    @Path("/{conversationId}/messages")
    @Operation(operationId = "listMessages", summary = "Messages, newest first, with who has read each")
    public Page<MessageView> messages(@PathParam("childId") UUID childId,
            @PathParam("conversationId") UUID conversationId, @Valid @BeanParam PageRequest page) {
        return messaging.messages(childId, conversationId, page.position(), page.limit());
    }

    @POST
    @Path("/{conversationId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postMessage", summary = "Post a message; with `win`, it is also recorded as an observation",
            description = "The message and its observation are created in one transaction: both or neither.")
    @APIResponse(responseCode = "201", description = "Posted",
            headers = @Header(name = "Location", schema = @Schema(implementation = URI.class)),
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    public Response post(@PathParam("childId") UUID childId, @PathParam("conversationId") UUID conversationId,
            @Parameter(description = "Makes retries safe: a retry with the same key returns the first message.")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull NewMessage body) {
        var outcome = messaging.post(childId, conversationId, body, idempotencyKey);
        return Responses.created(Links.to(ConversationResource.class, "message", childId, conversationId,
                outcome.value().id()), outcome.value(), outcome.replayed()).build();
    }

    @GET
    @Path("/{conversationId}/messages/{messageId}")
    @Operation(operationId = "getMessage", summary = "Read one message, with who has read it",
            description = "A deleted message answers its placeholder (deleted, no body).")
    public MessageView message(@PathParam("childId") UUID childId, @PathParam("conversationId") UUID conversationId,
            @PathParam("messageId") UUID messageId) {
        return messaging.message(childId, conversationId, messageId);
    }

    @PATCH
    @Path("/{conversationId}/messages/{messageId}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "editMessage", summary = "Correct one's own message within 15 minutes (the edit is marked)")
    public MessageView edit(@PathParam("childId") UUID childId, @PathParam("conversationId") UUID conversationId,
            @PathParam("messageId") UUID messageId, @Valid @NotNull MessagePatch body) {
        return messaging.edit(childId, conversationId, messageId, body);
    }

    @DELETE
    @Path("/{conversationId}/messages/{messageId}")
    @Operation(operationId = "deleteMessage", summary = "Delete one's own message (a placeholder stays)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("childId") UUID childId, @PathParam("conversationId") UUID conversationId,
            @PathParam("messageId") UUID messageId) {
        messaging.delete(childId, conversationId, messageId);
    }

    @GET
    @Path("/{conversationId}/messages/{messageId}/history")
    @Operation(operationId = "getMessageHistory", summary = "Earlier bodies of an edited or deleted message (admin)")
    public Page<MessageEditView> history(@PathParam("childId") UUID childId,
            @PathParam("conversationId") UUID conversationId, @PathParam("messageId") UUID messageId) {
        return new Page<>(messaging.history(childId, conversationId, messageId), null);
    }

    @POST
    @Path("/{conversationId}/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "markConversationRead", summary = "Mark the conversation read up to a message")
    @APIResponse(responseCode = "204", description = "Marked")
    public void read(@PathParam("childId") UUID childId, @PathParam("conversationId") UUID conversationId,
            @Valid @NotNull ReadMarker body) {
        messaging.markRead(childId, conversationId, body);
    }
}

package app.smallwins.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.access.CurrentCaller;
import app.smallwins.common.paging.Page;
import app.smallwins.common.paging.PageRequest;

@Path("/me")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class NotificationResource {

    private final NotificationService notifications;
    private final CurrentCaller caller;

    NotificationResource(NotificationService notifications, CurrentCaller caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    @Path("/notifications")
    @Operation(operationId = "listMyNotifications",
            summary = "The caller's notifications, newest first, with what became of each (held, queued, sent, failed)")
    public Page<NotificationView> list(@Valid @BeanParam PageRequest page) {
        return notifications.history(caller.get(), page.position(), page.limit());
    }

    @POST
    @Path("/push-subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "subscribeToPush", summary = "Turn Web Push on for this browser (its PushSubscription "
            + "JSON); sending the same endpoint again refreshes it. 409 while Web Push is off on the server.")
    @APIResponse(responseCode = "200", description = "Subscribed")
    public PushSubscriptionView subscribe(@Valid @NotNull NewPushSubscription body) {
        return notifications.subscribe(caller.get(), body);
    }

    @DELETE
    @Path("/push-subscriptions")
    @Operation(operationId = "unsubscribeFromPush", summary = "Turn Web Push off for a browser, by its endpoint")
    @APIResponse(responseCode = "204", description = "Unsubscribed (or was not subscribed)")
    public void unsubscribe(@Parameter(description = "The subscription's endpoint, as the browser gave it.",
            required = true) @QueryParam("endpoint") String endpoint) {
        notifications.unsubscribe(caller.get(), endpoint);
    }
}

package app.smallwins.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.error.ApiException;

@Path("/push/vapid-public-key")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class VapidKeyResource {

    private final NotificationService notifications;

    VapidKeyResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Operation(operationId = "getVapidPublicKey", summary = "The server's VAPID public key, for subscribing a browser "
            + "to Web Push; 404 while Web Push is off on this server.")
    @APIResponse(responseCode = "200", description = "Web Push is on")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public VapidKeyView get() {
        return notifications.vapidKey().orElseThrow(() -> new ApiException(
                app.smallwins.common.error.ProblemType.NOT_FOUND, "Web Push is not turned on for this server"));
    }
}

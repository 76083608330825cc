package app.smallwins.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.access.CurrentCaller;

@Path("/me/notification-settings")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class NotificationSettingsResource {

    private final NotificationSettingsService settings;
    private final CurrentCaller caller;

    NotificationSettingsResource(NotificationSettingsService settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getNotificationSettings",
            summary = "The caller's notification settings (the defaults of their capacity until they save their own)")
    public NotificationSettings get() {
        return settings.current(caller.get());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceNotificationSettings", summary = "Replace the caller's notification settings; "
            + "categories or channels left out take their defaults. Held notifications follow new quiet hours at once.")
    public NotificationSettings replace(@Valid @NotNull NotificationSettingsUpdate body) {
        return settings.replace(caller.get(), body);
    }
}

package app.smallwins.user;

import java.util.UUID;

/**
 * Fired, inside the provisioning transaction, when a person's first request arrives or their
 * identity claims changed: other features (the care team's e-mail invitations) follow it
 * without the user feature knowing them.
 */
public record UserSignedIn(UUID userId, String email, boolean emailVerified) {
}

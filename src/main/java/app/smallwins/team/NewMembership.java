package app.smallwins.team;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.security.Role;

@Schema(name = "NewMembership",
        description = "Adds a person to the team: by e-mail (bound when they first sign in with it verified) "
                + "or by their OIDC subject. Exactly one of email and subject.")
public record NewMembership(
        @Schema(examples = "priya.sharma@example.com") @Email @Size(max = 254) String email,
        @Schema(description = "The person's `sub` at the identity provider.") @Size(min = 1, max = 255) String subject,
        @Schema(description = "One of teacher, para, therapist, parent.", examples = "parent") @NotNull Role role,
        @Schema(examples = "mother") @NotBlank @Size(max = 100) String relationship) {
}

package app.smallwins.me;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.security.Role;

@Schema(name = "Me", description = "The caller, their roles, and the children they can see.")
public record MeView(
        UUID id,
        @Schema(examples = "Tina Thomas") String name,
        @Schema(examples = "tina", nullable = true) String username,
        @Schema(examples = "tina@school.example", nullable = true) String email,
        @Schema(description = "Realm roles this token carries that the API knows.") Set<Role> roles,
        @Schema(description = "The children the caller can see (newest first, at most 100), with their capacity.")
        List<ChildCapacity> children,
        @Schema(description = "True when the caller sees more than 100 children; page through GET /children.")
        boolean moreChildren) {

    @Schema(name = "ChildCapacity")
    public record ChildCapacity(UUID childId, @Schema(examples = "Arjun Sharma") String displayName,
            @Schema(examples = "Arjun", nullable = true) String preferredName, Role capacity) {
    }
}

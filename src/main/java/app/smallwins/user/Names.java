package app.smallwins.user;

import java.util.Map;
import java.util.UUID;

import app.smallwins.common.Author;
import app.smallwins.common.security.Role;

/** The names others see for a set of people, looked up together ({@link People#names}). */
public record Names(Map<UUID, String> byId) {

    /** The name shown for someone no longer known (never null). */
    public static final String UNKNOWN = "Team member";

    /** The name shown for a person: their name, else their username, else {@link #UNKNOWN}. */
    public static String displayName(String name, String username) {
        return TokenClaims.displayName(name, username);
    }

    public String of(UUID id) {
        return byId.getOrDefault(id, UNKNOWN);
    }

    /** Who wrote something, in the capacity they wrote it in. */
    public Author author(UUID id, Role capacity) {
        return new Author(id, of(id), capacity);
    }
}

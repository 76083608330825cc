package app.smallwins.user;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the user feature offers the others: the people behind ids, found by subject or
 * verified e-mail, and named in one query per page so no list reads its authors one by one.
 */
@ApplicationScoped
public class People {

    private final AppUserRepository users;

    People(AppUserRepository users) {
        this.users = users;
    }

    /** The caller's own account, as GET /me shows it. */
    public record Account(UUID id, String name, String username, String email) {
    }

    /** The names of these people: one query, whatever their number; none when there are none. */
    public Names names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return new Names(java.util.Map.of());
        }
        return new Names(users.names(ids).stream()
                .collect(Collectors.toMap(AppUserRepository.NameRow::id, AppUserRepository.NameRow::displayName)));
    }

    public Account account(UUID id) {
        AppUser user = users.findById(id);
        return new Account(user.id, user.displayName(), user.username, user.email);
    }

    public Optional<UUID> idOfSubject(String subject) {
        return users.findBySubject(subject).map(u -> u.id);
    }

    public Optional<UUID> idOfVerifiedEmail(String email) {
        return users.findByVerifiedEmail(email).map(u -> u.id);
    }

    /** The person with this subject, added (without a name yet) when they have never signed in. */
    public UUID addBySubject(String subject) {
        return idOfSubject(subject).orElseGet(
                () -> users.insertIfAbsent(new TokenClaims(subject, null, null, null, false)).id);
    }
}

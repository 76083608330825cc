package app.smallwins.user;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.smallwins.common.Author;
import app.smallwins.common.persistence.RowQuery;
import app.smallwins.common.persistence.SqlValues;
import app.smallwins.common.security.Role;

/** Looks up the people behind a page of rows in one query, to name authors without N+1. */
@ApplicationScoped
public class People {

    @Inject
    AppUserRepository users;

    public Map<UUID, AppUser> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return RowQuery.of(users.getEntityManager(), "select * from app_user where id = any(:ids)")
                .set("ids", SqlValues.uuids(ids)).list(AppUser::fromRow).stream()
                .collect(Collectors.toMap(u -> u.id, Function.identity()));
    }

    public static Author author(Map<UUID, AppUser> people, UUID id, Role capacity) {
        AppUser user = people.get(id);
        return new Author(id, user == null ? "Team member" : user.displayName(), capacity);
    }
}

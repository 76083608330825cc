package app.smallwins.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.persistence.SqlValues;
import app.smallwins.common.persistence.TypedRows;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AppUserRepository implements PanacheRepositoryBase<AppUser, UUID> {

    private final TypedRows rows;

    AppUserRepository(TypedRows rows) {
        this.rows = rows;
    }

    /** A person's id and the parts of their name. */
    public record NameRow(UUID id, String name, String username) {

        String displayName() {
            return Names.displayName(name, username);
        }
    }

    /** The people with these ids, named: on every page that shows authors (TypedRows: why, there). */
    public List<NameRow> names(Collection<UUID> ids) {
        return rows.list("select id, name, username from app_user where id = any(?)",
                List.of((Object) SqlValues.uuids(ids)),
                row -> new NameRow(TypedRows.uuid(row, 1), row.getString(2), row.getString(3)));
    }

    public Optional<AppUser> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public Optional<AppUser> findByVerifiedEmail(String email) {
        return find("lower(email) = lower(?1) and emailVerified = true", email).firstResultOptional();
    }

    /** Creates the user unless a concurrent first request already did; safe under races. */
    public AppUser insertIfAbsent(TokenClaims claims) {
        getEntityManager().createNativeQuery("""
                insert into app_user (id, subject, name, username, email, email_verified, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, now())
                on conflict (subject) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, claims.subject())
                .setParameter(3, claims.name())
                .setParameter(4, claims.username())
                .setParameter(5, claims.email())
                .setParameter(6, claims.emailVerified())
                .executeUpdate();
        return findBySubject(claims.subject()).orElseThrow();
    }
}

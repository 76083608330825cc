package app.smallwins.user;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person known from an OIDC token (or named by subject on a care team before first sign-in). */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    public UUID id;

    /** The OIDC `sub` claim: the only identity that counts. */
    @Column(nullable = false, unique = true)
    public String subject;

    public String name;

    public String username;

    public String email;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The name shown to other team members. */
    public String displayName() {
        return TokenClaims.displayName(name, username);
    }
}

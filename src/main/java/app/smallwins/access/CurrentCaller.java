package app.smallwins.access;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.smallwins.common.input.InputRules;
import app.smallwins.common.security.Role;
import app.smallwins.user.TokenClaims;
import app.smallwins.user.UserProvisioner;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The caller of the current request, resolved once per request from the verified token. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final UserProvisioner provisioner;
    private Caller caller;

    CurrentCaller(SecurityIdentity identity, JsonWebToken token, UserProvisioner provisioner) {
        this.identity = identity;
        this.token = token;
        this.provisioner = provisioner;
    }

    public Caller get() {
        if (caller == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            String subject = token.getSubject();
            if (subject == null || subject.isBlank()) {
                throw new AuthenticationFailedException("token has no subject");
            }
            // Users are stored by subject: one that could not be stored is not an identity here.
            if (subject.length() > TokenClaims.MAX_LENGTH || InputRules.textProblem(subject) != null) {
                throw new AuthenticationFailedException("token subject is not storable");
            }
            TokenClaims claims = TokenClaims.of(identity, token);
            java.util.UUID userId = provisioner.knownUser(claims);
            if (userId == null) {
                userId = provisioner.provision(claims).id;
            }
            caller = new Caller(userId, claims.subject(), claims.displayName(), rolesOf(identity.getRoles()));
        }
        return caller;
    }

    private static Set<Role> rolesOf(Set<String> claimed) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claimed.forEach(value -> Role.fromClaim(value).ifPresent(roles::add));
        return roles;
    }
}

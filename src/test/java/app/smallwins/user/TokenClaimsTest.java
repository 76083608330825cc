package app.smallwins.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/** Claims are stored and shown to others: whatever the identity provider sends, they stay storable. */
class TokenClaimsTest {

    @Test
    void controlCharactersInClaimsAreReplaced() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("subject-1");
        claims.setClaim("name", "Tina\u0000 \u0085Thomas\uD800");
        claims.setClaim("preferred_username", "tina\u0007");
        claims.setClaim("email", "tina\u001b@example.test");
        TokenClaims read = TokenClaims.of(new DefaultJWTCallerPrincipal(claims));
        assertEquals("Tina\uFFFD \uFFFDThomas\uFFFD", read.name());
        assertEquals("tina\uFFFD", read.username());
        assertEquals("tina\uFFFD@example.test", read.email());
    }

    @Test
    void longClaimsAreClippedWithoutBreakingACharacter() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("subject-1");
        claims.setClaim("name", "x".repeat(254) + "\uD83C\uDF89 and more");
        assertEquals("x".repeat(254) + "\uFFFD", TokenClaims.of(new DefaultJWTCallerPrincipal(claims)).name());
    }
}

package app.smallwins.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
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
    void aVerifiedTokensClaimsAreReadOnceIntoItsIdentity() {
        DefaultJWTCallerPrincipal token = token(Map.of("name", "Tina Thomas", "preferred_username", "tina"));
        SecurityIdentity verified = QuarkusSecurityIdentity.builder().setPrincipal(token).addRole("teacher").build();
        TokenClaims.Reader reader = new TokenClaims.Reader();

        SecurityIdentity read = reader.augment(verified, null).await().indefinitely();
        TokenClaims kept = read.getAttribute(TokenClaims.ATTRIBUTE);
        assertEquals(TokenClaims.of(token), kept);
        assertEquals(verified.getRoles(), read.getRoles());
        assertSame(token, read.getPrincipal());
        // Read from the identity from then on, also when the identity comes back (a recalled token).
        assertSame(kept, TokenClaims.of(read, token));
        assertSame(read, reader.augment(read, null).await().indefinitely());
        // An identity without them (not through the augmentor) reads the token itself.
        assertEquals(kept, TokenClaims.of(verified, token));
    }

    @Test
    void anAnonymousIdentityGetsNoClaims() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertSame(anonymous, new TokenClaims.Reader().augment(anonymous, null).await().indefinitely());
    }

    @Test
    void longClaimsAreClippedWithoutBreakingACharacter() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("subject-1");
        claims.setClaim("name", "x".repeat(254) + "\uD83C\uDF89 and more");
        assertEquals("x".repeat(254) + "\uFFFD", TokenClaims.of(new DefaultJWTCallerPrincipal(claims)).name());
    }

    @Test
    void theSubjectAndTheClaimsAreReadAsSent() {
        TokenClaims read = read(Map.of("name", "Tina Thomas", "preferred_username", "tina",
                "email", "tina@example.test", "email_verified", true));
        assertEquals("subject-1", read.subject());
        assertEquals("Tina Thomas", read.name());
        assertEquals("tina", read.username());
        assertEquals("tina@example.test", read.email());
        assertTrue(read.emailVerified());
    }

    @Test
    void theNameClaimWinsOverGivenAndFamilyNames() {
        assertEquals("Ms Thomas", read(Map.of("name", "Ms Thomas", "given_name", "Tina", "family_name", "Thomas"))
                .name());
    }

    @Test
    void withoutANameClaimTheNameIsGivenThenFamilyName() {
        assertEquals("Tina Thomas", read(Map.of("given_name", "Tina", "family_name", "Thomas")).name());
        assertEquals("Tina", read(Map.of("given_name", "Tina")).name());
        assertEquals("Thomas", read(Map.of("family_name", "Thomas")).name());
        assertNull(read(Map.of("preferred_username", "tina")).name());
    }

    @Test
    void othersSeeTheNameThenTheUsernameThenTeamMember() {
        assertEquals("Tina Thomas", read(Map.of("name", "Tina Thomas", "preferred_username", "tina")).displayName());
        assertEquals("tina", read(Map.of("preferred_username", "tina")).displayName());
        assertEquals("tina", read(Map.of("name", "  ", "preferred_username", "tina")).displayName());
        assertEquals("Team member", read(Map.of()).displayName());
    }

    @Test
    void aClaimOfTheLongestStorableLengthIsKeptWhole() {
        String longest = "e".repeat(TokenClaims.MAX_LENGTH - "@example.test".length()) + "@example.test";
        assertEquals(255, longest.length());
        assertEquals(longest, read(Map.of("email", longest)).email());
        assertEquals(longest.substring(0, 255), read(Map.of("email", longest + "x")).email());
    }

    @Test
    void everyClaimIsClippedTo255Characters() {
        TokenClaims read = read(Map.of("preferred_username", "u".repeat(300), "email", "e".repeat(300)));
        assertEquals("u".repeat(255), read.username());
        assertEquals("e".repeat(255), read.email());
    }

    @Test
    void aNameMadeOfGivenAndFamilyNamesIsClippedAsAWhole() {
        assertEquals("g".repeat(200) + " " + "f".repeat(54),
                read(Map.of("given_name", "g".repeat(200), "family_name", "f".repeat(200))).name());
    }

    @Test
    void theEmailIsVerifiedWhenTheClaimSaysTrueAsABooleanOrAsText() {
        assertTrue(read(Map.of("email_verified", true)).emailVerified());
        assertTrue(read(Map.of("email_verified", "true")).emailVerified());
        assertTrue(read(Map.of("email_verified", "TRUE")).emailVerified());
    }

    @ParameterizedTest
    @ValueSource(strings = { "false", "yes", "1", "", "verified" })
    void anyOtherTextLeavesTheEmailUnverified(String claim) {
        assertFalse(read(Map.of("email_verified", claim)).emailVerified());
    }

    @Test
    void anEmailIsUnverifiedWhenTheClaimIsFalseMissingOrANumber() {
        assertFalse(read(Map.of("email_verified", false)).emailVerified());
        assertFalse(read(Map.of("email", "tina@example.test")).emailVerified());
        assertFalse(read(Map.of("email_verified", 1)).emailVerified());
    }

    private static TokenClaims read(Map<String, Object> values) {
        return TokenClaims.of(token(values));
    }

    private static DefaultJWTCallerPrincipal token(Map<String, Object> values) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("subject-1");
        values.forEach(claims::setClaim);
        return new DefaultJWTCallerPrincipal(claims);
    }
}

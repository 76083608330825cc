package app.smallwins.common.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.error.ProblemType;

/** If-Match on PATCH: the ETag last read, or *; missing is 428, stale is 412, nothing overwritten. */
class EtagsTest {

    static final long CURRENT = 3;

    @Test
    void theEtagIsTheVersionInQuotes() {
        assertEquals("\"3\"", Etags.of(3));
        assertEquals("\"0\"", Etags.of(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"3\"", " \"3\" ", "W/\"3\"" })
    void theCurrentEtagMatchesStrongOrWeak(String ifMatch) {
        assertDoesNotThrow(() -> Etags.requireMatch(ifMatch, CURRENT));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"1\", \"3\"", "\"3\",\"4\"", "\"2\", W/\"3\"" })
    void aListMatchesWhenAnyOfItsEtagsIsCurrent(String ifMatch) {
        assertDoesNotThrow(() -> Etags.requireMatch(ifMatch, CURRENT));
    }

    @ParameterizedTest
    @ValueSource(strings = { "*", " * ", "\"1\", *" })
    void aStarMatchesWhateverTheVersion(String ifMatch) {
        assertDoesNotThrow(() -> Etags.requireMatch(ifMatch, CURRENT));
        assertDoesNotThrow(() -> Etags.requireMatch(ifMatch, 0));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   " })
    void aMissingIfMatchIs428(String ifMatch) {
        assertRefused(ProblemType.PRECONDITION_REQUIRED, 428, ifMatch);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"2\"", "W/\"2\"", "\"1\", \"2\"", "\"4\"", "\"03\"" })
    void anEtagOfAnotherVersionIs412(String ifMatch) {
        assertRefused(ProblemType.PRECONDITION_FAILED, 412, ifMatch);
    }

    @ParameterizedTest
    @ValueSource(strings = { "3", "'3'", "\"3", "W/3", "**" })
    void somethingThatIsNotTheEtagAsItWasSentIs412(String ifMatch) {
        assertRefused(ProblemType.PRECONDITION_FAILED, 412, ifMatch);
    }

    private static void assertRefused(ProblemType type, int status, String ifMatch) {
        ApiException refused = assertThrows(ApiException.class, () -> Etags.requireMatch(ifMatch, CURRENT));
        assertEquals(type, refused.type);
        assertEquals(status, refused.type.status);
    }
}

package app.smallwins.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.error.Problem;
import app.smallwins.common.error.ProblemType;

/** A cursor is exactly a nextCursor the API returned (docs/input-rules.md); anything else is a 400 naming it. */
class CursorTest {

    static final UUID ID = UUID.fromString("3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c");

    @ParameterizedTest
    @ValueSource(strings = { "2026-11-24T15:00:00Z", "2026-11-24T15:00:00.123456Z", "1970-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999Z" })
    void whatTheApiWritesItReadsBack(String at) {
        Cursor cursor = new Cursor(Instant.parse(at), ID);
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void aCursorIsUrlSafeWithoutPadding() {
        for (Instant at : List.of(Instant.parse("2026-11-24T15:00:00Z"), Instant.parse("2026-11-24T15:00:00.1Z"),
                Instant.parse("2026-11-24T15:00:00.12Z"))) {
            String encoded = new Cursor(at, ID).encode();
            assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "  " })
    void noCursorMeansTheFirstPage(String cursor) {
        assertNull(Cursor.decode(cursor));
    }

    @ParameterizedTest
    @ValueSource(strings = { "!!!", "abc", "a b", "%3D", "MjAyNi0xMS0yNFQxNTowMDowMFp8" })
    void somethingThatIsNotACursorIs400(String cursor) {
        assertRefused(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-24T15:00:00Z", // no id
            "|3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c", // no position
            "2026-11-24T15:00:00Z|", // empty id
            "2026-11-24T15:00:00Z|42", // not a UUID
            "2026-11-24T15:00:00Z|3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c|x", // something after the id
            "2026-11-24|3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c", // a date, not an instant
            "2026-11-24T15:00:00|3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c", // no zone
            "2026-02-30T15:00:00Z|3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c", // no such day
            "1700000000|3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c" // epoch seconds
    })
    void aPositionTheApiCouldNotHaveWrittenIs400(String raw) {
        assertRefused(encode(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-24T15:00:00.000Z|3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c", // instant written differently
            "2026-11-24T20:30:00+05:30|3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c", // an offset instead of Z
            "2026-11-24T15:00:00Z|3F2B6C1E-8D2A-4C1B-9A3E-5B7D9F0E1A2C", // the id in capitals
            " 2026-11-24T15:00:00Z|3f2b6c1e-8d2a-4c1b-9a3e-5b7d9f0e1a2c" // a space in front
    })
    void aReWrittenCursorIs400EvenWhenItNamesTheSamePosition(String raw) {
        assertRefused(encode(raw));
    }

    @Test
    void aCursorReEncodedWithPaddingOrInStandardBase64Is400() {
        String cursor = new Cursor(Instant.parse("2026-11-24T15:00:00.1Z"), ID).encode();
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        assertRefused(Base64.getUrlEncoder().encodeToString(raw));
        assertRefused(Base64.getEncoder().encodeToString(raw));
        assertRefused(Base64.getMimeEncoder().encodeToString(raw));
    }

    @Test
    void aCursorWithACharacterAddedOrCutIs400() {
        String cursor = new Cursor(Instant.parse("2026-11-24T15:00:00Z"), ID).encode();
        assertRefused(cursor + "A");
        assertRefused(cursor.substring(1));
        assertRefused(cursor.substring(0, cursor.length() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1969-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z" })
    void aPositionOutsideTheInstantRangeIs400(String at) {
        assertRefused(new Cursor(Instant.parse(at), ID).encode());
    }

    static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static void assertRefused(String cursor) {
        ApiException refused = assertThrows(ApiException.class, () -> Cursor.decode(cursor), cursor);
        assertEquals(ProblemType.VALIDATION, refused.type);
        assertEquals(List.of("cursor"), refused.errors.stream().map(Problem.FieldError::field).toList());
    }
}

package app.smallwins.common.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The rules of docs/input-rules.md on their own, without HTTP. */
class InputRulesTest {

    @ParameterizedTest
    @ValueSource(strings = { "plain", "tab\there", "new\nline", "windows\r\nline", "emoji \uD83C\uDF89",
            "right-to-left \u202E", "zero width \u200B", "line separator \u2028", "", "é ü ß" })
    void textWithoutControlCharactersIsFine(String text) {
        assertNull(InputRules.textProblem(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "nul\u0000", "\u0001", "escape \u001B[31m", "lone\rcarriage return", "ends with\r",
            "delete\u007F", "next line \u0085", "\u009F", "vertical\u000Btab", "form\ffeed" })
    void controlCharactersOtherThanTabAndNewlineAreRefused(String text) {
        assertEquals(InputRules.TEXT_RULE, InputRules.textProblem(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\uD800", "a\uDC00b", "\uDC00\uD800", "ends high \uD83D" })
    void unpairedSurrogatesAreRefused(String text) {
        assertEquals(InputRules.UNICODE_RULE, InputRules.textProblem(text));
    }

    @Test
    void scrubbingReplacesOnlyWhatIsRefused() {
        assertEquals("a\uFFFDb\tc\r\nd\uFFFD\uD83C\uDF89\uFFFD", InputRules.scrub("a\u0000b\tc\r\nd\r\uD83C\uDF89\uD800"));
        assertEquals("fine", InputRules.scrub("fine"));
    }

    @Test
    void instantsAreRfc3339WithZOrAnOffsetFrom1970To9999() {
        assertEquals(Instant.parse("2026-11-24T15:00:00Z"), InputRules.instant("2026-11-24T15:00:00Z"));
        assertEquals(Instant.parse("2026-11-24T09:30:00Z"), InputRules.instant("2026-11-24T15:00:00+05:30"));
        assertEquals(Instant.parse("2026-11-24T15:00:00.123456Z"), InputRules.instant("2026-11-24T15:00:00.123456Z"));
        assertEquals(InputRules.EARLIEST_INSTANT, InputRules.instant("1970-01-01T00:00:00Z"));
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), InputRules.instant("9999-12-31T23:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1969-12-31T23:59:59Z", "1970-01-01T04:59:59+05:00", "+10000-01-01T00:00:00Z",
            "9999-12-31T23:59:59-01:00", "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
            "294277-01-01T00:00:00Z", "2026-11-24T15:00:00", "2026-11-24T15:00Z", "2026-11-24", "2026-11-24 15:00:00Z",
            "2026-11-24T15:00:00+25:00", "2026-11-24T24:00:00Z", "2026-02-30T10:00:00Z", "1700000000", "",
            " 2026-11-24T15:00:00Z", "2026-11-24T15:00:00.1234567891Z", "2026-11-24T15:00:00Z\u0000" })
    void otherInstantsAreRefused(String text) {
        InputRules.InvalidInput refused = assertThrows(InputRules.InvalidInput.class, () -> InputRules.instant(text));
        assertEquals(InputRules.INSTANT_RULE, refused.getMessage());
    }

    @Test
    void datesArePlainDatesFrom1900To9999() {
        assertEquals(LocalDate.of(2019, 3, 14), InputRules.date("2019-03-14"));
        assertEquals(InputRules.EARLIEST_DATE, InputRules.date("1900-01-01"));
        assertEquals(InputRules.LATEST_DATE, InputRules.date("9999-12-31"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1899-12-31", "+10000-01-01", "0000-01-01", "-999999999-01-01", "+999999999-12-31",
            "2019-03-14T00:00:00Z", "2019-03-14T00:00:00", "2019-3-4", "2019-02-30", "", " 2019-03-14", "20190314" })
    void otherDatesAreRefused(String text) {
        InputRules.InvalidInput refused = assertThrows(InputRules.InvalidInput.class, () -> InputRules.date(text));
        assertEquals(InputRules.DATE_RULE, refused.getMessage());
    }

    @Test
    void uuidsHaveTheirThirtySixCharacterForm() {
        UUID id = UUID.randomUUID();
        assertEquals(id, InputRules.uuid(id.toString()));
        assertEquals(id, InputRules.uuid(id.toString().toUpperCase()));
        for (String text : new String[] { "1-1-1-1-1", "{" + id + "}", id + " ", "not-a-uuid", "" }) {
            assertThrows(InputRules.InvalidInput.class, () -> InputRules.uuid(text), text);
        }
    }
}

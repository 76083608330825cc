package app.smallwins.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.error.Problem;
import app.smallwins.common.error.ProblemType;

/** `limit` and `cursor` of every list: 1 to 100, 20 when absent; anything else a 400 naming the parameter. */
class PageRequestTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "  " })
    void noLimitMeansTwenty(String limit) {
        assertEquals(20, request(limit, null).limit());
        assertEquals(PageRequest.DEFAULT_LIMIT, request(limit, null).limit());
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 20, 99, 100 })
    void aLimitFromOneToAHundredIsThePageSize(int limit) {
        assertEquals(limit, request(Integer.toString(limit), null).limit());
    }

    @Test
    void aHundredIsTheLargestPage() {
        assertEquals(100, PageRequest.MAX_LIMIT);
        assertRefused("limit", request("101", null)::limit);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "101", "1000", "2147483648", "99999999999999999999" })
    void aLimitOutOfBoundsIs400(String limit) {
        assertRefused("limit", request(limit, null)::limit);
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "2.5", "20.0", "1e2", "0x10", "ten", "20abc", "true", "[20]" })
    void aLimitThatIsNotAWholeNumberIs400(String limit) {
        assertRefused("limit", request(limit, null)::limit);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", " " })
    void noCursorStartsAtTheNewest(String cursor) {
        assertNull(request(null, cursor).position());
    }

    @Test
    void theCursorIsThePositionItNames() {
        Cursor after = new Cursor(Instant.parse("2026-11-24T15:00:00.5Z"), UUID.randomUUID());
        assertEquals(after, request(null, after.encode()).position());
    }

    @Test
    void aCursorTheApiDidNotWriteIs400() {
        assertRefused("cursor", request(null, "not-a-cursor")::position);
    }

    private static PageRequest request(String limit, String cursor) {
        PageRequest request = new PageRequest();
        request.limit = limit;
        request.cursor = cursor;
        return request;
    }

    private static void assertRefused(String parameter, Executable read) {
        ApiException refused = assertThrows(ApiException.class, read);
        assertEquals(ProblemType.VALIDATION, refused.type);
        assertEquals(List.of(parameter), refused.errors.stream().map(Problem.FieldError::field).toList());
    }
}

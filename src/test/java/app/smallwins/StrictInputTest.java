package app.smallwins;

import static app.smallwins.ValidationTest.assertInvalid;
import static app.smallwins.support.Api.BASE;
import static app.smallwins.support.Api.PROBLEM_JSON;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Records.goalsPath;
import static app.smallwins.support.Records.observationsPath;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.smallwins.audit.ReadLogWriter;
import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.DatabaseFingerprint;
import app.smallwins.support.RawHttp;
import app.smallwins.support.Records;
import app.smallwins.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * The input rules of docs/input-rules.md, one behaviour each: every refused value is a 400
 * (415 for media types) naming the field, and changes nothing.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class StrictInputTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReadLogWriter reads;

    private DatabaseFingerprint database;
    private CareTeam team;

    @BeforeEach
    void record() {
        database = new DatabaseFingerprint(dataSource, reads);
        team = new CareTeam();
    }

    // ---------------------------------------------------------------- text

    @Test
    void aNulCharacterInATextFieldGets400NamingIt() {
        refused("displayName", () -> as(team.admin).body("{\"displayName\": \"Arjun\\u0000\"}").post(BASE + "/children"));
        refused("communication.notes", () -> as(team.admin)
                .body("{\"displayName\": \"Arjun\", \"communication\": {\"notes\": \"a\\u0000b\"}}")
                .post(BASE + "/children"));
        refused("steps[0].description", () -> as(team.teacher)
                .body("{\"title\": \"T\", \"domain\": \"MOTOR\", \"steps\": [{\"description\": \"\\u0000\"}]}")
                .post(goalsPath(team.childId)));
        refused("whatHelps", () -> as(team.teacher).header("If-Match", "*")
                .body("{\"whatHelps\": \"quiet\\u0000\"}").patch(team.childPath()));
    }

    @Test
    void controlCharactersOtherThanTabAndNewlineGet400NamingTheField() {
        for (String escaped : List.of("\\u0001", "\\u001b[31m", "lone\\rreturn", "\\u007f", "\\u0085", "\\u009f",
                "\\u000b")) {
            refused("text", () -> as(team.teacher)
                    .body("{\"kind\": \"WIN\", \"setting\": \"HOME\", \"text\": \"a" + escaped + "b\"}")
                    .post(observationsPath(team.childId)))
                    .then().body("errors[0].message", containsString("control characters"));
        }
    }

    @Test
    void tabNewlineAndCarriageReturnNewlineAreKeptAsSent() {
        as(team.teacher).body(Map.of("kind", "WIN", "setting", "HOME", "text", "first\tthen\nnext\r\nlast \uD83C\uDF89"))
                .post(observationsPath(team.childId))
                .then().statusCode(201).body("text", equalTo("first\tthen\nnext\r\nlast \uD83C\uDF89"));
    }

    @Test
    void anUnpairedSurrogateGets400() {
        String cheers = observationsPath(team.childId) + "/" + Records.recordWin(team.teacher, team, "Won") + "/cheers";
        for (String escaped : List.of("\\ud800", "x\\udc00", "\\udc00\\ud800", "ends high \\ud83d")) {
            refused("note", () -> as(team.parent).body("{\"note\": \"" + escaped + "\"}").post(cheers))
                    .then().body("errors[0].message", equalTo("must be valid Unicode text"));
        }
    }

    @Test
    void aNumberBooleanArrayOrObjectWhereTextIsExpectedGets400() {
        for (String value : List.of("42", "1e300", "true", "[\"Arjun\"]", "{\"name\": \"Arjun\"}")) {
            refused("displayName", () -> as(team.admin).body("{\"displayName\": " + value + "}").post(BASE + "/children"))
                    .then().body("errors[0].message", equalTo("must be a string"));
        }
        refused("relationship", () -> as(team.teacher)
                .body("{\"subject\": \"s-" + UUID.randomUUID() + "\", \"role\": \"para\", \"relationship\": 7}")
                .post(team.childPath() + "/team"));
    }

    // ---------------------------------------------------------------- enums

    @Test
    void anEnumGivenAsANumberGets400() {
        refused("setting", () -> as(team.teacher).body("{\"kind\": \"WIN\", \"text\": \"t\", \"setting\": 5}")
                .post(observationsPath(team.childId)))
                .then().body("errors[0].message",
                        equalTo("must be one of HOME, CLASSROOM, THERAPY, PLAYGROUND, COMMUNITY, OTHER"));
        refused("role", () -> as(team.teacher)
                .body("{\"subject\": \"s-" + UUID.randomUUID() + "\", \"role\": 1, \"relationship\": \"aunt\"}")
                .post(team.childPath() + "/team"));
        refused("kind", () -> as(team.teacher).body("{\"kind\": \"0\", \"text\": \"t\", \"setting\": \"HOME\"}")
                .post(observationsPath(team.childId)));
    }

    @Test
    void anEnumWithPaddingOrInAnotherCaseGets400() {
        for (String role : List.of("teacher ", " teacher", "\tteacher", "TEACHER", "Teacher")) {
            refused("role", () -> as(team.admin)
                    .body(Map.of("subject", "s-" + UUID.randomUUID(), "role", role, "relationship", "x"))
                    .post(team.childPath() + "/team"))
                    .then().body("errors[0].message", equalTo("must be one of admin, teacher, para, therapist, parent"));
        }
        refused("setting", () -> as(team.teacher).body(Map.of("kind", "WIN", "text", "t", "setting", "home"))
                .post(observationsPath(team.childId)));
    }

    // ---------------------------------------------------------------- numbers and booleans

    @Test
    void wholeNumbersComeOnlyFromJsonIntegers() {
        for (String value : List.of("\"2\"", "2.5", "2.0", "1e2", "true", "\"\"")) {
            refused("mastery.settings", () -> as(team.teacher).body("{\"title\": \"T\", \"domain\": \"MOTOR\", "
                    + "\"mastery\": {\"promptLevel\": \"INDEPENDENT\", \"settings\": " + value + "}}")
                    .post(goalsPath(team.childId)));
        }
        refused("mastery.settings", () -> as(team.teacher).body("{\"title\": \"T\", \"domain\": \"MOTOR\", "
                + "\"mastery\": {\"promptLevel\": \"INDEPENDENT\", \"settings\": 99999999999999999999}}")
                .post(goalsPath(team.childId)))
                .then().body("errors[0].message", equalTo("is out of range"));
    }

    @Test
    void booleansComeOnlyFromTrueOrFalse() {
        for (String value : List.of("\"true\"", "1", "0", "\"yes\"")) {
            refused("firstTime", () -> as(team.teacher)
                    .body("{\"kind\": \"WIN\", \"text\": \"t\", \"setting\": \"HOME\", \"firstTime\": " + value + "}")
                    .post(observationsPath(team.childId)))
                    .then().body("errors[0].message", equalTo("must be true or false"));
        }
    }

    // ---------------------------------------------------------------- instants and dates

    @Test
    void anInstantGivenAsANumberGets400() {
        for (String value : List.of("1e300", "0", "1700000000", "-1")) {
            refused("occurredAt", () -> observation("\"occurredAt\": " + value));
        }
    }

    @Test
    void instantsOutsideTheDocumentedRangeGet400() {
        for (String value : List.of("1969-12-31T23:59:59Z", "-1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "+294277-01-01T00:00:00Z", "0000-01-01T00:00:00Z")) {
            refused("occurredAt", () -> observation("\"occurredAt\": \"" + value + "\""))
                    .then().body("errors[0].message", containsString("from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z"));
        }
        observation("\"occurredAt\": \"1970-01-01T00:00:00Z\"").then().statusCode(201)
                .body("occurredAt", equalTo("1970-01-01T00:00:00Z"));
    }

    @Test
    void anInstantIsRfc3339WithZOrAnOffset() {
        for (String value : List.of("2026-01-02T10:00:00", "2026-01-02", "2026-01-02T10:00Z", "2026-01-02 10:00:00Z",
                "2026-01-02T10:00:00+25:00", "")) {
            refused("occurredAt", () -> observation("\"occurredAt\": \"" + value + "\""));
        }
        Instant twoHoursAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
        // Always with seconds: OffsetDateTime.toString() drops ":00", which the rules rightly refuse.
        String withOffset = DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(twoHoursAgo.atOffset(ZoneOffset.ofHoursMinutes(5, 30)));
        observation("\"occurredAt\": \"" + withOffset + "\"").then().statusCode(201)
                .body("occurredAt", equalTo(twoHoursAgo.toString()));
    }

    @Test
    void anOccurredAtInTheFutureGets400() {
        String inTenMinutes = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        refused("occurredAt", () -> observation("\"occurredAt\": \"" + inTenMinutes + "\""));
        refused("occurredAt", () -> observation("\"occurredAt\": \"9999-12-31T23:59:59Z\""));
    }

    @Test
    void dateOfBirthIsAPlainDateFrom1900UntilToday() {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        for (String value : List.of("\"2019-03-14T00:00:00Z\"", "[]", "\"\"", "[2019, 3, 14]", "20190314",
                "\"1899-12-31\"", "\"+10000-01-01\"", "\"-999999999-01-01\"", "\"2019-02-30\"",
                "\"" + tomorrow + "\"")) {
            refused("dateOfBirth", () -> as(team.admin).body("{\"displayName\": \"A\", \"dateOfBirth\": " + value + "}")
                    .post(BASE + "/children"));
        }
        as(team.admin).body(Map.of("displayName", "Born early", "dateOfBirth", "1900-01-01")).post(BASE + "/children")
                .then().statusCode(201).body("dateOfBirth", equalTo("1900-01-01"));
    }

    // ---------------------------------------------------------------- the body as a whole

    @Test
    void aBodyWithoutContentTypeGets415() {
        RawHttp http = new RawHttp();
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Content-Type", "*/*"),
                Map.of("Content-Type", "application/*"))) {
            unchanged(() -> {
                RawHttp.Answer created = http.send("POST", BASE + "/children", team.admin.token(), headers,
                        "{\"displayName\": \"No type\"}".getBytes(StandardCharsets.UTF_8));
                assertEquals(415, created.status(), created.body());
                assertEquals(PROBLEM_JSON, created.contentType());
                RawHttp.Answer patched = http.send("PATCH", team.childPath(), team.teacher.token(),
                        Map.of("If-Match", "*"), "{\"whatHelps\": \"x\"}".getBytes(StandardCharsets.UTF_8));
                assertEquals(415, patched.status(), patched.body());
            });
        }
    }

    @Test
    void aDuplicatedKeyGets400() {
        unchanged(() -> as(team.admin).body("{\"displayName\": \"A\", \"displayName\": \"B\"}").post(BASE + "/children")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:smallwins:problem:malformed"))
                .body("detail", equalTo("The request body gives displayName more than once")));
        unchanged(() -> as(team.teacher).header("If-Match", "*")
                .body("{\"communication\": {\"notes\": \"a\", \"notes\": \"b\"}}").patch(team.childPath())
                .then().statusCode(400).body("detail", equalTo("The request body gives communication.notes more than once")));
        String winId = Records.recordWin(team.teacher, team, "Won");
        unchanged(() -> as(team.parent).body("{\"note\": \"a\", \"note\": \"b\"}")
                .post(observationsPath(team.childId) + "/" + winId + "/cheers")
                .then().statusCode(400).body("type", equalTo("urn:smallwins:problem:malformed")));
    }

    @Test
    void aDeeplyNestedBodyGets400() {
        unchanged(() -> as(team.admin).body("[".repeat(100_000)).post(BASE + "/children")
                .then().statusCode(400).contentType(PROBLEM_JSON));
        unchanged(() -> as(team.admin).body("{\"displayName\": " + "[".repeat(10_000) + "}").post(BASE + "/children")
                .then().statusCode(400).contentType(PROBLEM_JSON));
    }

    // ---------------------------------------------------------------- time zones

    @Test
    void anOffsetTimeZoneGets400() {
        for (String zone : List.of("+05:30", "-03:00", "UTC+5", "GMT+05:30", "Z", "europe/london", "Mars/Olympus_Mons",
                "Europe/London ", "")) {
            refused("timeZone", () -> as(team.teacher).header("If-Match", "*").body(Map.of("timeZone", zone))
                    .patch(team.childPath()))
                    .then().body("errors[0].message", equalTo("must be an IANA time zone name such as Europe/London or UTC"));
            refused("timeZone", () -> as(team.admin).body(Map.of("displayName", "Zoned", "timeZone", zone))
                    .post(BASE + "/children"));
        }
    }

    @Test
    void anIanaTimeZoneNameIsAccepted() {
        for (String zone : List.of("Asia/Kolkata", "America/Argentina/Buenos_Aires", "UTC", "Europe/London")) {
            as(team.teacher).header("If-Match", "*").body(Map.of("timeZone", zone)).patch(team.childPath())
                    .then().statusCode(200).body("timeZone", equalTo(zone));
        }
    }

    // ---------------------------------------------------------------- query parameters and cursors

    @Test
    void aForgedCursorWithAnAbsurdDateGets400() {
        List<String> forged = List.of(cursor("+1000000000-01-01T00:00:00Z|" + UUID.randomUUID()),
                cursor("-1000000000-01-01T00:00:00Z|" + UUID.randomUUID()),
                cursor("+294277-01-01T00:00:00Z|" + UUID.randomUUID()),
                cursor("1969-12-31T23:59:59Z|" + UUID.randomUUID()),
                cursor("2026-01-01T00:00:00Z|" + UUID.randomUUID().toString().toUpperCase()),
                cursor("2026-01-01T00:00:00Z|1-1-1-1-1"), cursor("x|y"), cursor("x".repeat(1000)));
        for (String path : List.of(BASE + "/children", team.childPath() + "/team", observationsPath(team.childId),
                team.childPath() + "/timeline", team.childPath() + "/access-log")) {
            for (String cursor : forged) {
                refused("cursor", () -> as(team.admin).queryParam("cursor", cursor).get(path))
                        .then().body("errors[0].message", equalTo("is not a cursor this API returned"));
            }
        }
        // The cursors the API returns still work.
        assertEquals(4, Api.pageThrough(team.admin, team.childPath() + "/team", 1).size());
    }

    @Test
    void queryDatesOutsideTheRangeGet400NamingTheParameter() {
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31", "10000-01-01",
                "2026-01-02T00:00:00Z")) {
            refused("date", () -> as(team.parent).queryParam("period", "DAY").queryParam("date", date)
                    .get(team.childPath() + "/wins"));
        }
        String goalId = Records.createGoal(team.teacher, team, "Names colours");
        refused("to", () -> as(team.parent).queryParam("to", "+999999999-12-31")
                .get(goalsPath(team.childId) + "/" + goalId + "/progress"));
        for (String instant : List.of("1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "2026-01-02",
                "2026-01-02T10:00:00")) {
            refused("from", () -> as(team.parent).queryParam("from", instant).get(observationsPath(team.childId)));
        }
        for (String kind : List.of("WIN ", "win", "0")) {
            refused("kind", () -> as(team.parent).queryParam("kind", kind).get(observationsPath(team.childId)));
        }
    }

    // ---------------------------------------------------------------- identity claims

    @Test
    void aTokenWithControlCharactersInItsClaimsGets401() {
        // Refused by the token verification itself; TokenClaimsTest covers what gets through.
        for (String name : List.of("Tina\u0007 Thomas", "Tina\u0000")) {
            String token = Tokens.builder(Tokens.newUser("teacher")).claim("name", name).sign("privateKey.jwk");
            unchanged(() -> Api.bearer(token).get(BASE + "/me").then().statusCode(401).contentType(PROBLEM_JSON));
        }
    }

    @Test
    void aTokenSubjectThatCannotBeStoredGets401() {
        for (String subject : List.of("s".repeat(256), "s".repeat(5000))) {
            String token = Tokens.builder(Tokens.newUser("teacher")).subject(subject).sign("privateKey.jwk");
            unchanged(() -> Api.bearer(token).get(BASE + "/me").then().statusCode(401).contentType(PROBLEM_JSON));
        }
        String longest = Tokens.builder(Tokens.newUser("teacher")).subject("s" + UUID.randomUUID() + "x".repeat(218))
                .sign("privateKey.jwk");
        Api.bearer(longest).get(BASE + "/me").then().statusCode(200);
    }

    // ---------------------------------------------------------------- stored data

    @Test
    void textStoredBeforeTheRulesStaysReadableAndEditable() throws Exception {
        String goalId = Records.createGoal(team.teacher, team, "Names colours");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update goal set title = ? where id = ?")) {
            update.setString(1, "Old\u0001title");
            update.setObject(2, UUID.fromString(goalId));
            assertEquals(1, update.executeUpdate());
        }
        as(team.teacher).header("If-Match", "*").body(Map.of("status", "MET")).patch(goalsPath(team.childId) + "/" + goalId)
                .then().statusCode(200).body("title", equalTo("Old\u0001title"));
        as(team.teacher).get(goalsPath(team.childId) + "/" + goalId + "/history").then().statusCode(200)
                .body("items.size()", equalTo(2));
    }

    // ---------------------------------------------------------------- helpers

    private Response observation(String member) {
        return as(team.teacher).body("{\"kind\": \"WIN\", \"text\": \"t\", \"setting\": \"HOME\", " + member + "}")
                .post(observationsPath(team.childId));
    }

    /** The request gets a 400 naming the field, and the database is as it was. */
    private Response refused(String field, Supplier<Response> request) {
        String before = database.take();
        Response response = request.get();
        assertInvalid(response, field);
        assertEquals(before, database.take(), "a refused request changed the database");
        return response;
    }

    private void unchanged(Runnable request) {
        String before = database.take();
        request.run();
        assertEquals(before, database.take(), "a refused request changed the database");
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}

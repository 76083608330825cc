package app.smallwins;

import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Records.markGoal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Contract;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The progress report for the IEP meeting (docs/progress.md, rule 14), on hand-built evidence:
 * the JSON pinned (codes, counts, family evidence, flagged goals, narratives), the PDF read back
 * with PDFBox, the HTML parsed as XML, and the access rules of every child-scoped endpoint.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ProgressReportApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate THIS_WEEK = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    private static final String PDF = "application/pdf";

    private static String weeksAgo(int weeks, DayOfWeek day) {
        return THIS_WEEK.minusWeeks(weeks).with(day).atTime(10, 0).toInstant(ZoneOffset.UTC).toString();
    }

    private static String report(CareTeam team) {
        return team.childPath() + "/reports/progress";
    }

    private static String goal(CareTeam team, Map<String, ?> body) {
        return as(team.teacher).body(body).post(team.childPath() + "/goals").then().statusCode(201).extract().path("id");
    }

    private static String win(CareTeam team, Tokens.TestUser who, String goalId, String setting, String prompt,
            String at) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "WIN", "text", "Did it " + prompt.toLowerCase(),
                "setting", setting, "promptLevel", prompt, "occurredAt", at));
        if (goalId != null) {
            body.put("goalId", goalId);
        }
        return as(who).body(body).post(team.childPath() + "/observations").then().statusCode(201).extract().path("id");
    }

    /** A cast whose evidence gives each progress code once, with a family entry, a flagged goal and a win no goal records. */
    private record Story(CareTeam team, String mastered, String onTrack, String behind, String silent, String flagged,
            String journal) {
    }

    private static Story story(String preferredName) {
        CareTeam team = new CareTeam();
        String etag = as(team.teacher).get(team.childPath()).then().extract().header("ETag");
        as(team.teacher).header("If-Match", etag).body(Map.of("preferredName", preferredName,
                "whatHelps", "A visual schedule; a quiet corner", "celebrateWith", "bubbles and a high five",
                "communication", Map.of("modes", List.of("SPEECH", "PICTURES"), "notes", "Give him time to answer")))
                .patch(team.childPath()).then().statusCode(200);
        String target = TODAY.plusWeeks(20).toString();
        String mastered = goal(team, Map.of("title", "Arjun will greet a familiar adult on arrival in 4 of 5 days",
                "plainLanguage", "Say hello on arrival", "domain", "SOCIAL",
                "mastery", Map.of("promptLevel", "INDEPENDENT", "consecutiveWeeks", 2, "minAttemptsPerWeek", 1)));
        String onTrack = goal(team, Map.of("title", "Arjun will request help using a two-word phrase across settings",
                "plainLanguage", "Ask for help with two words", "domain", "COMMUNICATION", "baseline",
                "Pulls an adult's hand", "targetDate", target, "strategies", List.of("first-then board"),
                "mastery", Map.of("promptLevel", "VERBAL", "consecutiveWeeks", 3, "minAttemptsPerWeek", 1)));
        String behind = goal(team, Map.of("title", "Arjun will button a shirt independently",
                "plainLanguage", "Button his shirt", "domain", "SELF_CARE", "targetDate", TODAY.plusWeeks(4).toString(),
                "mastery", Map.of("promptLevel", "INDEPENDENT", "consecutiveWeeks", 2, "minAttemptsPerWeek", 1)));
        String silent = goal(team, Map.of("title", "Arjun will identify letters A to F", "plainLanguage",
                "Know the letters A to F", "domain", "ACADEMIC"));
        String flagged = goal(team, Map.of("title", "Arjun will remain seated and engaged during group reading for 20 "
                + "minutes in 4 of 5 sessions", "plainLanguage", "Sit for 20 minutes in group reading",
                "domain", "ACADEMIC", "mastery", Map.of("promptLevel", "INDEPENDENT", "consecutiveWeeks", 2,
                        "minAttemptsPerWeek", 1)));
        for (int weeks = 1; weeks <= 3; weeks++) {
            win(team, team.teacher, mastered, "CLASSROOM", "INDEPENDENT", weeksAgo(weeks, DayOfWeek.TUESDAY));
            win(team, team.para, behind, "CLASSROOM", "VISUAL", weeksAgo(weeks, DayOfWeek.WEDNESDAY));
            win(team, team.teacher, flagged, "CLASSROOM", "INDEPENDENT", weeksAgo(weeks, DayOfWeek.THURSDAY));
        }
        // Asking for help: shown, then a picture, then a spoken reminder: rising to the goal's level.
        win(team, team.para, onTrack, "CLASSROOM", "MODEL", weeksAgo(3, DayOfWeek.MONDAY));
        win(team, team.para, onTrack, "CLASSROOM", "VISUAL", weeksAgo(2, DayOfWeek.MONDAY));
        String journal = as(team.parent).body(Map.of("text", "Said \"help me\" with the jar lid", "support",
                "I waited and held out my hand", "goalId", onTrack, "promptLevel", "VERBAL",
                "occurredAt", weeksAgo(1, DayOfWeek.SATURDAY))).post(team.childPath() + "/journal")
                .then().statusCode(201).extract().path("id");
        // A first time no goal records.
        as(team.parent).body(Map.of("kind", "WIN", "text", "Tried a pea", "setting", "HOME", "firstTime", true,
                "occurredAt", weeksAgo(1, DayOfWeek.SUNDAY))).post(team.childPath() + "/observations")
                .then().statusCode(201);
        // Marked met; then a shutdown and a refusal in class, linked to nothing (seed 003).
        markGoal(team, flagged, "MET");
        for (String[] moment : new String[][] { { "Shut down after group reading", "SHUTDOWN" },
                { "Refused to come back into class", "DYSREGULATED" } }) {
            as(team.para).body(Map.of("kind", "SETBACK", "text", moment[0], "setting", "CLASSROOM", "regulation",
                    moment[1])).post(team.childPath() + "/observations").then().statusCode(201);
        }
        return new Story(team, mastered, onTrack, behind, silent, flagged, journal);
    }

    @Test
    void theJsonPinsCodesCountsFamilyEvidenceTheGapAndTheQuestions() {
        Story s = story("Arjun");
        CareTeam team = s.team();
        String parentName = as(team.parent).get("/api/v1/me").then().extract().path("name");
        var json = as(team.parent).get(report(team)).then().statusCode(200)
                .header("Cache-Control", "private, no-store")
                .body("child.name", equalTo("Arjun"))
                .body("child.communication.modes", contains("SPEECH", "PICTURES"))
                .body("child.whatHelps", equalTo("A visual schedule; a quiet corner"))
                .body("period.from", equalTo(TODAY.minusMonths(3).plusDays(1).toString()))
                .body("period.to", equalTo(TODAY.toString()))
                .body("team.relationship", containsInAnyOrder("class teacher", "classroom para", "SLP", "mother"))
                .body("team.findAll { it.containsKey('email') || it.containsKey('invitedEmail') }", hasSize(0))
                .body("goals.goal.id", contains(s.mastered(), s.onTrack(), s.behind(), s.silent(), s.flagged()))
                // The sitting goal's own records hold the criteria; real life beside it is the gap, said in words.
                .body("goals.progressCode", contains("MASTERED", "SUFFICIENT", "INSUFFICIENT", "NOT_ENOUGH_DATA",
                        "SUFFICIENT"))
                .body("goals.figures.basis", contains("MASTERED", "AT_LEVEL", "SHORT_OF_LEVEL", "FEW_WEEKS",
                        "AT_LEVEL"))
                .body("goals[0].reason", equalTo("Mastered in real life: 3 weeks in a row, in one place, with one "
                        + "adult."))
                // 0.33, 0.5, 0.67 in three weeks: the line is already at the level this week.
                .body("goals[1].figures.levelNow", equalTo(0.83f))
                .body("goals[1].figures.slopePerWeek", equalTo(0.17f))
                .body("goals[1].reason", startsWith("On track to meet it by "))
                .body("goals[1].reason", containsString("the weekly line of independence stands at 0.83, already at "
                        + "the goal’s level (with no more than a spoken reminder, 0.67). It still needs 2 more weeks in a "
                        + "row with at least 1 try with no more than a spoken reminder."))
                .body("goals[1].masteryInWords", equalTo("With no more than a spoken reminder, in one place, with one "
                        + "adult, 3 weeks in a row, with at least 1 try a week."))
                .body("goals[1].measurement.observations", equalTo(3))
                .body("goals[1].measurement.dataPoints", equalTo(3))
                .body("goals[1].measurement.weeksWithData", equalTo(3))
                .body("goals[1].measurement.byRole.para", equalTo(2))
                .body("goals[1].measurement.byRole.parent", equalTo(1))
                .body("goals[1].measurement.bySetting.HOME", equalTo(1))
                .body("goals[1].familyEvidence", hasSize(1))
                .body("goals[1].familyEvidence[0].id", equalTo(s.journal()))
                .body("goals[1].familyEvidence[0].text", equalTo("Said \"help me\" with the jar lid"))
                .body("goals[1].familyEvidence[0].support", equalTo("I waited and held out my hand"))
                .body("goals[1].familyEvidence[0].linked", equalTo(true))
                .body("goals[1].familyEvidence[0].author.name", equalTo(parentName))
                .body("goals[1].narrative.source", equalTo("GENERATED"))
                .body("goals[2].reason", containsString("short of the goal’s level (with no prompt, 1.00)"))
                .body("goals[2].figures.levelNow", equalTo(0.5f))
                .body("goals[3].measurement.observations", equalTo(0))
                .body("goals[3].reason", equalTo("Not enough data to judge: no week of this period had tries recorded, "
                        + "and at least 3 are needed."))
                .body("goals[4].paperRealityGap.flagged", equalTo(true))
                .body("goals[4].paperRealityGap.summary", containsString("there were a shutdown and a dysregulated "
                        + "moment within a day, in class. None of them was linked to the goal."))
                .body("goals[4].reason", containsString("real life since the goal was marked says otherwise"))
                .body("notOnPaper.wins.text", contains("Tried a pea"))
                .body("notOnPaper.firstTimes.text", contains("Tried a pea"))
                .body("questions.kind", contains("GAP_FLAGGED", "NO_DATA", "INSUFFICIENT"))
                .body("questions.goalId", contains(s.flagged(), s.silent(), s.behind()))
                .body("questions[0].text", equalTo("Is Arjun regulated enough in class to sit for 20 minutes in group "
                        + "reading? What supports were in place?"))
                .body("goals.weeks", everyItem(not(hasSize(0))))
                .extract();
        assertEquals(json.<Integer>path("goals[1].weeks.size()"), json.<Integer>path("goals[1].measurement.weeks"));

        // The disclosure is in the access log, with its purpose.
        as(team.parent).get(team.childPath() + "/access-log").then().statusCode(200)
                .body("items.find { it.action == 'report.progress.json' }.purpose", equalTo("progress report"));
    }

    @Test
    void aNarrativeWrittenByTheTeamReplacesTheDraftAndKeepsItsHistory() {
        Story s = story("Arjun");
        CareTeam team = s.team();
        String narrative = report(team) + "/narratives/" + s.onTrack();
        String period = "?from=" + TODAY.minusMonths(3).plusDays(1) + "&to=" + TODAY;
        as(team.teacher).body(Map.of("text", "Asks for help most days.")).put(narrative).then().statusCode(200)
                .body("text", equalTo("Asks for help most days."));
        as(team.therapist).body(Map.of("text", "Asks for help with two words, in class and at home."))
                .put(narrative + period).then().statusCode(200)
                .body("author.capacity", equalTo("therapist"))
                .body("from", equalTo(TODAY.minusMonths(3).plusDays(1).toString()));
        for (Tokens.TestUser refused : List.of(team.para, team.parent)) {
            as(refused).body(Map.of("text", "Mine")).put(narrative).then().statusCode(403);
        }
        for (Tokens.TestUser stranger : team.strangers()) {
            as(stranger).body(Map.of("text", "Mine")).put(narrative).then().statusCode(404);
        }
        anonymous().body(Map.of("text", "Mine")).put(narrative).then().statusCode(401);
        // Another child's goal is absent here.
        String elsewhere = report(team) + "/narratives/" + s.team().otherChildId;
        as(team.teacher).body(Map.of("text", "Mine")).put(elsewhere).then().statusCode(404);
        as(team.teacher).body(Map.of("text", " ")).put(narrative).then().statusCode(400);

        as(team.parent).get(report(team) + period).then().statusCode(200)
                .body("goals[1].narrative.source", equalTo("TEAM"))
                .body("goals[1].narrative.text", equalTo("Asks for help with two words, in class and at home."))
                .body("goals[1].narrative.author.capacity", equalTo("therapist"))
                .body("goals[1].narrative.revisions", equalTo(2))
                .body("goals[1].narrative.generated", not(equalTo("Asks for help most days.")))
                .body("goals[0].narrative.source", equalTo("GENERATED"));
        // Another period has its own narratives.
        as(team.parent).get(report(team) + "?from=" + TODAY.minusMonths(1) + "&to=" + TODAY).then().statusCode(200)
                .body("goals[1].narrative.source", equalTo("GENERATED"));
        as(team.para).get(narrative + "/history" + period).then().statusCode(200)
                .body("items.text", contains("Asks for help with two words, in class and at home.",
                        "Asks for help most days."))
                .body("nextCursor", nullValue());
        as(team.otherParent).get(narrative + "/history").then().statusCode(404);
        anonymous().get(narrative + "/history").then().statusCode(401);
    }

    @Test
    void readableByTheTeamAndAdminsOnlyWithClearErrorsForBadPeriods() {
        CareTeam team = new CareTeam();
        for (Tokens.TestUser member : team.everyone()) {
            as(member).get(report(team)).then().statusCode(200);
        }
        for (Tokens.TestUser stranger : team.strangers()) {
            as(stranger).get(report(team)).then().statusCode(404);
        }
        anonymous().get(report(team)).then().statusCode(401);
        // Refusals are problem+json whatever format was asked for.
        as(team.otherParent).accept(PDF).get(report(team)).then().statusCode(404)
                .contentType("application/problem+json");
        anonymous().accept("text/html").get(report(team)).then().statusCode(401);
        as(team.teacher).get(report(team) + "?to=" + TODAY.plusDays(2)).then().statusCode(400);
        as(team.teacher).get(report(team) + "?from=" + TODAY + "&to=" + TODAY.minusDays(1)).then().statusCode(400);
        as(team.teacher).get(report(team) + "?from=" + TODAY.minusYears(2)).then().statusCode(400);
        as(team.teacher).get(report(team) + "?from=yesterday").then().statusCode(400);
        as(team.teacher).accept("image/png").get(report(team)).then().statusCode(406);
    }

    @Test
    void thePdfCarriesEveryGoalItsCodeAChartAFamilyQuoteTheGapAndADevanagariName() throws Exception {
        Story s = story("मीरा");
        CareTeam team = s.team();
        byte[] bytes = given().filter(Contract.CONFORMS).header("Authorization", "Bearer " + team.parent.token())
                .accept(PDF).get(report(team)).then().statusCode(200).contentType(PDF)
                .header("Cache-Control", "private, no-store").extract().asByteArray();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(pdf.getNumberOfPages() >= 6 && pdf.getNumberOfPages() <= 14, pdf.getNumberOfPages() + " pages");
            assertTrue(pdf.getDocumentCatalog().getMarkInfo() != null && pdf.getDocumentCatalog().getMarkInfo().isMarked(),
                    "tagged for screen readers");
            assertTrue(text.contains("मीरा"), "the Devanagari name survives extraction: " + text.substring(0, 400));
            assertTrue(text.contains("Draft for the IEP meeting"));
            for (String words : List.of("Arjun will greet a familiar adult on arrival in 4 of 5 days",
                    "Say hello on arrival", "Arjun will request help using a two-word phrase across settings",
                    "Ask for help with two words", "Arjun will button a shirt independently", "Button his shirt",
                    "Arjun will identify letters A to F", "Know the letters A to F", "Sit for 20 minutes in group reading",
                    "Mastered in real life", "Sufficient progress: on track to meet the goal by its target date",
                    "Insufficient progress: not on track to meet the goal by its target date",
                    "Not enough data to judge progress", "Said \"help me\" with the jar lid",
                    "How I supported it: I waited and held out my hand")) {
                assertTrue(normalized(text).contains(normalized(words)), "the PDF says: " + words);
            }
            // Each goal's page has its chart; the flagged goal's page says the gap in words.
            int goalPages = 0;
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                String pageText = normalized(pageText(pdf, page));
                if (pageText.contains("The goal on paper")) {
                    goalPages++;
                    assertTrue(images(pdf.getPage(page - 1)) >= 1, "the chart is on the goal's page " + page);
                }
                if (pageText.contains(normalized("Sit for 20 minutes in group reading"))
                        && pageText.contains("The goal on paper")) {
                    assertTrue(pageText.contains(normalized("there were a shutdown and a dysregulated moment within a "
                            + "day, in class. None of them was linked to the goal.")), pageText);
                }
            }
            assertEquals(5, goalPages);
            assertTrue(Pattern.compile("Page 1 of \\d+").matcher(text).find(), "page numbers");
        }
    }

    @Test
    void theHtmlIsWellFormedAndSelfContained() throws Exception {
        Story s = story("Arjun <b>&amp;</b>");
        String html = given().filter(Contract.CONFORMS).header("Authorization", "Bearer " + s.team().teacher.token())
                .accept("text/html").get(report(s.team())).then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document page = factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertEquals("html", page.getDocumentElement().getLocalName());
        assertTrue(html.contains("Arjun &lt;b&gt;&amp;amp;&lt;/b&gt;"), "the name is text, not markup");
        var images = page.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "img");
        assertEquals(5, images.getLength());
        for (int i = 0; i < images.getLength(); i++) {
            assertTrue(images.item(i).getAttributes().getNamedItem("src").getNodeValue().startsWith("data:image/png;base64,"));
            assertFalse(images.item(i).getAttributes().getNamedItem("alt").getNodeValue().isBlank());
        }
        for (String fetch : List.of("src=\"http", "href=", "url(", "@import", "<script", "<link")) {
            assertFalse(html.contains(fetch), "no external fetch: " + fetch);
        }
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").replace('’', '\'');
    }

    private static String pageText(PDDocument pdf, int page) throws java.io.IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    private static int images(PDPage page) throws java.io.IOException {
        int count = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                count++;
            }
        }
        return count;
    }
}

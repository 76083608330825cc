package app.smallwins.report;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.Collectors;

import app.smallwins.common.Author;
import app.smallwins.common.SmallWinsConfig;
import app.smallwins.common.text.Markup;
import app.smallwins.progress.GoalProgressView;
import app.smallwins.progress.ObservationRef;
import app.smallwins.progress.ReportGoal;

/**
 * The progress report as one self-contained XHTML page: the printable HTML answer and the
 * source of the PDF (the same bytes). Everything from the record is escaped; charts are
 * embedded as data: URIs, styles inline, no external fetch. CSS paged media gives the PDF its
 * running header ("Draft for the IEP meeting", the child, the period) and page numbers.
 */
final class ReportDocument {

    private static final ResourceBundle WORDS = ResourceBundle.getBundle("app.smallwins.report.document",
            Locale.ENGLISH, ReportDocument.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final ProgressReport report;
    private final ZoneId zone;
    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final Map<UUID, String> relationships = new HashMap<>();

    private ReportDocument(ProgressReport report) {
        this.report = report;
        this.zone = ZoneId.of(report.period().timeZone());
        report.team().stream().filter(m -> m.userId() != null)
                .forEach(m -> relationships.putIfAbsent(m.userId(), m.relationship()));
    }

    /** The page, with each goal's chart drawn in. */
    static String xhtml(ProgressReport report, SmallWinsConfig.Reports.PageSize pageSize) {
        return new ReportDocument(report).write(pageSize);
    }

    private String write(SmallWinsConfig.Reports.PageSize pageSize) {
        ProgressReport.Child child = report.child();
        String period = say("period", day(report.period().from()), day(report.period().to()));
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\"><head>");
        out.append("<meta charset=\"UTF-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>");
        element("title", say("title", child.displayName()) + " (" + period + ")");
        out.append("<meta name=\"subject\" content=\"").append(escape(say("draft"))).append("\"/>");
        out.append("<style>").append(css(pageSize)).append("</style></head><body>");

        out.append("<div id=\"running\">");
        element("span", say("draft") + " · " + child.name() + " · " + period);
        out.append("</div>");

        out.append("<header>");
        element("p", "draft", say("draft"));
        element("h1", say("title", child.displayName()));
        out.append("<table class=\"facts\">");
        row(say("cover.goesBy"), child.name());
        if (child.dateOfBirth() != null) {
            row(say("cover.born"), day(child.dateOfBirth()));
        }
        row(say("cover.period"), period);
        row(say("cover.timeZone"), child.timeZone());
        out.append("</table></header>");

        section("team");
        grid("team.name", "team.role", "team.relationship");
        for (ProgressReport.TeamMember m : report.team()) {
            out.append("<tr>");
            element("td", m.name() != null ? m.name() : say("team.invited"));
            element("td", say("role." + m.role().name()));
            element("td", m.relationship());
            out.append("</tr>");
        }
        out.append("</tbody></table></section>");

        out.append("<section>");
        element("h2", say("communication", child.name()));
        List<String> modes = child.communication().modes().stream().map(m -> say("mode." + m.name())).toList();
        element("p", modes.isEmpty() && child.communication().notes() == null ? say("communication.none")
                : String.join(", ", modes) + (child.communication().notes() == null ? ""
                        : (modes.isEmpty() ? "" : ". ") + child.communication().notes()));
        element("h3", say("helps"));
        element("p", orNotRecorded(child.whatHelps()));
        element("h3", say("praise"));
        element("p", orNotRecorded(child.celebrateWith()));
        out.append("</section>");

        section("glance");
        grid("glance.goal", "glance.progress", "glance.gap");
        for (ReportGoal g : report.goals()) {
            out.append("<tr>");
            element("td", plain(g));
            element("td", say("code." + g.progressCode().name()));
            element("td", g.paperRealityGap().flagged() ? say("glance.flagged")
                    : g.paperRealityGap().since() == null ? say("glance.notChecked") : say("glance.agrees"));
            out.append("</tr>");
        }
        out.append("</tbody></table></section>");

        int number = 1;
        for (ReportGoal g : report.goals()) {
            goal(number++, g);
        }
        life();
        questions();
        reading();
        element("p", "generated", say("generated", day(LocalDate.ofInstant(report.generatedAt(), zone))));
        out.append("</body></html>\n");
        return out.toString();
    }

    private void goal(int number, ReportGoal g) {
        var paper = g.goal();
        out.append("<section class=\"goal\">");
        element("h2", say("goal.heading", number, plain(g)));
        element("h3", say("goal.onPaper"));
        out.append("<table class=\"facts\">");
        row(say("goal.formal"), paper.title());
        if (paper.plainLanguage() != null) {
            row(say("goal.plain"), paper.plainLanguage());
        }
        row(say("goal.domain"), say("domain." + paper.domain().name()));
        row(say("goal.status"), say("status." + paper.status().name()));
        if (paper.baseline() != null) {
            row(say("goal.baseline"), paper.baseline());
        }
        row(say("goal.mastery"), g.masteryInWords());
        row(say("goal.dates"), (paper.startDate() == null ? say("goal.noDate") : day(paper.startDate())) + " → "
                + (paper.targetDate() == null ? say("goal.noDate") : day(paper.targetDate())));
        if (!paper.strategies().isEmpty()) {
            row(say("goal.strategies"), String.join("; ", paper.strategies()));
        }
        if (!paper.steps().isEmpty()) {
            row(say("goal.steps"), paper.steps().stream().map(s -> s.description()).collect(Collectors.joining("; ")));
        }
        out.append("</table>");

        out.append("<div class=\"code\">");
        element("p", "code-name", say("progress") + ": " + say("code." + g.progressCode().name()));
        element("p", g.reason());
        out.append("</div>");

        element("h3", say("gap"));
        element("p", g.paperRealityGap().flagged() ? "flagged" : null, g.paperRealityGap().summary());
        if (!g.paperRealityGap().triggeredBy().isEmpty()) {
            element("p", "label", say("gap.evidence"));
            evidence(g.paperRealityGap().triggeredBy());
        }
        if (g.paperRealityGap().question() != null) {
            element("p", say("gap.question") + ": " + g.paperRealityGap().question());
        }

        element("h3", say("measured"));
        element("p", g.measurement().summary());
        out.append("<div class=\"chart\"><img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(ReportChart.png(g)))
                .append("\" alt=\"")
                .append(escape(say("chart.alt", report.child().name()))).append("\"/>");
        element("p", "caption", say("chart.caption"));
        out.append("</div>");

        element("h3", say("where"));
        out.append("<table class=\"facts\">");
        GoalProgressView.GeneralizationView seen = g.generalization();
        row(say("where.settings"), seen.settings().isEmpty() ? say("where.none")
                : seen.settings().stream().map(s -> say("setting." + s.name())).collect(Collectors.joining(", ")));
        if (!seen.people().isEmpty()) {
            row(say("where.people"), seen.people().stream().map(this::person).collect(Collectors.joining("; ")));
        }
        row(say("where.maintained"), String.valueOf(g.maintenance().consecutiveWeeks()));
        row(say("where.regulation"), g.regulation().summary());
        out.append("</table>");

        element("h3", say("narrative"));
        ReportGoal.Narrative narrative = g.narrative();
        element("p", "narrative", narrative.text());
        element("p", "note", narrative.source() == ReportGoal.Narrative.Source.TEAM
                ? say("narrative.team", narrative.author().name(), day(LocalDate.ofInstant(narrative.writtenAt(), zone)))
                : say("narrative.generated"));

        element("h3", say("family"));
        if (g.familyEvidence().isEmpty()) {
            element("p", say("family.none"));
        }
        for (ReportGoal.FamilyQuote quote : g.familyEvidence()) {
            out.append("<blockquote>");
            element("p", "“" + quote.text() + "”");
            if (quote.support() != null && !quote.support().isBlank()) {
                element("p", "support", say("family.support", quote.support()));
            }
            element("p", "by", "— " + say("family.by", person(quote.author()), day(quote.day())));
            out.append("</blockquote>");
        }
        if (!g.highlights().isEmpty()) {
            element("h3", say("highlights"));
            evidence(g.highlights());
        }
        out.append("</section>");
    }

    private void life() {
        ReportGoal.NotOnPaper life = report.notOnPaper();
        out.append("<section class=\"life\">");
        element("h2", say("life"));
        element("p", life.summary());
        if (!life.wins().isEmpty()) {
            element("h3", say("life.wins"));
            evidence(life.wins());
        }
        if (!life.firstTimes().isEmpty()) {
            element("h3", say("life.firsts"));
            evidence(life.firstTimes());
        }
        out.append("</section>");
    }

    private void questions() {
        section("questions");
        if (report.questions().isEmpty()) {
            element("p", say("questions.none"));
        } else {
            out.append("<ol>");
            report.questions().forEach(q -> element("li", q.text()));
            out.append("</ol>");
        }
        out.append("</section>");
    }

    private void reading() {
        section("reading");
        element("p", report.scale());
        element("h3", say("codes"));
        out.append("<ul>");
        for (var code : app.smallwins.progress.ProgressRules.ProgressCode.values()) {
            element("li", say("code." + code.name()));
        }
        out.append("</ul></section>");
    }

    private void evidence(List<ObservationRef> refs) {
        out.append("<ul class=\"evidence\">");
        for (ObservationRef r : refs) {
            out.append("<li>");
            element("span", "quote", "“" + r.text() + "”");
            element("span", " " + say("evidence.by", person(r.author()), say("setting." + r.setting().name()),
                    day(LocalDate.ofInstant(r.occurredAt(), zone))) + " " + r.because());
            out.append("</li>");
        }
        out.append("</ul>");
    }

    /** "Priya Sharma (mother)", or the capacity when the team has no relationship for them. */
    private String person(Author author) {
        String relationship = relationships.get(author.id());
        return author.name() + " (" + (relationship != null ? relationship : say("role." + author.capacity().name()))
                + ")";
    }

    private static String plain(ReportGoal g) {
        return g.goal().plainLanguage() != null && !g.goal().plainLanguage().isBlank() ? g.goal().plainLanguage()
                : g.goal().title();
    }

    private String orNotRecorded(String text) {
        return text == null || text.isBlank() ? say("notRecorded") : text;
    }

    private void section(String heading) {
        out.append("<section>");
        element("h2", say(heading));
    }

    /** A bordered table with these column headings; the caller writes the rows and closes it. */
    private void grid(String... headingKeys) {
        out.append("<table class=\"grid\"><thead><tr>");
        for (String key : headingKeys) {
            element("th", say(key));
        }
        out.append("</tr></thead><tbody>");
    }

    private void row(String label, String value) {
        out.append("<tr>");
        element("th", label);
        element("td", value);
        out.append("</tr>");
    }

    private void element(String tag, String text) {
        element(tag, null, text);
    }

    private void element(String tag, String cssClass, String text) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        out.append('>').append(escape(text)).append("</").append(tag).append('>');
    }

    private static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String say(String key, Object... arguments) {
        String pattern = WORDS.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }

    private static String escape(String text) {
        return Markup.escape(text);
    }

    private static String css(SmallWinsConfig.Reports.PageSize pageSize) {
        return ("""
                @page { size: %s; margin: 18mm 16mm 16mm 16mm;
                  @top-center { content: element(running); }
                  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: %s; font-size: 8pt; }
                }
                #running { position: running(running); font-size: 8pt; color: #333; text-align: center; }
                html, body { font-family: %s; font-size: 10pt; line-height: 1.35; color: #000; }
                body { max-width: 50em; margin: 0 auto; padding: 0 1em; }
                h1 { font-size: 18pt; margin: 0.2em 0 0.6em; }
                h2 { font-size: 13pt; margin: 1.2em 0 0.4em; border-bottom: 1px solid #000; }
                h3 { font-size: 10.5pt; margin: 0.8em 0 0.25em; }
                h2, h3 { page-break-after: avoid; }
                p { margin: 0.3em 0; }
                .draft { font-weight: bold; letter-spacing: 0.05em; text-transform: uppercase; font-size: 9pt; }
                table { border-collapse: collapse; width: 100%%; }
                .facts th { text-align: left; vertical-align: top; width: 11em; padding: 0.15em 0.6em 0.15em 0;
                  font-weight: bold; }
                .facts td { padding: 0.15em 0; vertical-align: top; }
                .grid th, .grid td { border: 1px solid #000; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
                .goal { page-break-before: always; }
                .code { border: 2px solid #000; padding: 0.4em 0.6em; margin: 0.6em 0; page-break-inside: avoid; }
                .code-name { font-weight: bold; }
                .chart { page-break-inside: avoid; }
                .chart img { width: 13cm; height: %s; }
                .caption, .note, .generated { font-size: 8pt; color: #333; }
                .caption { margin-top: 0; }
                .flagged { font-weight: bold; }
                blockquote { margin: 0.4em 0 0.4em 1em; padding-left: 0.6em; border-left: 3px solid #000;
                  page-break-inside: avoid; }
                .support { font-style: italic; }
                .by { font-size: 9pt; }
                .evidence li { margin-bottom: 0.25em; }
                .quote { font-style: italic; }
                @media screen { #running { display: none; } }
                """).formatted(pageSize == SmallWinsConfig.Reports.PageSize.A4 ? "A4" : "letter",
                ReportFonts.FAMILIES, ReportFonts.FAMILIES,
                String.format(Locale.ROOT, "%.2fcm", 13.0 * ReportChart.HEIGHT / ReportChart.WIDTH));
    }
}

package app.smallwins.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;
import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.goal.GoalView;
import app.smallwins.observation.ObservationKind;

/** One goal of the IEP progress report: the goal on paper beside real life over the period (docs/progress.md). */
@Schema(name = "ReportGoal", description = "One goal of the progress report: the goal on paper, how progress was "
        + "measured, the weeks, the progress code with its reason, the paper-reality gap, the narrative and the "
        + "family's evidence.")
public record ReportGoal(
        @Schema(description = "The goal on paper: formal wording, plain language, domain, baseline, criteria, dates.")
        GoalView goal,
        @Schema(description = "The mastery criteria in words.", examples = "With no more than a spoken reminder, in 2 "
                + "places, with 2 adults, 3 weeks in a row, with at least 2 tries a week.")
        String masteryInWords,
        Measurement measurement,
        @Schema(description = "Every week of the period (Monday to Sunday, the child's time zone), by prompt level.")
        List<GoalProgressView.BucketView> weeks,
        GoalProgressView.TrendView trend,
        GoalProgressView.GeneralizationView generalization,
        GoalProgressView.MaintenanceView maintenance,
        GoalProgressView.MasteryView masteryInRealLife,
        RegulationView regulation,
        ProgressRules.ProgressCode progressCode,
        @Schema(description = "Why the code, in a sentence with the figures behind it (docs/progress.md, rule 14).",
                examples = "On track to meet it by 15 June: the weekly line of independence stands at 0.50 and rises "
                        + "about 0.04 a week; at that pace it reaches the goal’s level (with no more than a spoken "
                        + "reminder, 0.67) in about 5 weeks.")
        String reason,
        @Schema(description = "The figures behind the code.") Figures figures,
        GoalProgressView.GapView paperRealityGap,
        @Schema(description = "The most telling real-life evidence of the goal, each with its why (rule 10).")
        List<ObservationRef> highlights,
        Narrative narrative,
        @Schema(description = "What the family recorded that bears on the goal in the period: their entries and the "
                + "journal linked to it (first), or at home in its domain, quoted with the parent's name; at most 5.")
        List<FamilyQuote> familyEvidence) {

    @Schema(name = "ReportMeasurement", description = "How progress was measured over the period.")
    public record Measurement(
            @Schema(description = "Observations on the goal in the period.") long observations,
            @Schema(description = "Data points: wins with the help recorded, and setbacks (the scored observations).")
            long dataPoints,
            @Schema(description = "Weeks of the period with at least one data point.") int weeksWithData,
            @Schema(description = "Weeks in the period.") int weeks,
            @Schema(description = "Observations by the author's capacity.") Map<Role, Long> byRole,
            @Schema(description = "Observations by setting.") Map<Setting, Long> bySetting,
            @Schema(examples = "24 observations over 13 weeks: 20 data points (tries with the help recorded, and "
                    + "setbacks) in 9 weeks. Recorded by the teacher (14), the para (6) and a parent (4); in class (20) "
                    + "and at home (4).") String summary) {
    }

    @Schema(name = "ProgressCodeFigures", description = "The figures rule 14 judged: a teacher can check them with a "
            + "pencil from `weeks`.")
    public record Figures(ProgressRules.CodeBasis basis,
            @Schema(description = "Weeks of the period with a score.") int weeksWithTries,
            @Schema(nullable = true, description = "The weekly line's value in the period's last week, 0 to 1.")
            Double levelNow,
            @Schema(nullable = true, description = "The line's change per week.") Double slopePerWeek,
            @Schema(description = "The score of the goal's prompt level (INDEPENDENT 1 … FULL_PHYSICAL 0).")
            double levelNeeded,
            @Schema(nullable = true, description = "The day the level must be reached: the target date less the weeks "
                    + "in a row still needed.") LocalDate reachBy,
            @Schema(nullable = true, description = "The line's value on that day, at its pace.") Double levelThen,
            @Schema(nullable = true, description = "Weeks until the line reaches the level, at its pace.")
            Integer weeksToLevel) {

        static Figures of(ProgressRules.Verdict v) {
            return new Figures(v.basis(), v.weeksWithTries(), v.levelNow(), v.slopePerWeek(),
                    Math.round(v.levelNeeded() * 100) / 100.0, v.reachBy(), v.levelThen(), v.weeksToLevel());
        }
    }

    @Schema(name = "ReportNarrative", description = "The goal's narrative for the meeting: the team's, when a teacher, "
            + "therapist or admin wrote one for this period, otherwise the generated draft.")
    public record Narrative(
            @Schema(examples = "More independent over the last 13 weeks. Not mastered in real life yet: it still needs "
                    + "1 more place.") String text,
            Source source,
            @Schema(description = "The generated draft, always (the starting point for an edit).") String generated,
            @Schema(nullable = true, description = "Who wrote the team's narrative.") Author author,
            @Schema(nullable = true) Instant writtenAt,
            @Schema(description = "How many times the team's narrative was saved for this period.") int revisions) {

        @Schema(name = "ReportNarrativeSource", description = """
                Where the narrative comes from:
                - `GENERATED`: written from the data by the rules' sentences.
                - `TEAM`: written by a teacher, therapist or admin for this period.""")
        public enum Source {
            GENERATED, TEAM
        }
    }

    /** The team's narrative of a goal for a period, as the report feature stores it. */
    public record Written(String text, Author author, Instant writtenAt, int revisions) {
    }

    @Schema(name = "FamilyQuote", description = "A family entry quoted in the report, with the parent's name.")
    public record FamilyQuote(UUID id, ObservationKind kind,
            @Schema(examples = "Put his shoes on by himself before school.") String text,
            @Schema(nullable = true, description = "How the parent supported it (the journal's second question).")
            String support,
            Setting setting, @Schema(nullable = true) PromptLevel promptLevel, boolean firstTime,
            @Schema(description = "Linked to the goal; otherwise at home in the goal's domain.") boolean linked,
            Instant occurredAt,
            @Schema(description = "The day, in the child's time zone.") LocalDate day,
            Author author) {
    }

    /** What the report's progress part holds beside the goals. */
    public record Evidence(List<ReportGoal> goals, NotOnPaper notOnPaper, List<Question> questions) {
    }

    @Schema(name = "ReportNotOnPaper", description = "Real life beyond the goals in the period.")
    public record NotOnPaper(
            @Schema(examples = "4 wins no goal records, and they count just as much. 2 first times.") String summary,
            @Schema(description = "Wins no goal records, newest first, at most 20.") List<ObservationRef> wins,
            @Schema(description = "First times of the period, goal or no goal, newest first, at most 20.")
            List<ObservationRef> firstTimes) {
    }

    @Schema(name = "MeetingQuestion", description = "A question for the IEP meeting.")
    public record Question(QuestionKind kind, @Schema(nullable = true) UUID goalId,
            @Schema(examples = "Is Johnny regulated enough in class to sit for 20 minutes in group reading? What "
                    + "supports were in place?") String text) {
    }

    @Schema(name = "MeetingQuestionKind", description = """
            Why the question is asked:
            - `GAP_FLAGGED`: the goal is met on paper, and real life since says otherwise (rule 8).
            - `WEAK_EVIDENCE`: the goal is met on paper, but the period's records do not show it mastered in real life.
            - `NO_DATA`: nothing was recorded on the goal in the period.
            - `INSUFFICIENT`: at its pace, the goal will not be met by its target date.""")
    public enum QuestionKind {
        GAP_FLAGGED, WEAK_EVIDENCE, NO_DATA, INSUFFICIENT
    }
}

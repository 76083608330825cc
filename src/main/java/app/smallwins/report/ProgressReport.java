package app.smallwins.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.child.Communication;
import app.smallwins.common.security.Role;
import app.smallwins.progress.ReportGoal;

@Schema(name = "ProgressReport", description = "The progress report for the IEP meeting: the goals on paper beside "
        + "real life over a period, with progress codes, the team's narratives, the family's evidence, the wins no "
        + "goal records and questions for the meeting (docs/progress.md, rule 14). A draft for the meeting.")
public record ProgressReport(
        Child child,
        Period period,
        @Schema(description = "The care team: names and relationships, never e-mail addresses.") List<TeamMember> team,
        @Schema(description = "Active, met and maintaining goals, oldest first.") List<ReportGoal> goals,
        ReportGoal.NotOnPaper notOnPaper,
        @Schema(description = "Questions for the meeting: flagged goals, goals without data, goals met on paper with "
                + "weak evidence, goals not on track.") List<ReportGoal.Question> questions,
        @Schema(description = "How the independence score reads.", examples = "Independence score: 1 with no prompt, "
                + "one sixth less for each step of help, 0 with full hands-on help or a setback.") String scale,
        Instant generatedAt) {

    @Schema(name = "ReportChild", description = "The cover: who the report is about and how to reach them.")
    public record Child(UUID id,
            @Schema(description = "The name the child goes by: the preferred name, or the first word of the display "
                    + "name.", examples = "Arjun") String name,
            @Schema(examples = "Arjun Sharma") String displayName,
            @Schema(nullable = true) LocalDate dateOfBirth,
            Communication communication,
            @Schema(nullable = true) String whatHelps,
            @Schema(nullable = true, description = "The praise that lands.") String celebrateWith,
            @Schema(examples = "Europe/London") String timeZone) {
    }

    @Schema(name = "ReportPeriod", description = "The days the report covers, inclusive, in the child's time zone.")
    public record Period(LocalDate from, LocalDate to, @Schema(examples = "Europe/London") String timeZone) {
    }

    @Schema(name = "ReportTeamMember")
    public record TeamMember(
            @Schema(nullable = true, description = "The person's account; null while an invitation is not yet "
                    + "accepted.") UUID userId,
            @Schema(nullable = true, description = "Null while an invitation is not yet accepted.",
                    examples = "Priya Sharma") String name,
            Role role,
            @Schema(examples = "mother") String relationship) {
    }
}

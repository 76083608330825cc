package app.smallwins.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.vocabulary.Domain;

@Schema(name = "WinsSummary", description = "Celebration scaled to the period, in the child's time zone.")
public record WinsSummaryView(
        UUID childId,
        Period period,
        LocalDate date,
        @Schema(examples = "Europe/London") String timeZone,
        Instant from,
        Instant to,
        long wins,
        long firstTimes,
        @Schema(description = "Wins linked to no goal: the ones no paperwork records.") long winsWithoutGoal,
        @Schema(description = "Cheers the team gave to the period's wins.") long cheersGiven,
        List<DomainCount> byDomain,
        @Schema(description = "Up to 5: first times, then higher independence, then new settings, then latest.")
        List<ObservationRef> highlights,
        @Schema(description = "The period in sentences: the day names each win, the week counts and groups them, the "
                + "month names its milestones.", examples = "2 wins today: tried a pea (a first time!) and slept through "
                + "the night.") String summary,
        @Schema(nullable = true, description = "A celebration in the child's own terms (their `celebrateWith`), for a "
                + "week or a month.", examples = "Celebrate the week with what lands with Arjun: “bubbles and a high five”.")
        String celebration,
        @Schema(description = "DAY: every win of the day, newest first (at most 50). Empty for WEEK and MONTH.")
        List<ObservationRef> items,
        @Schema(description = "WEEK and MONTH: the period's first times, newest first (at most 20). Empty for DAY.")
        List<ObservationRef> firstTimeWins,
        @Schema(description = "MONTH: goals newly mastered in real life during the month. Empty for DAY and WEEK.")
        List<Milestone> milestones,
        RegulationView regulation) {

    @Schema(name = "WinsMilestone", description = "A goal whose mastery criteria came to hold in real life during the "
            + "month.")
    public record Milestone(UUID goalId, String title, @Schema(nullable = true) String plainLanguage) {
    }

    @Schema(name = "WinsPeriod", description = """
            The period celebrated:
            - `DAY`: one day in the child's time zone (micro wins).
            - `WEEK`: Monday to Sunday (weekly wins).
            - `MONTH`: a calendar month (monthly milestones).""")
    public enum Period {
        DAY, WEEK, MONTH
    }

    @Schema(name = "DomainCount")
    public record DomainCount(@Schema(nullable = true) Domain domain, long wins, long firstTimes) {
    }
}

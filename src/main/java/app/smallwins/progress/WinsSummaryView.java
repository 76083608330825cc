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
        List<ObservationRef> highlights) {

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

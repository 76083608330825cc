package app.smallwins.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.Author;

@Schema(name = "ReportNarrativeVersion", description = "A narrative a team member wrote for one goal in one report "
        + "period; the newest is the one the report uses.")
public record NarrativeView(UUID id, UUID goalId, LocalDate from, LocalDate to,
        @Schema(examples = "Arjun now asks for help with two words most days, in class and at home.") String text,
        Author author, Instant writtenAt) {
}

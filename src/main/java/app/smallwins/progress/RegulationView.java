package app.smallwins.progress;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.vocabulary.Setting;

@Schema(name = "Regulation", description = "Regulation beside the skill: how the child was when the entries were "
        + "recorded, per week and by setting, and how often the skill was shown while calm versus not "
        + "(docs/progress.md, rule 9).")
public record RegulationView(
        @Schema(examples = "Calm in 6 of the 9 entries with regulation recorded; 2 shutdowns. Hardest place: in class "
                + "(3 of 4 not calm). The skill was shown in 5 of 6 tries while calm and 0 of 3 tries while not.")
        String summary,
        Shares overall,
        List<Week> byWeek,
        List<Place> bySetting,
        @Schema(description = "Attempts (wins with a prompt level, setbacks) recorded as calm.") SkillWhen whileCalm,
        @Schema(description = "Attempts recorded as unsettled, dysregulated or shut down.") SkillWhen whileNotCalm) {

    @Schema(name = "RegulationShares", description = "Shares, 0 to 1, among the entries that recorded regulation.")
    public record Shares(@Schema(description = "All entries.") long entries,
            @Schema(description = "Entries that recorded regulation.") long recorded,
            double calm, double unsettled, double dysregulated, double shutdown) {

        static Shares of(ProgressRules.Shares s) {
            return new Shares(s.entries(), s.recorded(), s.calm(), s.unsettled(), s.dysregulated(), s.shutdown());
        }
    }

    @Schema(name = "RegulationWeek")
    public record Week(@Schema(description = "The Monday.") LocalDate start, Shares shares) {
    }

    @Schema(name = "RegulationSetting")
    public record Place(Setting setting, Shares shares) {
    }

    @Schema(name = "SkillWhen")
    public record SkillWhen(long attempts, @Schema(description = "Attempts that showed the skill.") long shown,
            @Schema(nullable = true, description = "shown / attempts; null without attempts.") Double ratio) {

        static SkillWhen of(ProgressRules.SkillWhen s) {
            return new SkillWhen(s.attempts(), s.shown(), s.ratio());
        }
    }

    static RegulationView of(ProgressRules.RegulationSummary r, String summary) {
        return new RegulationView(summary, Shares.of(r.overall()),
                r.byWeek().entrySet().stream().map(e -> new Week(e.getKey(), Shares.of(e.getValue()))).toList(),
                r.bySetting().entrySet().stream().map(e -> new Place(e.getKey(), Shares.of(e.getValue()))).toList(),
                SkillWhen.of(r.calm()), SkillWhen.of(r.notCalm()));
    }
}

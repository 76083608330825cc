package app.smallwins.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;
import app.smallwins.goal.GoalStatus;
import app.smallwins.goal.GoalSummary;
import app.smallwins.goal.Mastery;
import app.smallwins.observation.ObservationKind;

/**
 * Writes the progress views' sentences from what the rules found: specific (how many times,
 * where, with whom, how much help), honest about dips, without blame, in the words of
 * {@link Words}. Pure: the same evidence always reads the same.
 */
final class Narrator {

    /** A dip worth naming: a week at least this much below the one before it. */
    static final double DIP = 0.15;
    private static final int DAY_WINS_NAMED = 5;
    private static final int TEXT_IN_SENTENCE = 80;

    private final Words words;
    private final String name;

    Narrator(Words words, String childName) {
        this.words = words;
        this.name = childName;
    }

    /** Gap sentences: why it is flagged (or not), and what the team might ask. */
    record GapWords(String summary, String question) {
    }

    // ---- goal progress -------------------------------------------------------------------

    /**
     * What happened lately: this week when it has attempts, otherwise the last four weeks. Wins
     * at the goal's bar are counted with their places and people; below it, the tries.
     */
    String recent(List<EvidenceCell> cells, PromptLevel level, LocalDate asOf) {
        LocalDate week = ProgressRules.weekOf(asOf);
        boolean thisWeek = cells.stream().anyMatch(c -> c.isAttempt() && inRange(c, week, asOf));
        LocalDate from = thisWeek ? week : asOf.minusDays(27);
        String period = words.say(thisWeek ? "period.thisWeek" : "period.lastFourWeeks");
        long atBar = 0;
        long attempts = 0;
        Set<Setting> settings = new TreeSet<>();
        Map<UUID, Role> people = new LinkedHashMap<>();
        for (EvidenceCell cell : cells) {
            if (!inRange(cell, from, asOf) || !cell.isAttempt()) {
                continue;
            }
            attempts += cell.count();
            if (cell.qualifies(level)) {
                atBar += cell.count();
                settings.add(cell.setting());
                people.putIfAbsent(cell.authorId(), cell.authorCapacity());
            }
        }
        if (attempts == 0) {
            return words.say("recent.nothing");
        }
        if (atBar == 0) {
            return words.say("recent.belowBar", name, attempts, period, words.bar(level));
        }
        String with = words.say("recent.people", people.size(),
                people.size() == 1 ? words.capacity(people.values().iterator().next()) : "");
        return words.say("recent.atBar", name, atBar, period, words.bar(level), words.settings(settings), with);
    }

    /**
     * The direction in words; a recovered dip is named ("two steps forward, one back"), with
     * the break before it when the weeks before it were empty.
     */
    String trend(ProgressRules.Trend trend, List<ProgressRules.BucketStats> buckets) {
        String dip = dip(buckets);
        if (dip != null && trend.direction() != ProgressRules.Direction.FALLING) {
            return dip;
        }
        String key = "trend." + trend.direction().name()
                + (trend.direction() == ProgressRules.Direction.RISING && trend.noisy() ? ".noisy" : "");
        return words.say(key, buckets.size());
    }

    private String dip(List<ProgressRules.BucketStats> buckets) {
        String found = null;
        Double previous = null;
        int emptyBefore = 0;
        int emptyRun = 0;
        for (int i = 0; i < buckets.size(); i++) {
            Double score = buckets.get(i).independenceScore();
            if (score == null) {
                emptyRun++;
                continue;
            }
            if (previous != null && score <= previous - DIP && recovers(buckets, i, score)) {
                emptyBefore = emptyRun;
                found = words.say("trend.dip", words.date(buckets.get(i).start()),
                        emptyBefore == 0 ? "" : words.say("trend.dip.afterBreak", emptyBefore));
            }
            previous = score;
            emptyRun = 0;
        }
        return found;
    }

    private static boolean recovers(List<ProgressRules.BucketStats> buckets, int dipAt, double dipScore) {
        for (int j = dipAt + 1; j < buckets.size(); j++) {
            Double later = buckets.get(j).independenceScore();
            if (later != null && later >= dipScore + DIP) {
                return true;
            }
        }
        return false;
    }

    /** Mastery in real life: what holds, or what it still needs. */
    String mastery(Mastery criteria, ProgressRules.MasteryCheck check, ProgressRules.Maintenance run) {
        if (criteria == null) {
            return words.say("mastery.none");
        }
        if (check.met()) {
            return words.say("mastery.met", check.weeksHeld(),
                    run.quietWeeks() == 0 ? "" : words.say("mastery.quiet", run.quietWeeks()),
                    words.say("mastery.settings", check.settingsSeen()), words.say("mastery.people", check.peopleSeen()));
        }
        return words.say("mastery.notYet", needs(criteria, check));
    }

    /** What mastery still needs, listed: "1 more week in a row … and 1 more place". */
    private String needs(Mastery criteria, ProgressRules.MasteryCheck check) {
        List<String> needs = new ArrayList<>();
        for (String missing : check.missing()) {
            needs.add(switch (missing) {
                case "consecutiveWeeks" -> words.say("missing.consecutiveWeeks",
                        criteria.consecutiveWeeksOrDefault() - check.weeksHeld(), criteria.minAttemptsPerWeekOrDefault(),
                        words.bar(criteria.promptLevel()));
                case "settings" -> words.say("missing.settings", criteria.settingsOrDefault() - check.settingsSeen());
                case "people" -> words.say("missing.people", criteria.peopleOrDefault() - check.peopleSeen());
                default -> words.say("missing.successRatio", words.bar(criteria.promptLevel()),
                        Math.round(criteria.successRatio().doubleValue() * 100),
                        check.successRatio() == null ? 0 : Math.round(check.successRatio() * 100));
            });
        }
        return words.list(needs);
    }

    /** The one next step that matters most: the gap's question, then what mastery still needs. */
    String nextStep(Mastery criteria, ProgressRules.MasteryCheck check, GapWords gap,
            ProgressRules.People seen, Map<UUID, Role> capacities, boolean anyAttempts) {
        if (gap.question() != null) {
            return words.say("next.gap", gap.question());
        }
        if (criteria == null) {
            return words.say("next.criteria");
        }
        if (!anyAttempts) {
            return words.say("next.nothing");
        }
        String bar = words.bar(criteria.promptLevel());
        if (check.met()) {
            return words.say("next.met");
        }
        if (check.missing().contains("settings") && !seen.settings().isEmpty()) {
            return words.say("next.settings", bar, words.settings(seen.settings()));
        }
        if (check.missing().contains("people") && !seen.people().isEmpty()) {
            return words.say("next.people", bar, words.list(seen.people().stream()
                    .map(id -> words.capacity(capacities.getOrDefault(id, Role.parent))).distinct().toList()));
        }
        if (check.missing().contains("successRatio")) {
            return words.say("next.successRatio", bar);
        }
        return words.say("next.consecutiveWeeks", criteria.minAttemptsPerWeekOrDefault(), bar);
    }

    /** The gap's sentence and question. */
    GapWords gap(GoalSummary goal, ProgressRules.Gap gap, LocalDate statusDay, PromptLevel level,
            List<ProgressRepository.Row> moments) {
        if (goal.status() != GoalStatus.MET && goal.status() != GoalStatus.MAINTAINING) {
            return new GapWords(words.say("gap.notChecked"), null);
        }
        String status = words.say("status." + goal.status().name());
        String marked = words.date(statusDay);
        if (!gap.flagged()) {
            return new GapWords(words.say("gap.none", status, marked), null);
        }
        List<String> parts = new ArrayList<>();
        String question = null;
        if (gap.reasons().contains(ProgressRules.GapReason.SETBACKS_OR_DYSREGULATION)) {
            List<ProgressRules.HardMoment> evidence = gap.evidence();
            long days = java.time.temporal.ChronoUnit.DAYS.between(evidence.get(evidence.size() - 1).day(),
                    evidence.get(0).day()) + 1;
            parts.add(words.say("gap.moments", status, marked, evidence.size(), moments(moments), days,
                    words.settings(gap.settings())));
            long unlinked = evidence.stream().filter(m -> !goal.id().equals(m.goalId())).count();
            parts.add(unlinked == evidence.size() ? words.say("gap.allUnlinked") : words.say("gap.unlinked", unlinked));
            String doing = goal.plainLanguage() == null || goal.plainLanguage().isBlank() ? words.say("gap.goalFallback")
                    : Words.lowerFirst(goal.plainLanguage().strip().replaceAll("[.!]+$", ""));
            question = words.say("gap.question.moments", name, words.settings(gap.settings()), doing);
        }
        if (gap.reasons().contains(ProgressRules.GapReason.NO_EVIDENCE_AT_MASTERY_LEVEL)) {
            parts.add(words.say("gap.noWin", words.bar(level), status, marked));
            if (question == null) {
                question = words.say("gap.question.noWin", words.bar(level));
            }
        }
        return new GapWords(Words.sentences(parts), question);
    }

    // ---- the IEP progress report (rule 14) -----------------------------------------------

    /** The mastery criteria in words: "With no more than a spoken reminder, in 2 places, …". */
    String criteria(Mastery criteria) {
        if (criteria == null) {
            return words.say("criteria.none");
        }
        String ratio = criteria.successRatio() == null ? ""
                : words.say("criteria.ratio", Math.round(criteria.successRatio().doubleValue() * 100));
        return words.say("criteria.words", Words.upperFirst(words.bar(criteria.promptLevel())),
                words.say("mastery.settings", criteria.settingsOrDefault()),
                words.say("mastery.people", criteria.peopleOrDefault()), criteria.consecutiveWeeksOrDefault(),
                criteria.minAttemptsPerWeekOrDefault(), ratio);
    }

    /** How progress was measured: observations, data points and weeks, by whom and where. */
    String measurement(long observations, long dataPoints, int weeksWithData, int weeks, Map<Role, Long> byRole,
            Map<Setting, Long> bySetting, LocalDate from, LocalDate to) {
        if (observations == 0) {
            return words.say("measure.none", words.date(from), words.date(to));
        }
        List<String> roles = byRole.entrySet().stream()
                .map(e -> words.say("measure.count", words.capacity(e.getKey()), e.getValue())).toList();
        List<String> settings = bySetting.entrySet().stream()
                .map(e -> words.say("measure.count", words.setting(e.getKey()), e.getValue())).toList();
        return Words.sentences(List.of(words.say("measure.counts", observations, weeks, dataPoints, weeksWithData),
                words.say("measure.by", words.list(roles), words.list(settings))));
    }

    /** The progress code's reason in a sentence, with the figures a teacher can check (rule 14). */
    String verdict(ProgressRules.Verdict v, Mastery criteria, ProgressRules.MasteryCheck check,
            ProgressRules.Maintenance run, boolean gapFlagged, LocalDate targetDate) {
        String level = words.bar(ProgressRules.requiredLevel(criteria));
        String by = targetDate == null ? "" : words.say("code.by", words.date(targetDate));
        String said = switch (v.basis()) {
            case MASTERED -> mastery(criteria, check, run);
            case FEW_WEEKS -> words.say("code.FEW_WEEKS", v.weeksWithTries(), ProgressRules.MIN_TREND_POINTS);
            case TARGET_PASSED -> words.say("code.TARGET_PASSED", words.date(targetDate));
            case FALLING -> words.say("code.FALLING", -v.slopePerWeek(), v.levelNow(), v.levelNeeded(), level);
            case AT_LEVEL -> words.say("code.AT_LEVEL", by, v.levelNow(), v.levelNeeded(), level);
            case TOO_LITTLE_TIME -> words.say("code.TOO_LITTLE_TIME", words.date(targetDate), v.levelNow(),
                    v.levelNeeded(), level, words.date(v.reachBy()));
            case REACHES_LEVEL -> words.say("code.REACHES_LEVEL", by, v.levelNow(), v.slopePerWeek(), v.levelNeeded(),
                    level, v.weeksToLevel());
            case SHORT_OF_LEVEL -> targetDate == null
                    ? words.say("code.SHORT_OF_LEVEL.noTarget", v.levelNow(), v.slopePerWeek(), v.levelNeeded(), level)
                    : words.say("code.SHORT_OF_LEVEL", by, v.levelNow(), v.slopePerWeek(), v.levelThen(),
                            words.date(v.reachBy()), v.levelNeeded(), level);
        };
        boolean onTrack = v.code() == ProgressRules.ProgressCode.SUFFICIENT;
        return Words.sentences(List.of(said,
                onTrack && criteria != null && !check.met() ? words.say("code.stillNeeds", needs(criteria, check)) : "",
                check.met() && gapFlagged && v.code() != ProgressRules.ProgressCode.MASTERED
                        ? words.say("code.gapFlagged") : ""));
    }

    /** A goal of the period with nothing recorded on it: worth asking at the meeting. */
    String questionNoData(String goal, LocalDate from, LocalDate to) {
        return words.say("question.noData", goal, words.date(from), words.date(to));
    }

    /** A goal met on paper whose records of the period do not show mastery in real life. */
    String questionWeakEvidence(String goal, GoalStatus status, Mastery criteria, ProgressRules.MasteryCheck check) {
        return words.say("question.weakEvidence", goal, words.say("status." + status.name()),
                criteria == null ? words.say("criteria.none.short") : needs(criteria, check));
    }

    /** A goal not on track by its target date. */
    String questionInsufficient(String goal, LocalDate targetDate) {
        return words.say("question.insufficient", goal,
                targetDate == null ? "" : words.say("code.by", words.date(targetDate)));
    }

    /** The period's wins no goal records and its first times, in a sentence. */
    String notOnPaperPeriod(int wins, int firstTimes) {
        return words.say("report.notOnPaper", wins, firstTimes);
    }

    /** "a shutdown and 2 setbacks": each moment named by its hardest sign. */
    private String moments(List<ProgressRepository.Row> rows) {
        Map<EvidenceReason, Integer> counts = new EnumMap<>(EvidenceReason.class);
        rows.forEach(r -> counts.merge(hardness(r), 1, Integer::sum));
        List<String> named = new ArrayList<>();
        for (EvidenceReason kind : List.of(EvidenceReason.SHUTDOWN, EvidenceReason.DYSREGULATED,
                EvidenceReason.SETBACK)) {
            if (counts.containsKey(kind)) {
                named.add(words.say("moment." + kind.name(), counts.get(kind)));
            }
        }
        return words.list(named);
    }

    /** A hard moment's hardest sign: shutdown, then dysregulated, then a setback. */
    static EvidenceReason hardness(ProgressRepository.Row row) {
        if (row.regulation() == Regulation.SHUTDOWN) {
            return EvidenceReason.SHUTDOWN;
        }
        return row.regulation() == Regulation.DYSREGULATED ? EvidenceReason.DYSREGULATED : EvidenceReason.SETBACK;
    }

    // ---- regulation ----------------------------------------------------------------------

    String regulation(ProgressRules.RegulationSummary r) {
        ProgressRules.Shares all = r.overall();
        if (all.recorded() == 0) {
            return words.say("regulation.none");
        }
        List<String> hard = new ArrayList<>();
        long unsettled = Math.round(all.unsettled() * all.recorded());
        long dysregulated = Math.round(all.dysregulated() * all.recorded());
        long shutdown = Math.round(all.shutdown() * all.recorded());
        if (unsettled > 0) {
            hard.add(words.say("regulation.unsettled", unsettled));
        }
        if (dysregulated > 0) {
            hard.add(words.say("regulation.dysregulated", dysregulated));
        }
        if (shutdown > 0) {
            hard.add(words.say("regulation.shutdown", shutdown));
        }
        StringBuilder text = new StringBuilder(words.say("regulation.shares", Math.round(all.calm() * all.recorded()),
                all.recorded(), hard.isEmpty() ? "" : words.say("regulation.hard", words.list(hard))));
        Setting hardest = null;
        long hardestNotCalm = 0;
        long hardestRecorded = 0;
        if (r.bySetting().size() > 1) {
            for (var e : r.bySetting().entrySet()) {
                long notCalm = Math.round((1 - e.getValue().calm()) * e.getValue().recorded());
                if (e.getValue().recorded() > 0 && notCalm > hardestNotCalm) {
                    hardest = e.getKey();
                    hardestNotCalm = notCalm;
                    hardestRecorded = e.getValue().recorded();
                }
            }
        }
        if (hardest != null) {
            text.append(words.say("regulation.hardest", words.setting(hardest), hardestNotCalm, hardestRecorded));
        }
        var calm = r.calm();
        var notCalm = r.notCalm();
        if (calm.attempts() > 0 && notCalm.attempts() > 0) {
            text.append(words.say("regulation.skill", calm.shown(), calm.attempts(), notCalm.shown(),
                    notCalm.attempts()));
        } else if (calm.attempts() > 0) {
            text.append(words.say("regulation.skillCalmOnly", calm.shown(), calm.attempts()));
        } else if (notCalm.attempts() > 0) {
            text.append(words.say("regulation.skillNotCalmOnly", notCalm.shown(), notCalm.attempts()));
        }
        return text.toString();
    }

    // ---- evidence ------------------------------------------------------------------------

    /** "A first time, with no prompt, the first win at home." */
    String because(Set<EvidenceReason> why, ProgressRepository.Row row, GoalStatus status) {
        List<String> parts = new ArrayList<>();
        for (EvidenceReason reason : why) {
            parts.add(switch (reason) {
                case NEW_SETTING -> words.say("why.NEW_SETTING", words.setting(row.setting()));
                case NEW_PERSON -> words.say("why.NEW_PERSON", words.capacity(row.authorCapacity()));
                case SETBACK, DYSREGULATED, SHUTDOWN -> words.say("why." + reason.name(),
                        words.say("status." + (status == GoalStatus.MAINTAINING ? "MAINTAINING" : "MET")));
                default -> words.say("why." + reason.name());
            });
        }
        return words.say("why.sentence", Words.upperFirst(String.join(", ", parts)));
    }

    String notOnPaper(int count) {
        return words.say("chart.notOnPaper", count);
    }

    // ---- celebrations --------------------------------------------------------------------

    String day(List<ProgressRepository.Row> wins, long total) {
        if (total == 0) {
            return words.say("wins.day.none");
        }
        List<String> named = new ArrayList<>();
        for (ProgressRepository.Row win : wins.subList(0, Math.min(DAY_WINS_NAMED, wins.size()))) {
            String text = Words.lowerFirst(shorten(win.text()));
            named.add(win.firstTime() ? words.say("wins.day.firstTime", text) : text);
        }
        String list = words.list(named);
        if (total > named.size()) {
            list = words.say("wins.day.more", String.join(", ", named), total - named.size());
        }
        return words.say("wins.day", total, list);
    }

    String week(long total, List<Domain> domains, List<ProgressRepository.Row> firstTimes, long firstTimeCount) {
        if (total == 0) {
            return words.say("wins.week.none");
        }
        String where = domains.isEmpty() ? "" : words.say("wins.week.domains",
                words.list(domains.stream().map(words::domain).toList()));
        return words.say("wins.week", total, where, words.say("wins.week.firstTimes", firstTimeCount,
                words.list(firstTimes.stream().limit(3).map(r -> Words.lowerFirst(shorten(r.text()))).toList())));
    }

    String month(long total, List<ProgressRepository.Row> firstTimes, long firstTimeCount, List<String> mastered) {
        if (total == 0 && mastered.isEmpty()) {
            return words.say("wins.month.none");
        }
        return words.say("wins.month", total,
                words.say("wins.month.firstTimes", firstTimeCount,
                        words.list(firstTimes.stream().limit(3).map(r -> Words.lowerFirst(shorten(r.text()))).toList())),
                words.say("wins.month.mastered", mastered.size(), words.list(mastered)));
    }

    /** A celebration in the child's own terms, for a week or a month with wins. */
    String celebration(WinsSummaryView.Period period, String celebrateWith, long wins) {
        if (period == WinsSummaryView.Period.DAY || wins == 0) {
            return null;
        }
        String what = words.say("celebrate." + period.name());
        return celebrateWith == null || celebrateWith.isBlank() ? words.say("celebrate.unknown", what, name)
                : words.say("celebrate.with", what, name, celebrateWith.strip().replaceAll("[.!]+$", ""));
    }

    private static String shorten(String text) {
        String t = text.strip().replaceAll("[.!]+$", "");
        return t.length() <= TEXT_IN_SENTENCE ? t : t.substring(0, TEXT_IN_SENTENCE - 1).strip() + "…";
    }

    private static boolean inRange(EvidenceCell cell, LocalDate from, LocalDate to) {
        return !cell.day().isBefore(from) && !cell.day().isAfter(to);
    }

    static boolean isWin(ProgressRepository.Row row) {
        return row.kind() == ObservationKind.WIN;
    }
}

package app.smallwins.progress;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import app.smallwins.common.vocabulary.PromptLevel;

/**
 * Which evidence a goal shows, and why (docs/progress.md, rule 10): pure, on rows already read.
 */
final class EvidencePicks {

    /** Evidence a goal shows at most on the chart. */
    static final int PER_GOAL = 3;

    /**
     * The most telling win: recent (last 90 days) first, then the most independent, then a
     * first time or a new setting, then the latest.
     */
    static final Comparator<ProgressRepository.Row> MOST_TELLING = Comparator
            .comparing((ProgressRepository.Row r) -> r.recent() ? 0 : 1)
            .thenComparing(r -> r.promptLevel() == null ? PromptLevel.values().length : r.promptLevel().ordinal())
            .thenComparing(r -> r.firstTime() || r.newSetting() ? 0 : 1)
            .thenComparing(ProgressRepository.Row::occurredAt, Comparator.reverseOrder());

    private EvidencePicks() {
    }

    /** What is new about a win: its setting, its adult. */
    interface Novelty {

        boolean newSetting(ProgressRepository.Row row);

        boolean newPerson(ProgressRepository.Row row);

        /** As the row says (no earlier win in its setting); people are not compared. */
        Novelty AS_READ = new Novelty() {
            @Override
            public boolean newSetting(ProgressRepository.Row row) {
                return row.newSetting();
            }

            @Override
            public boolean newPerson(ProgressRepository.Row row) {
                return false;
            }
        };
    }

    /** A row chosen as evidence, with every reason it shows. */
    record Pick(ProgressRepository.Row row, Set<EvidenceReason> why) {
    }

    /**
     * Up to {@value #PER_GOAL} pieces of evidence for one goal, each for what it shows: while
     * the gap is flagged, the newest hard moment first (never a success as the headline); then the
     * most telling win, the newest first time, the newest win in a new setting, the newest win
     * with a new person.
     *
     * @param hardMoments the gap's evidence, newest first (empty when not flagged)
     * @param candidates the goal's candidate wins (recent flag set)
     * @param firstTimes the goal's first-time wins, newest first
     * @param novelty whether a win is the first on the goal in its setting, with its adult
     */
    static List<Pick> forGoal(List<ProgressRepository.Row> hardMoments, List<ProgressRepository.Row> candidates,
            List<ProgressRepository.Row> firstTimes, Novelty novelty) {
        Map<UUID, Pick> picks = new LinkedHashMap<>();
        hardMoments.stream().findFirst().ifPresent(r -> picks.put(r.id(), new Pick(r, EnumSet.of(Narrator.hardness(r)))));
        Optional<ProgressRepository.Row> best = candidates.stream().min(MOST_TELLING);
        best.ifPresent(r -> add(picks, r, novelty, true));
        firstTimes.stream().findFirst().ifPresent(r -> add(picks, r, novelty, false));
        newest(candidates, novelty::newSetting).ifPresent(r -> add(picks, r, novelty, false));
        newest(candidates, novelty::newPerson).ifPresent(r -> add(picks, r, novelty, false));
        return List.copyOf(picks.values());
    }

    /** The most telling win alone, with its reasons (goal progress' `mostIndependentRecent`). */
    static Optional<Pick> mostTelling(List<ProgressRepository.Row> candidates,
            Novelty novelty) {
        return candidates.stream().min(MOST_TELLING).map(r -> new Pick(r, reasons(r, novelty, true)));
    }

    /** A win's reasons: first time, no prompt, new setting, new person; the latest when none. */
    static Set<EvidenceReason> reasons(ProgressRepository.Row row, Novelty novelty,
            boolean mostIndependent) {
        Set<EvidenceReason> why = EnumSet.noneOf(EvidenceReason.class);
        if (row.firstTime()) {
            why.add(EvidenceReason.FIRST_TIME);
        }
        if (row.promptLevel() == PromptLevel.INDEPENDENT) {
            why.add(EvidenceReason.INDEPENDENT);
        }
        if (mostIndependent) {
            why.add(EvidenceReason.MOST_INDEPENDENT);
        }
        if (novelty.newSetting(row)) {
            why.add(EvidenceReason.NEW_SETTING);
        }
        if (novelty.newPerson(row)) {
            why.add(EvidenceReason.NEW_PERSON);
        }
        if (why.isEmpty()) {
            why.add(EvidenceReason.LATEST);
        }
        return why;
    }

    private static void add(Map<UUID, Pick> picks, ProgressRepository.Row row,
            Novelty novelty, boolean mostIndependent) {
        if (picks.size() < PER_GOAL && !picks.containsKey(row.id())) {
            picks.put(row.id(), new Pick(row, reasons(row, novelty, mostIndependent)));
        }
    }

    private static Optional<ProgressRepository.Row> newest(List<ProgressRepository.Row> rows,
            Predicate<ProgressRepository.Row> which) {
        return rows.stream().filter(which).max(Comparator.comparing(ProgressRepository.Row::occurredAt)
                .thenComparing(ProgressRepository.Row::id));
    }
}

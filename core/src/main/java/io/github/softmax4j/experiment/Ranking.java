package io.github.softmax4j.experiment;

import io.github.softmax4j.train.RunStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs grouped by their settings (the seeds of one setting together) and ranked by the mean of
 * their score over the distinct seeds, best first (runs of one seed, such as copies of one run,
 * count as that seed once, by their mean): the kept validation accuracy, or the last test accuracy for runs that
 * held out no validation split. Settings judged on validation come before those judged on the
 * test set (the two figures are not comparable), a setting with a diverged run is ranked after
 * all others, and ties keep the order in which the settings first appear. A pure function of its
 * input.
 */
public final class Ranking {
    /**
     * One setting's place.
     *
     * @param settings  the shared settings, seed left out
     * @param mean      mean score over the setting's seeds
     * @param sd        sample standard deviation of the score over the seeds (0 for a single seed)
     * @param runs      the runs' names
     * @param seeds     how many distinct seeds the runs have
     * @param diverged  whether any of them diverged
     * @param validated whether the score is validation accuracy (else test accuracy)
     * @param keptEpoch mean kept epoch
     * @param seconds   mean training seconds
     */
    public record Entry(Map<String, Object> settings, double mean, double sd, List<String> runs, int seeds,
                        boolean diverged, boolean validated, double keptEpoch, double seconds) {
        /** Whether the setting has a standard deviation to show, by {@link Ranking#deviates(long)}. */
        public boolean deviates() {
            return Ranking.deviates(seeds);
        }
    }

    private Ranking() {
    }

    /**
     * Whether a setting run with {@code seeds} distinct seeds has a standard deviation to show: only
     * over two seeds or more; copies of one run are one seed, however many runs they are. Every
     * table and page follows this one rule.
     */
    public static boolean deviates(long seeds) {
        return seeds > 1;
    }

    /** The ranking of {@code results}. */
    public static List<Entry> rank(List<RunResult> results) {
        Map<Map<String, Object>, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult result : results) {
            groups.computeIfAbsent(result.settings(), key -> new ArrayList<>()).add(result);
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, List<RunResult>> group : groups.entrySet()) {
            List<RunResult> runs = group.getValue();
            Map<Long, Double> bySeed = runs.stream().collect(Collectors.groupingBy(RunResult::seed, LinkedHashMap::new,
                    Collectors.averagingDouble(RunResult::score)));
            double mean = bySeed.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double squares = bySeed.values().stream().mapToDouble(score -> (score - mean) * (score - mean)).sum();
            double sd = bySeed.size() > 1 ? Math.sqrt(squares / (bySeed.size() - 1)) : 0;
            entries.add(new Entry(group.getKey(), mean, sd, runs.stream().map(RunResult::name).toList(), bySeed.size(),
                    runs.stream().anyMatch(r -> r.status() == RunStatus.DIVERGED),
                    runs.stream().allMatch(RunResult::validated),
                    runs.stream().mapToDouble(RunResult::keptEpoch).average().orElse(0),
                    runs.stream().mapToDouble(RunResult::seconds).average().orElse(0)));
        }
        // stable sort: equal entries keep their first-appearance order
        entries.sort(Comparator.comparing(Entry::diverged).thenComparing(entry -> !entry.validated())
                .thenComparing(Comparator.comparingDouble((Entry e) -> Double.isNaN(e.mean()) ? Double.NEGATIVE_INFINITY
                        : e.mean()).reversed()));
        return entries;
    }
}

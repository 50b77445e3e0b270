package io.github.softmax4j.experiment;

import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One run's outcome as a ranking needs it. With a validation split the run is judged by the
 * validation accuracy of its kept (best) epoch; a run without one (a plain {@code train}) can only
 * be judged by its last test accuracy, and {@link #validated()} says which.
 *
 * @param name         the run folder's name
 * @param settings     the settings that make the run what it is, the seed left out, by snake_case name
 * @param seed         the run's seed
 * @param status       where the run is
 * @param keptEpoch    the kept epoch (the best on validation, else the last), 0 before the first
 * @param valAccuracy  the kept epoch's validation accuracy, or NaN without validation
 * @param valLoss      the kept epoch's validation loss, or NaN without validation
 * @param testAccuracy the kept model's test accuracy, or NaN where the test set was not touched
 * @param seconds      the training time, the sum of the epochs' times
 */
public record RunResult(String name, Map<String, Object> settings, long seed, RunStatus status, int keptEpoch,
                        double valAccuracy, double valLoss, double testAccuracy, double seconds) {
    private static final Set<String> SETTINGS = TrainConfig.defaults().toMap().keySet();

    public RunResult {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The outcome of the run in {@code folder}. */
    public static RunResult of(RunFolder folder) {
        RunMetrics metrics = folder.metrics();
        Map<String, Object> settings = new LinkedHashMap<>();
        metrics.config().forEach((key, value) -> {
            if (SETTINGS.contains(key) && !key.equals("seed")) {
                settings.put(key, value);
            }
        });
        Object seed = metrics.config().get("seed");
        EpochStats kept = null;
        double seconds = 0;
        for (EpochStats stats : metrics.epochs()) {
            seconds += stats.seconds();
            if (!stats.validated() || kept == null || stats.valAccuracy() > kept.valAccuracy()) {
                kept = stats;
            }
        }
        double test = metrics.selected() != null ? metrics.selected().testAccuracy()
                : kept != null && !kept.validated() ? kept.testAccuracy() : Double.NaN;
        return new RunResult(folder.name(), settings, seed instanceof Number n ? n.longValue() : 0, metrics.status(),
                kept == null ? 0 : kept.epoch(), kept == null ? Double.NaN : kept.valAccuracy(),
                kept == null ? Double.NaN : kept.valLoss(), test, seconds);
    }

    /** Whether the run held out a validation split, so it is judged on it (even if it diverged at once). */
    public boolean validated() {
        return !Double.isNaN(valAccuracy) || settings.get("validation") instanceof Number held && held.intValue() > 0;
    }

    /** The figure the run is ranked by: the kept validation accuracy, or else the last test accuracy. */
    public double score() {
        return validated() ? valAccuracy : testAccuracy;
    }
}

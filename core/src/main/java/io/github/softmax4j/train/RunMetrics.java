package io.github.softmax4j.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's metrics file holds: its status, its configuration (as {@link TrainConfig#toMap()}
 * and whatever the writer adds, such as the number of training images), every completed epoch,
 * and, once a run with a validation split has finished, the epoch it kept.
 *
 * @param status   where the run is
 * @param config   the settings, by their snake_case names
 * @param epochs   the completed epochs, in order
 * @param selected the kept epoch of a validated run, or null
 */
public record RunMetrics(RunStatus status, Map<String, Object> config, List<EpochStats> epochs, Selected selected) {
    /**
     * The epoch a validated run kept, chosen on validation accuracy.
     *
     * @param testAccuracy the kept model's test accuracy, or NaN where the test set was not
     *                     touched (every run of a sweep but the winner)
     */
    public record Selected(int epoch, double valAccuracy, double testAccuracy) {
        /** The fields under the names metrics.json uses; test_acc is null when not measured. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("epoch", epoch);
            map.put("val_acc", valAccuracy);
            map.put("test_acc", Double.isNaN(testAccuracy) ? null : testAccuracy);
            return map;
        }
    }

    public RunMetrics {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
        epochs = List.copyOf(epochs);
    }

    /** The same run with another status and selection. */
    public RunMetrics with(RunStatus newStatus, Selected newSelected) {
        return new RunMetrics(newStatus, config, epochs, newSelected);
    }

    /**
     * Whether the run's model file is the untrained start it drew at random: the run diverged
     * before any epoch ended, and it did not start from another model ({@code --init}).
     */
    public boolean untrainedModel() {
        return untrainedModel(status == RunStatus.DIVERGED, epochs.size(), config.get("init"));
    }

    /**
     * {@link #untrainedModel()} for a run known by its parts, as the board reads metrics.json: whether it
     * {@code diverged}, its completed {@code epochs}, and its config's {@code init} (null if absent).
     */
    public static boolean untrainedModel(boolean diverged, int epochs, Object init) {
        return diverged && epochs == 0 && startedFrom(init) == null;
    }

    /** The model a run started from ({@code --init MODEL}), or null for random weights ({@code init} random or absent). */
    public static String startedFrom(Object init) {
        return init == null || "random".equals(init) ? null : String.valueOf(init);
    }

    /** The latest epoch, or null before the first. */
    public EpochStats latest() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}

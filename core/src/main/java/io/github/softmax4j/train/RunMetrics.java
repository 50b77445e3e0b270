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
        Object init = config.get("init");
        return status == RunStatus.DIVERGED && epochs.isEmpty() && (init == null || "random".equals(init));
    }

    /** The latest epoch, or null before the first. */
    public EpochStats latest() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}

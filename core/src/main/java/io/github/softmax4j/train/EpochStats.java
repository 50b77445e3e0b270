package io.github.softmax4j.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's figures, as d2l's Animator plots them.
 *
 * @param epoch         1-based epoch number
 * @param trainLoss     mean cross-entropy over the epoch's examples, accumulated during training
 * @param trainAccuracy fraction of the epoch's examples classified correctly during training
 * @param testAccuracy  fraction of the test set classified correctly after the epoch
 * @param seconds       wall time of the epoch, test evaluation included
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds) {
    /** The fields under the names metrics.json uses: epoch, train_loss, train_acc, test_acc, seconds. */
    public Map<String, Object> toMap() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", epoch);
        row.put("train_loss", trainLoss);
        row.put("train_acc", trainAccuracy);
        row.put("test_acc", testAccuracy);
        row.put("seconds", seconds);
        return row;
    }

    /** Reads {@link #toMap()}'s fields back; throws IllegalArgumentException if one is missing. */
    public static EpochStats fromMap(Map<String, ? extends Number> row) {
        return new EpochStats(field(row, "epoch").intValue(), field(row, "train_loss").doubleValue(),
                field(row, "train_acc").doubleValue(), field(row, "test_acc").doubleValue(),
                field(row, "seconds").doubleValue());
    }

    private static Number field(Map<String, ? extends Number> row, String name) {
        Number value = row.get(name);
        if (value == null) {
            throw new IllegalArgumentException("epoch figures lack " + name);
        }
        return value;
    }
}

package io.github.softmax4j.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's figures, as d2l's Animator plots them, with the validation figures when the run
 * holds out a validation split. A figure that was not measured is NaN: without a validation split
 * the validation figures, with one the test accuracy (the test set is then evaluated once, for
 * the kept model, not every epoch).
 *
 * @param epoch         1-based epoch number
 * @param learningRate  the learning rate used in this epoch (the schedule's value)
 * @param trainLoss     mean cross-entropy over the epoch's examples, accumulated during training
 * @param trainAccuracy fraction of the epoch's examples classified correctly during training
 * @param valLoss       mean cross-entropy on the validation split after the epoch, or NaN
 * @param valAccuracy   fraction of the validation split classified correctly after the epoch, or NaN
 * @param testAccuracy  fraction of the test set classified correctly after the epoch, or NaN
 * @param seconds       wall time of the epoch, its evaluation included
 */
public record EpochStats(int epoch, float learningRate, double trainLoss, double trainAccuracy, double valLoss,
                         double valAccuracy, double testAccuracy, double seconds) {
    /** The figures of an epoch of a run without a validation split, as the chapter reports them. */
    public static EpochStats tested(int epoch, float learningRate, double trainLoss, double trainAccuracy,
                                    double testAccuracy, double seconds) {
        return new EpochStats(epoch, learningRate, trainLoss, trainAccuracy, Double.NaN, Double.NaN, testAccuracy,
                seconds);
    }

    /** Whether the validation figures were measured. */
    public boolean validated() {
        return !Double.isNaN(valAccuracy);
    }

    /**
     * The fields under the names metrics.json uses: epoch, lr, train_loss, train_acc, then val_loss
     * and val_acc and/or test_acc, whichever were measured, then seconds.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", epoch);
        row.put("lr", learningRate);
        row.put("train_loss", trainLoss);
        row.put("train_acc", trainAccuracy);
        if (validated()) {
            row.put("val_loss", valLoss);
            row.put("val_acc", valAccuracy);
        }
        if (!Double.isNaN(testAccuracy)) {
            row.put("test_acc", testAccuracy);
        }
        row.put("seconds", seconds);
        return row;
    }

    /**
     * Reads {@link #toMap()}'s fields back; throws IllegalArgumentException if a required one is
     * missing. Those that may be absent (lr, which older files lack, and the evaluations) are NaN.
     */
    public static EpochStats fromMap(Map<String, ? extends Number> row) {
        return new EpochStats(field(row, "epoch").intValue(), (float) optional(row, "lr"),
                field(row, "train_loss").doubleValue(), field(row, "train_acc").doubleValue(),
                optional(row, "val_loss"), optional(row, "val_acc"), optional(row, "test_acc"),
                field(row, "seconds").doubleValue());
    }

    private static Number field(Map<String, ? extends Number> row, String name) {
        Number value = row.get(name);
        if (value == null) {
            throw new IllegalArgumentException("epoch figures lack " + name);
        }
        return value;
    }

    private static double optional(Map<String, ? extends Number> row, String name) {
        Number value = row.get(name);
        return value == null ? Double.NaN : value.doubleValue();
    }
}

package io.github.softmax4j.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The loss became NaN or infinite, or exploded past {@link Trainer#explosionLimit}. The model has
 * been put back to its state after the last completed epoch (or its initial state), and the
 * completed epochs' figures are kept here.
 */
public final class DivergenceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final float learningRate;
    private final double loss;
    private final transient List<EpochStats> completed;

    public DivergenceException(int epoch, float learningRate, double loss, List<EpochStats> completed) {
        super("training diverged in epoch " + epoch + ": " + describe(loss) + " at learning rate " + learningRate
                + "; try a smaller learning rate");
        this.epoch = epoch;
        this.learningRate = learningRate;
        this.loss = loss;
        this.completed = List.copyOf(completed);
    }

    /**
     * What happened to the loss, for people: "the loss became NaN" or "the loss exploded to 3.58e7",
     * to three digits in the notation of the settings beside it ("at --lr 1e6").
     */
    public static String describe(double loss) {
        return Double.isFinite(loss)
                ? "the loss exploded to " + SettingText.of(new BigDecimal(loss).round(new MathContext(3)).doubleValue())
                : "the loss became " + loss;
    }

    /** The epoch's loss when training stopped: NaN, infinite, or finite but exploded. */
    public double loss() {
        return loss;
    }

    /** The 1-based epoch in which the loss diverged. */
    public int epoch() {
        return epoch;
    }

    /** The learning rate in use. */
    public float learningRate() {
        return learningRate;
    }

    /** The figures of the epochs completed before the divergence. */
    public List<EpochStats> completed() {
        return completed;
    }
}

package io.github.softmax4j.train;

import java.util.List;

/**
 * The loss became NaN or infinite. The model has been put back to its state after the last
 * completed epoch (or its initial state), and the completed epochs' figures are kept here.
 */
public final class DivergenceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final float learningRate;
    private final transient List<EpochStats> completed;

    public DivergenceException(int epoch, float learningRate, List<EpochStats> completed) {
        super("training diverged in epoch " + epoch + ": the loss became NaN or infinite at learning rate "
                + learningRate + "; try a smaller learning rate");
        this.epoch = epoch;
        this.learningRate = learningRate;
        this.completed = List.copyOf(completed);
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

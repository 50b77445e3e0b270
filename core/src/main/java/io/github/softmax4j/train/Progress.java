package io.github.softmax4j.train;

import io.github.softmax4j.model.SoftmaxRegression;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a training run stands after its completed epochs: the model being trained, every epoch's
 * figures, and the model kept for use. With a validation split the kept model is the one after
 * the epoch with the best validation accuracy (the earliest, on a tie); without one it is simply
 * the latest, as in the chapter. Together with the optimizer's velocity this is all a checkpoint
 * needs to continue a run bit for bit.
 */
public final class Progress {
    private final SoftmaxRegression model;
    private final List<EpochStats> history;
    private final SoftmaxRegression kept;
    private int keptIndex;

    private Progress(SoftmaxRegression model, List<EpochStats> history, SoftmaxRegression kept) {
        this.model = model;
        this.history = new ArrayList<>(history);
        this.kept = kept;
        EpochStats best = kept(history);
        this.keptIndex = best == null ? -1 : history.indexOf(best);
    }

    /**
     * The epoch a run keeps after the epochs of {@code history}: the earliest with the best
     * validation accuracy, or null if no epoch was validated (the run then keeps the latest).
     */
    public static EpochStats kept(List<EpochStats> history) {
        EpochStats best = null;
        for (EpochStats stats : history) {
            if (stats.validated() && (best == null || stats.valAccuracy() > best.valAccuracy())) {
                best = stats;
            }
        }
        return best;
    }

    /** A run about to start, from {@code model} (trained in place). */
    public Progress(SoftmaxRegression model) {
        this(model, List.of(), model.copy());
    }

    /**
     * A run continued from a checkpoint: the model after the last completed epoch, those epochs'
     * figures, and the kept model (ignored unless the epochs were validated).
     */
    public static Progress resumed(SoftmaxRegression model, List<EpochStats> history, SoftmaxRegression kept) {
        return new Progress(model, history, kept.copy());
    }

    private boolean better(EpochStats stats) {
        return stats.validated()
                && (keptIndex < 0 || stats.valAccuracy() > history.get(keptIndex).valAccuracy());
    }

    /** Adds a completed epoch; keeps a copy of the model if its validation accuracy is the best so far. */
    void record(EpochStats stats) {
        history.add(stats);
        if (better(stats)) {
            keptIndex = history.size() - 1;
            kept.copyFrom(model);
        }
    }

    /** The model being trained, after the last completed epoch. */
    public SoftmaxRegression model() {
        return model;
    }

    /** The completed epochs' figures, in order. */
    public List<EpochStats> history() {
        return List.copyOf(history);
    }

    /** Number of completed epochs. */
    public int completed() {
        return history.size();
    }

    /** Whether the epochs were evaluated on a validation split, so the kept model was chosen on it. */
    public boolean validated() {
        return keptIndex >= 0;
    }

    /** The kept model: the best on validation, or else the latest. Not a copy. */
    public SoftmaxRegression keptModel() {
        return validated() ? kept : model;
    }

    /** The kept epoch's figures; null before the first epoch. */
    public EpochStats keptEpoch() {
        if (validated()) {
            return history.get(keptIndex);
        }
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }

    /** Whether {@code patience} (> 0) epochs have passed without a better validation accuracy. */
    public boolean patienceRunOut(int patience) {
        return patience > 0 && validated() && history.size() - 1 - keptIndex >= patience;
    }
}

package io.github.softmax4j.eval;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.math.Kernels;
import io.github.softmax4j.math.Parallel;
import io.github.softmax4j.model.SoftmaxRegression;

/** Accuracy, as the d2l chapter defines it, on score arrays and on whole data sets. */
public final class Metrics {
    private static final int EVAL_BATCH = 256;

    private Metrics() {
    }

    /**
     * Number of rows of {@code scores} (n, k) whose largest entry is at the label (d2l: accuracy,
     * which also returns the count). Scores may be logits or probabilities: the argmax is the same.
     */
    public static int countCorrect(float[] scores, int[] labels, int n, int k) {
        return countCorrect(scores, labels, 0, n, k);
    }

    /** {@link #countCorrect(float[], int[], int, int)} over rows [from, to) only. */
    public static int countCorrect(float[] scores, int[] labels, int from, int to, int k) {
        int correct = 0;
        for (int i = from; i < to; i++) {
            if (Kernels.argmaxRow(scores, i * k, k) == labels[i]) {
                correct++;
            }
        }
        return correct;
    }

    /** Fraction of rows predicted correctly: {@link #countCorrect} / n. */
    public static double accuracy(float[] scores, int[] labels, int n, int k) {
        return n == 0 ? 0 : (double) countCorrect(scores, labels, n, k) / n;
    }

    /** d2l: evaluate_accuracy. The model's accuracy on a whole data set, on one thread. */
    public static double evaluateAccuracy(SoftmaxRegression model, Dataset data, PixelScaling scaling) {
        try (Parallel inline = new Parallel(1)) {
            return evaluateAccuracy(model, data, scaling, inline);
        }
    }

    /** A model's mean cross-entropy and accuracy on a data set. */
    public record Evaluation(double loss, double accuracy) {
    }

    /** d2l: evaluate_accuracy, spread over a pool; the result is the same for any pool size. */
    public static double evaluateAccuracy(SoftmaxRegression model, Dataset data, PixelScaling scaling,
                                          Parallel parallel) {
        return evaluate(model, data, scaling, parallel, false).accuracy();
    }

    /**
     * The mean cross-entropy and the accuracy of {@code model} on all of {@code data}, spread over a
     * pool. Losses are summed per batch of 256 in a fixed order and the batches' sums in order, so
     * the result is bitwise the same for any pool size.
     */
    public static Evaluation evaluate(SoftmaxRegression model, Dataset data, PixelScaling scaling,
                                      Parallel parallel) {
        return evaluate(model, data, scaling, parallel, true);
    }

    private static Evaluation evaluate(SoftmaxRegression model, Dataset data, PixelScaling scaling,
                                       Parallel parallel, boolean withLoss) {
        int n = data.size();
        if (n == 0) {
            return new Evaluation(0, 0);
        }
        int d = model.features();
        int k = model.classes();
        int batches = (n + EVAL_BATCH - 1) / EVAL_BATCH;
        int[] correct = new int[batches];
        double[] losses = new double[batches];
        parallel.forRange(batches, (fromBatch, toBatch) -> {
            float[] x = new float[EVAL_BATCH * d];
            float[] logits = new float[EVAL_BATCH * k];
            float[] rowLosses = new float[EVAL_BATCH];
            int[] y = new int[EVAL_BATCH];
            int[] order = new int[EVAL_BATCH];
            for (int batch = fromBatch; batch < toBatch; batch++) {
                int from = batch * EVAL_BATCH;
                int count = Math.min(EVAL_BATCH, n - from);
                for (int r = 0; r < count; r++) {
                    order[r] = from + r;
                }
                data.readBatch(x, y, order, 0, count, scaling);
                model.net(logits, x, count);
                correct[batch] = countCorrect(logits, y, count, k);
                if (withLoss) {
                    Kernels.crossEntropyWithLogits(rowLosses, logits, y, 0, count, k);
                    double sum = 0;
                    for (int r = 0; r < count; r++) {
                        sum += rowLosses[r];
                    }
                    losses[batch] = sum;
                }
            }
        });
        long totalCorrect = 0;
        double totalLoss = 0;
        for (int batch = 0; batch < batches; batch++) {
            totalCorrect += correct[batch];
            totalLoss += losses[batch];
        }
        return new Evaluation(totalLoss / n, (double) totalCorrect / n);
    }
}

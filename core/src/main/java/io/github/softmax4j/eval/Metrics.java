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

    /** d2l: evaluate_accuracy, spread over a pool; the result is the same for any pool size. */
    public static double evaluateAccuracy(SoftmaxRegression model, Dataset data, PixelScaling scaling,
                                          Parallel parallel) {
        int n = data.size();
        if (n == 0) {
            return 0;
        }
        int d = model.features();
        int k = model.classes();
        int chunks = parallel.threads();
        int[] correct = new int[chunks];
        parallel.forRange(chunks, (fromChunk, toChunk) -> {
            float[] x = new float[EVAL_BATCH * d];
            float[] logits = new float[EVAL_BATCH * k];
            int[] y = new int[EVAL_BATCH];
            int[] order = new int[EVAL_BATCH];
            for (int t = fromChunk; t < toChunk; t++) {
                int start = (int) ((long) n * t / chunks);
                int end = (int) ((long) n * (t + 1) / chunks);
                for (int from = start; from < end; from += EVAL_BATCH) {
                    int count = Math.min(EVAL_BATCH, end - from);
                    for (int r = 0; r < count; r++) {
                        order[r] = from + r;
                    }
                    data.readBatch(x, y, order, 0, count, scaling);
                    model.net(logits, x, count);
                    correct[t] = correct[t] + countCorrect(logits, y, count, k);
                }
            }
        });
        long total = 0;
        for (int c : correct) {
            total += c;
        }
        return (double) total / n;
    }
}

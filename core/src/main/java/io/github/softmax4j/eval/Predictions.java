package io.github.softmax4j.eval;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.math.Kernels;
import io.github.softmax4j.model.SoftmaxRegression;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A model's class probabilities for every example of a data set, with the data set's labels:
 * what the confusion matrix, the grid of predictions and the list of confident mistakes are
 * drawn from. Immutable.
 */
public final class Predictions {
    private static final int BATCH = 1024;

    private final int classes;
    private final float[] probabilities;
    private final int[] predicted;
    private final int[] truth;

    private Predictions(int classes, float[] probabilities, int[] predicted, int[] truth) {
        this.classes = classes;
        this.probabilities = probabilities;
        this.predicted = predicted;
        this.truth = truth;
    }

    /** Runs {@code model} over all of {@code data}, scaling pixels as it was trained with. */
    public static Predictions of(SoftmaxRegression model, Dataset data, PixelScaling scaling) {
        int n = data.size();
        int k = model.classes();
        float[] probabilities = new float[n * k];
        int[] predicted = new int[n];
        float[] x = new float[BATCH * data.features()];
        float[] probs = new float[BATCH * k];
        int[] y = new int[BATCH];
        int[] order = IntStream.range(0, n).toArray();
        for (int from = 0; from < n; from += BATCH) {
            int count = Math.min(BATCH, n - from);
            data.readBatch(x, y, order, from, count, scaling);
            model.probabilities(probs, x, count);
            redoInDouble(model, probs, x, count);
            System.arraycopy(probs, 0, probabilities, from * k, count * k);
        }
        Kernels.argmaxRows(predicted, probabilities, 0, n, k);
        return new Predictions(k, probabilities, predicted, data.labels());
    }

    // a logit past the float range makes a row NaN; the double path gives its true probabilities
    private static void redoInDouble(SoftmaxRegression model, float[] probs, float[] x, int count) {
        int k = model.classes();
        double[] exact = new double[k];
        for (int i = 0; i < count; i++) {
            boolean finite = true;
            for (int c = 0; c < k; c++) {
                finite &= Float.isFinite(probs[i * k + c]);
            }
            if (!finite) {
                model.probabilitiesInDouble(exact, x, i);
                for (int c = 0; c < k; c++) {
                    probs[i * k + c] = (float) exact[c];
                }
            }
        }
    }

    /** Number of examples. */
    public int size() {
        return truth.length;
    }

    /** The label of example {@code i}. */
    public int truth(int i) {
        return truth[i];
    }

    /** The most probable class of example {@code i} (the first, if several tie). */
    public int predicted(int i) {
        return predicted[i];
    }

    /** The probability the model gives class {@code c} for example {@code i}. */
    public float probability(int i, int c) {
        return probabilities[i * classes + c];
    }

    /** The probability of the predicted class: the model's confidence in its answer. */
    public float confidence(int i) {
        return probability(i, predicted[i]);
    }

    /** Whether example {@code i} is classified correctly. */
    public boolean correct(int i) {
        return predicted[i] == truth[i];
    }

    /** The share of examples classified correctly. */
    public double accuracy() {
        return size() == 0 ? 0 : (double) IntStream.range(0, size()).filter(this::correct).count() / size();
    }

    /** The confusion matrix, rows = true class. */
    public ConfusionMatrix confusion() {
        return ConfusionMatrix.of(truth, predicted, classes);
    }

    /**
     * The indices of up to {@code count} misclassified examples, most confident first (ties by
     * index, so the list is the same every time).
     */
    public int[] mostConfidentMistakes(int count) {
        return IntStream.range(0, size()).filter(i -> !correct(i)).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -confidence(i)).thenComparingInt(i -> i))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }
}

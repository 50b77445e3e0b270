package io.github.softmax4j.eval;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs. Rows are the true class and columns the
 * predicted class, so row c holds what the examples of class c were taken for and its diagonal
 * cell the ones classified right. Immutable.
 */
public final class ConfusionMatrix {
    private final int classes;
    private final long[] counts;

    private ConfusionMatrix(int classes, long[] counts) {
        this.classes = classes;
        this.counts = counts;
    }

    /** The matrix of {@code truth[i]} against {@code predicted[i]}, both in 0..classes-1. */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        long[] counts = new long[classes * classes];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i] * classes + predicted[i]]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    /** Number of classes (rows and columns). */
    public int classes() {
        return classes;
    }

    /** How many examples of class {@code truth} were predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return counts[truth * classes + predicted];
    }

    /** How many examples of class {@code truth} there are: the row's total. */
    public long rowTotal(int truth) {
        long total = 0;
        for (int p = 0; p < classes; p++) {
            total += count(truth, p);
        }
        return total;
    }

    /** The share of class {@code truth}'s examples predicted as {@code predicted}, 0..1 (0 for an empty row). */
    public double rowShare(int truth, int predicted) {
        long total = rowTotal(truth);
        return total == 0 ? 0 : (double) count(truth, predicted) / total;
    }

    /** All examples: the sum of every cell. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** The share of all examples on the diagonal. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += count(c, c);
        }
        long total = total();
        return total == 0 ? 0 : (double) correct / total;
    }

    /** Rows (true class) of counts separated by spaces, one line per row. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("rows: true class, columns: predicted class\n");
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                text.append(p == 0 ? "" : " ").append(count(t, p));
            }
            text.append('\n');
        }
        return text.toString();
    }
}

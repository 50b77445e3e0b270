package io.github.softmax4j.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall and F1 of one class, from a confusion matrix.
 *
 * @param classIndex the class
 * @param precision  of the examples predicted as this class, the share that are (0 if none is)
 * @param recall     of the examples of this class, the share predicted as it (0 if there are none)
 * @param f1         the harmonic mean of precision and recall (0 if both are 0)
 * @param support    the number of examples of this class
 */
public record ClassMetrics(int classIndex, double precision, double recall, double f1, long support) {
    /** The metrics of every class of {@code matrix}, in class order. */
    public static List<ClassMetrics> of(ConfusionMatrix matrix) {
        List<ClassMetrics> metrics = new ArrayList<>();
        for (int c = 0; c < matrix.classes(); c++) {
            long predictedAs = 0;
            for (int t = 0; t < matrix.classes(); t++) {
                predictedAs += matrix.count(t, c);
            }
            long hits = matrix.count(c, c);
            long support = matrix.rowTotal(c);
            double precision = predictedAs == 0 ? 0 : (double) hits / predictedAs;
            double recall = support == 0 ? 0 : (double) hits / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.add(new ClassMetrics(c, precision, recall, f1, support));
        }
        return metrics;
    }
}

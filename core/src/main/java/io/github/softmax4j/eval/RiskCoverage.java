package io.github.softmax4j.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * What a confidence threshold buys (d2l §3.6, exercise 4: is the most probable class always the
 * right answer?): answering only when the model's probability for its answer is at least the
 * threshold, which share of the images gets an answer (coverage) and how often that answer is
 * right (accuracy on the answered ones). Coverage never grows as the threshold rises.
 *
 * @param threshold the least probability an answer needs
 * @param answered  how many examples reach it
 * @param coverage  answered / all examples
 * @param accuracy  the share of answered examples classified correctly (1 when none is answered)
 */
public record RiskCoverage(double threshold, long answered, double coverage, double accuracy) {
    /** The thresholds a user picks from: 0, 0.1 .. 0.9, 0.95, 0.99. */
    public static final List<Double> THRESHOLDS = List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99);

    /** One row per threshold of {@link #THRESHOLDS}. */
    public static List<RiskCoverage> of(Predictions predictions) {
        List<RiskCoverage> rows = new ArrayList<>();
        for (double threshold : THRESHOLDS) {
            long answered = 0;
            long correct = 0;
            for (int i = 0; i < predictions.size(); i++) {
                if (predictions.confidence(i) >= threshold) {
                    answered++;
                    correct += predictions.correct(i) ? 1 : 0;
                }
            }
            int n = predictions.size();
            rows.add(new RiskCoverage(threshold, answered, n == 0 ? 0 : (double) answered / n,
                    answered == 0 ? 1 : (double) correct / answered));
        }
        return rows;
    }
}

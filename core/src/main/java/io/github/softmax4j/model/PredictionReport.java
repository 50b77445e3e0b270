package io.github.softmax4j.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer for one input in the form {@code predict --json} prints and the board's predict route
 * returns: {@code {"input", "label", "class_index", "probability", "top": [{"label", "class_index",
 * "probability"}, ...]}}. Below the minimum confidence the label is {@code "unsure"} and the class
 * index null, while the probability and the top classes still say what the model thought.
 */
public record PredictionReport(String input, Classifier.Prediction prediction, int top, double minConfidence) {
    /** The label that stands for "no answer" below the minimum confidence. */
    public static final String UNSURE = "unsure";

    /** Whether the best class's probability is below the minimum confidence. */
    public boolean unsure() {
        return prediction.probability() < minConfidence;
    }

    /** The JSON object's fields, in order, ready for any JSON writer. */
    public Map<String, Object> toMap() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("input", input);
        line.put("label", unsure() ? UNSURE : prediction.label());
        line.put("class_index", unsure() ? null : prediction.classIndex());
        line.put("probability", prediction.probability());
        List<Map<String, Object>> ranked = new ArrayList<>();
        for (Classifier.Scored scored : prediction.top(top)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", scored.label());
            entry.put("class_index", scored.classIndex());
            entry.put("probability", scored.probability());
            ranked.add(entry);
        }
        line.put("top", ranked);
        return line;
    }
}

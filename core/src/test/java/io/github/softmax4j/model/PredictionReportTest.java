package io.github.softmax4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictionReportTest {
    private static final Classifier.Prediction PREDICTION = new Classifier.Prediction(List.of(
            new Classifier.Scored("Bag", 8, 0.6), new Classifier.Scored("Sandal", 5, 0.3),
            new Classifier.Scored("Coat", 4, 0.1)));

    @Test
    void listsTheBestClassAndTheTopK() {
        Map<String, Object> json = new PredictionReport("bag.png", PREDICTION, 2, 0).toMap();
        assertEquals(List.of("input", "label", "class_index", "probability", "top"), List.copyOf(json.keySet()));
        assertEquals("Bag", json.get("label"));
        assertEquals(8, json.get("class_index"));
        assertEquals(0.6, json.get("probability"));
        assertEquals(List.of(Map.of("label", "Bag", "class_index", 8, "probability", 0.6),
                Map.of("label", "Sandal", "class_index", 5, "probability", 0.3)), json.get("top"));
    }

    @Test
    void belowTheMinimumConfidenceTheLabelIsUnsureAndTheIndexNull() {
        Map<String, Object> json = new PredictionReport("bag.png", PREDICTION, 3, 0.7).toMap();
        assertEquals("unsure", json.get("label"));
        assertNull(json.get("class_index"));
        assertEquals(0.6, json.get("probability"));
        assertEquals(3, ((List<?>) json.get("top")).size());
    }
}

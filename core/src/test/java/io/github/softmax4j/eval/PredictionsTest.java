package io.github.softmax4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.model.SoftmaxRegression;
import org.junit.jupiter.api.Test;

class PredictionsTest {
    // one pixel; class 1 wins when it is bright, more surely the brighter it is
    private static final SoftmaxRegression MODEL = SoftmaxRegression.of(new float[] {-4f, 4f}, new float[] {2f, -2f}, 1, 2);
    private static final Dataset DATA = new Dataset(new byte[] {0, (byte) 255, (byte) 200, 10, (byte) 230},
            new int[] {0, 1, 0, 1, 0}, 1);

    @Test
    void probabilitiesPredictionsAndAccuracy() {
        Predictions predictions = Predictions.of(MODEL, DATA, PixelScaling.UNIT);
        assertEquals(5, predictions.size());
        assertEquals(0, predictions.predicted(0));
        assertEquals(1, predictions.predicted(1));
        assertEquals(1f, predictions.probability(1, 0) + predictions.probability(1, 1), 1e-6f);
        assertTrue(predictions.confidence(1) > 0.8f);
        assertEquals(2.0 / 5, predictions.accuracy(), 1e-12);
        assertEquals(Metrics.evaluateAccuracy(MODEL, DATA, PixelScaling.UNIT), predictions.accuracy(), 1e-12);
        assertEquals(2, predictions.confusion().count(0, 1));
    }

    @Test
    void mistakesComeMostConfidentFirst() {
        Predictions predictions = Predictions.of(MODEL, DATA, PixelScaling.UNIT);
        // wrong: #3 (pixel 10, said 0 with p 0.976), #4 (230, said 1, p 0.962), #2 (200, said 1, p 0.906)
        assertArrayEquals(new int[] {3, 4, 2}, predictions.mostConfidentMistakes(10));
        assertArrayEquals(new int[] {3}, predictions.mostConfidentMistakes(1));
    }

    @Test
    void aModelWithHugeButFiniteWeightsGetsTrueProbabilitiesNotNaN() {
        float big = 3e38f;
        SoftmaxRegression huge = SoftmaxRegression.of(new float[] {big, big, -big, -big}, new float[] {0, 0}, 2, 2);
        Dataset bright = new Dataset(new byte[] {(byte) 255, (byte) 255, 0, 0, (byte) 255, (byte) 255}, new int[] {0, 1, 1}, 2);
        Predictions predictions = Predictions.of(huge, bright, PixelScaling.UNIT);
        assertEquals(1f, predictions.confidence(0));
        assertEquals(0.5f, predictions.confidence(1));
        assertEquals(0, predictions.predicted(2));
        assertEquals(1.0 / 3, predictions.accuracy(), 1e-12);
        assertEquals(1.0, RiskCoverage.of(predictions).get(0).coverage());
    }
}

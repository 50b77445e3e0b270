package io.github.softmax4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.math.Parallel;
import io.github.softmax4j.model.SoftmaxRegression;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void accuracyOfTheChaptersExample() {
        // d2l §3.6: accuracy(y_hat, y) / len(y) = 0.5
        float[] yHat = {0.1f, 0.3f, 0.6f, 0.3f, 0.2f, 0.5f};
        int[] y = {0, 2};
        assertEquals(1, Metrics.countCorrect(yHat, y, 2, 3));
        assertEquals(0.5, Metrics.accuracy(yHat, y, 2, 3), 1e-12);
    }

    @Test
    void evaluateAccuracyCountsArgmaxHitsOverTheWholeSet() {
        // one feature: class 1 wins when the pixel is bright, class 0 when dark
        SoftmaxRegression model = SoftmaxRegression.of(new float[] {-1f, 1f}, new float[] {0.5f, -0.5f}, 1, 2);
        byte[] pixels = new byte[2001];
        int[] labels = new int[2001];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 2 == 0 ? 255 : 0);
            labels[i] = i % 3 == 0 ? 1 : 0;
        }
        Dataset data = new Dataset(pixels, labels, 1);
        int expected = 0;
        for (int i = 0; i < pixels.length; i++) {
            expected += (i % 2 == 0) == (labels[i] == 1) ? 1 : 0;
        }
        assertEquals((double) expected / 2001, Metrics.evaluateAccuracy(model, data, PixelScaling.UNIT), 1e-12);
        try (Parallel three = new Parallel(3)) {
            assertEquals((double) expected / 2001, Metrics.evaluateAccuracy(model, data, PixelScaling.UNIT, three), 1e-12);
        }
    }
}

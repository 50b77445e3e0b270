package io.github.softmax4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.model.SoftmaxRegression;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RiskCoverageTest {
    private static Predictions predictions() {
        Random random = new Random(3);
        byte[] pixels = new byte[500];
        int[] labels = new int[500];
        for (int i = 0; i < 500; i++) {
            pixels[i] = (byte) random.nextInt(256);
            // brighter pixels are class 1 more often: the model is right more often when it is sure
            labels[i] = random.nextInt(256) < (pixels[i] & 0xFF) ? 1 : 0;
        }
        SoftmaxRegression model = SoftmaxRegression.of(new float[] {-3f, 3f}, new float[] {1.5f, -1.5f}, 1, 2);
        return Predictions.of(model, new Dataset(pixels, labels, 1), PixelScaling.UNIT);
    }

    @Test
    void coverageNeverGrowsAndStartsAtEverything() {
        Predictions predictions = predictions();
        List<RiskCoverage> rows = RiskCoverage.of(predictions);
        assertEquals(RiskCoverage.THRESHOLDS.size(), rows.size());
        assertEquals(1.0, rows.get(0).coverage());
        assertEquals(predictions.accuracy(), rows.get(0).accuracy(), 1e-12);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).coverage() <= rows.get(i - 1).coverage(), rows.toString());
            assertTrue(rows.get(i).answered() <= rows.get(i - 1).answered());
        }
        // with a useful model, the answers it is sure of are the better ones
        assertTrue(rows.get(8).accuracy() > rows.get(0).accuracy(), rows.toString());
    }

    @Test
    void nobodyAnsweredCountsAsNoError() {
        SoftmaxRegression unsure = SoftmaxRegression.of(new float[] {0f, 0f}, new float[] {0f, 0f}, 1, 2);
        List<RiskCoverage> rows = RiskCoverage.of(Predictions.of(unsure, new Dataset(new byte[4], new int[4], 1),
                PixelScaling.UNIT));
        RiskCoverage strict = rows.get(rows.size() - 1);
        assertEquals(0, strict.answered());
        assertEquals(1.0, strict.accuracy());
    }
}

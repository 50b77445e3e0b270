package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmax4j.model.SoftmaxRegression;
import org.junit.jupiter.api.Test;

class SgdTest {
    // one class, two features: w = (1, -2), b = 0.5
    private static SoftmaxRegression model() {
        return SoftmaxRegression.of(new float[] {1f, -2f}, new float[] {0.5f}, 2, 1);
    }

    @Test
    void momentumAndWeightDecayStepsMatchTheFormulaWorkedByHand() {
        SoftmaxRegression model = model();
        Sgd sgd = new Sgd(0.9f, 0.1f, 2, 1);
        float[] dW = {0.5f, 1f};
        float[] dB = {2f};
        // step 1: g = dW + 0.1 w = (0.6, 0.8); v = g; w -= 0.5 v -> (0.7, -2.4); bias: v = 2, b = 0.5 - 1 = -0.5
        sgd.stepWeights(model, dW, 0.5f, 0, 2);
        sgd.stepBias(model, dB, 0.5f);
        assertArrayEquals(new float[] {0.7f, -2.4f}, model.weight(), 1e-6f);
        assertArrayEquals(new float[] {-0.5f}, model.bias(), 1e-6f);
        // step 2: g = (0.5 + 0.07, 1 - 0.24) = (0.57, 0.76); v = 0.9 (0.6, 0.8) + g = (1.11, 1.48)
        // w = (0.7 - 0.555, -2.4 - 0.74) = (0.145, -3.14); bias: v = 1.8 + 2 = 3.8, b = -0.5 - 1.9 = -2.4
        sgd.stepWeights(model, dW, 0.5f, 0, 2);
        sgd.stepBias(model, dB, 0.5f);
        assertArrayEquals(new float[] {0.145f, -3.14f}, model.weight(), 1e-6f);
        assertArrayEquals(new float[] {-2.4f}, model.bias(), 1e-6f);
        assertArrayEquals(new float[] {1.11f, 1.48f}, sgd.velocity().weight(), 1e-6f);
        assertArrayEquals(new float[] {3.8f}, sgd.velocity().bias(), 1e-6f);
    }

    @Test
    void withoutMomentumOrDecayItIsTheChaptersSgdBitForBit() {
        SoftmaxRegression byOptimizer = model();
        SoftmaxRegression byChapter = model();
        float[] dW = {0.3f, -0.7f};
        float[] dB = {0.11f};
        Sgd sgd = new Sgd(0, 0, 2, 1);
        sgd.stepWeights(byOptimizer, dW, 0.1f, 0, 2);
        sgd.stepBias(byOptimizer, dB, 0.1f);
        byChapter.sgd(dW, dB, 0.1f);
        assertEquals(true, byOptimizer.sameParameters(byChapter));
    }

    @Test
    void weightDecayWithoutMomentumLeavesTheBiasUndecayed() {
        SoftmaxRegression model = model();
        Sgd sgd = new Sgd(0, 0.5f, 2, 1);
        sgd.stepWeights(model, new float[] {0, 0}, 0.1f, 0, 2);
        sgd.stepBias(model, new float[] {0}, 0.1f);
        // w -= 0.1 * 0.5 w = 0.95 w; b unchanged
        assertArrayEquals(new float[] {0.95f, -1.9f}, model.weight(), 1e-6f);
        assertArrayEquals(new float[] {0.5f}, model.bias());
    }
}

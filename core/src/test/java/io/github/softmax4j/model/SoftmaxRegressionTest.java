package io.github.softmax4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {
    @Test
    void initialisesWeightsFromNormalWithTheGivenStdAndBiasZero() {
        SoftmaxRegression model = SoftmaxRegression.initialize(784, 10, 0.01f, 42);
        float[] w = model.weight();
        double sum = 0;
        double squares = 0;
        for (float v : w) {
            sum += v;
            squares += v * v;
        }
        double mean = sum / w.length;
        double std = Math.sqrt(squares / w.length - mean * mean);
        assertEquals(0, mean, 0.0005);
        assertEquals(0.01, std, 0.0005);
        assertArrayEquals(new float[10], model.bias());
    }

    @Test
    void theSeedFixesTheWeights() {
        assertTrue(SoftmaxRegression.initialize(784, 10, 0.01f, 7)
                .sameParameters(SoftmaxRegression.initialize(784, 10, 0.01f, 7)));
        assertFalse(SoftmaxRegression.initialize(784, 10, 0.01f, 7)
                .sameParameters(SoftmaxRegression.initialize(784, 10, 0.01f, 8)));
    }

    @Test
    void ofCopiesItsArrays() {
        float[] w = {1, 2};
        SoftmaxRegression model = SoftmaxRegression.of(w, new float[] {0}, 2, 1);
        w[0] = 9;
        assertEquals(1f, model.weight()[0]);
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheLogits() {
        SoftmaxRegression model = SoftmaxRegression.of(new float[] {1, 0, 0, 1}, new float[] {0, 0}, 2, 2);
        float[] probs = new float[2];
        model.probabilities(probs, new float[] {2, 1}, 1);
        assertEquals(Math.exp(1) / (Math.exp(1) + 1), probs[0], 1e-6);
        int[] predicted = new int[1];
        model.predict(predicted, new float[] {2, 1}, 1);
        assertEquals(0, predicted[0]);
    }

    @Test
    void gradientThenSgdSubtractsTheScaledGradient() {
        SoftmaxRegression model = SoftmaxRegression.of(new float[] {1, 1}, new float[] {0}, 2, 1);
        float[] dW = new float[2];
        float[] dB = new float[1];
        // one example x = (1, 2) whose loss has dLogits = 0.5: dW = x * 0.5, dB = 0.5
        model.gradient(dW, dB, new float[] {0.5f}, new float[] {1, 2}, 1);
        model.sgd(dW, dB, 0.1f);
        assertArrayEquals(new float[] {0.95f, 0.9f}, model.weight(), 1e-7f);
        assertArrayEquals(new float[] {-0.05f}, model.bias(), 1e-7f);
    }
}

package io.github.softmax4j.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class KernelsTest {
    @Test
    void sumsAlongEitherAxis() {
        // d2l: X = [[1, 2, 3], [4, 5, 6]]; X.sum(0) = [5, 7, 9]; X.sum(1) = [6, 15]
        float[] x = {1, 2, 3, 4, 5, 6};
        float[] columns = {99, 99, 99};
        Kernels.sumColumns(columns, x, 2, 3);
        assertArrayEquals(new float[] {5, 7, 9}, columns);
        float[] rows = {99, 99};
        Kernels.sumRows(rows, x, 2, 3);
        assertArrayEquals(new float[] {6, 15}, rows);
    }

    @Test
    void crossEntropyOfTheChaptersExample() {
        // d2l §3.6: y_hat = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]], y = [0, 2]
        float[] probs = {0.1f, 0.3f, 0.6f, 0.3f, 0.2f, 0.5f};
        float[] losses = new float[2];
        Kernels.crossEntropy(losses, probs, new int[] {0, 2}, 0, 2, 3);
        assertArrayEquals(new float[] {2.3026f, 0.6931f}, losses, 1e-4f);
    }

    @Test
    void softmaxRowsSumToOneAndMatchTheDefinition() {
        float[] logits = {1f, 2f, 3f, -1f, 0f, 1f};
        float[] probs = new float[6];
        Kernels.softmaxRows(probs, logits, 0, 2, 3);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(3) / z, probs[2], 1e-6);
        assertEquals(1f, probs[0] + probs[1] + probs[2], 1e-6f);
        assertEquals(1f, probs[3] + probs[4] + probs[5], 1e-6f);
        assertArrayEquals(new float[] {probs[0], probs[1], probs[2]}, new float[] {probs[3], probs[4], probs[5]}, 1e-6f);
    }

    @Test
    void softmaxStaysFiniteForHugeLogits() {
        // exercise 1-2 of d2l §3.6: exp(50) overflows nothing in float, exp(1000) does in the naive form
        float[] logits = {50f, 0f, 1000f, 999f, -1000f, -1000f};
        float[] probs = new float[6];
        Kernels.softmaxRows(probs, logits, 0, 3, 2);
        assertEquals(1f, probs[0], 1e-6f);
        assertEquals(0f, probs[1], 1e-6f);
        assertEquals(1 / (1 + Math.exp(-1)), probs[2], 1e-6);
        assertEquals(0.5f, probs[4], 1e-6f);
        for (float p : probs) {
            assertTrue(Float.isFinite(p));
        }
    }

    @Test
    void crossEntropyFromLogitsIsFiniteWhereProbabilitiesRoundToZero() {
        // exercise 3: softmax gives p = 0 for the target, so -log p = inf; log-sum-exp gives the true 1000
        float[] logits = {1000f, 0f};
        float[] probs = new float[2];
        Kernels.softmaxRows(probs, logits, 0, 1, 2);
        float[] fromProbs = new float[1];
        Kernels.crossEntropy(fromProbs, probs, new int[] {1}, 0, 1, 2);
        assertEquals(Float.POSITIVE_INFINITY, fromProbs[0]);

        float[] fromLogits = new float[1];
        Kernels.crossEntropyWithLogits(fromLogits, logits, new int[] {1}, 0, 1, 2);
        assertEquals(1000f, fromLogits[0], 1e-3f);
    }

    @Test
    void crossEntropyFromLogitsEqualsMinusLogSoftmax() {
        float[] logits = {0.5f, -1.5f, 2f, 0.1f, 0.2f, 0.3f};
        int[] labels = {1, 2};
        float[] probs = new float[6];
        Kernels.softmaxRows(probs, logits, 0, 2, 3);
        float[] expected = new float[2];
        Kernels.crossEntropy(expected, probs, labels, 0, 2, 3);
        float[] actual = new float[2];
        Kernels.crossEntropyWithLogits(actual, logits, labels, 0, 2, 3);
        assertArrayEquals(expected, actual, 1e-5f);
    }

    @Test
    void affineComputesXWTransposePlusB() {
        // x (2,3), w (2,3), b (2)
        float[] x = {1, 2, 3, 4, 5, 6};
        float[] w = {1, 0, -1, 0.5f, 0.5f, 0.5f};
        float[] b = {10, 20};
        float[] out = new float[4];
        Kernels.affine(out, x, w, b, 0, 2, 3, 2);
        assertArrayEquals(new float[] {8f, 23f, 8f, 27.5f}, out, 1e-6f);
    }

    @Test
    void argmaxTakesTheFirstOfEqualScores() {
        int[] out = new int[2];
        Kernels.argmaxRows(out, new float[] {1, 3, 3, 5, 0, -1}, 0, 2, 3);
        assertArrayEquals(new int[] {1, 0}, out);
    }

    @Test
    void sgdStepMovesAgainstTheGradient() {
        float[] param = {1f, 2f};
        Kernels.sgdStep(param, new float[] {0.5f, -1f}, 0.1f, 0, 2);
        assertArrayEquals(new float[] {0.95f, 2.1f}, param, 1e-7f);
    }

    /** Mean loss of a 3x4 problem with 3 classes, in double, as an independent oracle. */
    private static double meanLoss(double[] w, double[] b, float[] x, int[] y, int n, int d, int k) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] z = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                z[c] = b[c];
                for (int j = 0; j < d; j++) {
                    z[c] += x[i * d + j] * w[c * d + j];
                }
                max = Math.max(max, z[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(z[c] - max);
            }
            total += max + Math.log(sum) - z[y[i]];
        }
        return total / n;
    }

    /** (loss(p + h) - loss(p - h)) / 2h for parameter {@code params[i]}, which is restored after. */
    private static double centralDifference(double[] params, int i, double h, DoubleSupplier loss) {
        double saved = params[i];
        params[i] = saved + h;
        double up = loss.getAsDouble();
        params[i] = saved - h;
        double down = loss.getAsDouble();
        params[i] = saved;
        return (up - down) / (2 * h);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        int n = 3;
        int d = 4;
        int k = 3;
        Random random = new Random(1);
        float[] x = new float[n * d];
        float[] w = new float[k * d];
        float[] b = new float[k];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        b[1] = 0.3f;
        int[] y = {2, 0, 1};

        float[] logits = new float[n * k];
        Kernels.affine(logits, x, w, b, 0, n, d, k);
        float[] dLogits = new float[n * k];
        Kernels.softmaxCrossEntropyBackward(dLogits, new float[n], logits, y, 0, n, k, 1f / n);
        float[] dW = new float[k * d];
        float[] dB = new float[k];
        Kernels.weightGradient(dW, dLogits, x, 0, n, d, k, 0, d);
        Kernels.biasGradient(dB, dLogits, n, k);

        double h = 1e-5;
        double[] wd = new double[w.length];
        double[] bd = new double[k];
        for (int i = 0; i < w.length; i++) {
            wd[i] = w[i];
        }
        for (int c = 0; c < k; c++) {
            bd[c] = b[c];
        }
        DoubleSupplier loss = () -> meanLoss(wd, bd, x, y, n, d, k);
        double maxDiff = 0;
        for (int i = 0; i < w.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(centralDifference(wd, i, h, loss) - dW[i]));
        }
        for (int c = 0; c < k; c++) {
            maxDiff = Math.max(maxDiff, Math.abs(centralDifference(bd, c, h, loss) - dB[c]));
        }
        assertTrue(maxDiff < 1e-5, "max difference from finite differences: " + maxDiff);
    }

    @Test
    void fusedLossMatchesCrossEntropyWithLogits() {
        float[] logits = {3f, -2f, 0.5f, 100f, 101f, 99f};
        int[] labels = {0, 2};
        float[] fused = new float[2];
        Kernels.softmaxCrossEntropyBackward(new float[6], fused, logits, labels, 0, 2, 3, 0.5f);
        float[] separate = new float[2];
        Kernels.crossEntropyWithLogits(separate, logits, labels, 0, 2, 3);
        assertArrayEquals(separate, fused, 1e-6f);
    }

    @Test
    void weightGradientColumnSplitsGiveTheSameBits() {
        Random random = new Random(3);
        int n = 5;
        int d = 7;
        int k = 3;
        float[] x = new float[n * d];
        float[] g = new float[n * k];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        for (int i = 0; i < g.length; i++) {
            g[i] = random.nextFloat() - 0.5f;
        }
        float[] whole = new float[k * d];
        Kernels.weightGradient(whole, g, x, 0, n, d, k, 0, d);
        float[] split = new float[k * d];
        Kernels.weightGradient(split, g, x, 0, n, d, k, 0, 3);
        Kernels.weightGradient(split, g, x, 0, n, d, k, 3, d);
        assertArrayEquals(whole, split);
    }

    @Test
    void sumInOrderAddsThePartsFirstToLastInTheRangeOnly() {
        float big = 1e8f;
        float[][] parts = {{1f, big, 5f, 1f}, {2f, 1f, 6f, 2f}, {3f, -big, 7f, 3f}, {99f, 99f, 99f, 99f}};
        float[] out = {-1f, -1f, -1f, -1f};
        Kernels.sumInOrder(out, parts, 3, 1, 3);
        // (1e8 + 1) rounds back to 1e8 in float, so first-to-last gives 0 where another order gives 1
        assertArrayEquals(new float[] {-1f, 0f, 18f, -1f}, out);
    }

    @Test
    void aVelocityWhoseGradientStaysZeroNeverBecomesSubnormal() {
        float[] param = {0.01f};
        float[] velocity = {1e-3f};
        float[] grad = {0f};
        for (int step = 0; step < 2000; step++) {
            Kernels.momentumStep(param, velocity, grad, 0.1f, 0.9f, 0f, 0, 1);
            assertTrue(velocity[0] == 0f || Math.abs(velocity[0]) >= Float.MIN_NORMAL,
                    "step " + step + ": velocity " + velocity[0]);
        }
        assertEquals(0f, velocity[0]);
    }
}

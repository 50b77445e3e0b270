package io.github.softmax4j.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SIMD kernels against the scalar reference, on shapes that do and do not fill whole vectors
 * and blocks. The main surefire run adds jdk.incubator.vector, so {@link BatchKernels#fastest()} is
 * the SIMD implementation there, and a test checks that it is. A second run without the module
 * (the system property {@value #VECTOR_MODULE_PROPERTY} set to {@code absent}) tests the scalar
 * fallback alone, and reports the comparisons with the reference as skipped rather than comparing
 * the reference with itself.
 */
class BatchKernelsTest {
    static final String VECTOR_MODULE_PROPERTY = "softmax4j.test.vectorModule";
    private static final boolean VECTOR_MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private final BatchKernels fastest = BatchKernels.fastest();
    private final BatchKernels scalar = BatchKernels.select(false, null);

    private static float[] random(Random random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static void assumeSimd() {
        assumeTrue(VECTOR_MODULE, "SKIPPED: no jdk.incubator.vector in this JVM, so there are no SIMD kernels to "
                + "compare with the scalar reference");
    }

    private static void assertClose(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]) / Math.max(1f, Math.abs(expected[i])));
        }
        assertTrue(worst <= 1e-4f, "largest relative difference " + worst);
    }

    @ParameterizedTest
    @CsvSource({"1,1,1", "3,5,2", "7,784,10", "256,784,10", "13,33,17", "5,100,40", "2,64,5", "9,47,11"})
    void agreesWithTheScalarReference(int n, int d, int k) {
        assumeSimd();
        Random random = new Random(n * 31L + d * 7L + k);
        float[] x = random(random, n * d);
        float[] w = random(random, k * d);
        float[] b = random(random, k);
        float[] expected = new float[n * k];
        float[] actual = new float[n * k];
        scalar.affine(expected, x, w, b, 0, n, d, k);
        fastest.affine(actual, x, w, b, 0, n, d, k);
        assertClose(expected, actual);

        float[] g = random(random, n * k);
        float[] dWExpected = new float[k * d];
        float[] dWActual = new float[k * d];
        Arrays.fill(dWActual, Float.NaN);
        scalar.weightGradient(dWExpected, g, x, 0, n, d, k, 0, d);
        fastest.weightGradient(dWActual, g, x, 0, n, d, k, 0, d);
        assertClose(dWExpected, dWActual);
    }

    /**
     * out[i][c] in the SIMD kernel's fixed order: lane l sums x[i][j] w[c][j] for j = l, l + lanes,
     * ... over the whole vectors of d by fma, the lanes are added as a tree (l with l + lanes/2, then
     * with l + lanes/4, and so on), then the rest of d by fma, then b[c].
     */
    private static float inTheFixedOrder(float[] x, float[] w, float[] b, int i, int c, int d, int lanes) {
        float[] sums = new float[lanes];
        int whole = d / lanes * lanes;
        for (int j = 0; j < whole; j++) {
            sums[j % lanes] = Math.fma(x[i * d + j], w[c * d + j], sums[j % lanes]);
        }
        for (int width = lanes / 2; width > 0; width /= 2) {
            for (int l = 0; l < width; l++) {
                sums[l] += sums[l + width];
            }
        }
        float sum = sums[0];
        for (int j = whole; j < d; j++) {
            sum = Math.fma(x[i * d + j], w[c * d + j], sum);
        }
        return sum + b[c];
    }

    @ParameterizedTest
    @CsvSource({"1,784,10,0", "4,784,10,0", "5,784,10,0", "6,784,10,0", "9,784,10,2", "13,784,10,0",
        "64,784,10,0", "67,784,10,5", "11,50,7,3", "23,33,13,1", "8,16,5,0"})
    void affineGivesTheBitsOfItsFixedOrderForEveryRowAndClass(int n, int d, int k, int from) {
        assumeSimd();
        Random random = new Random(n * 17L + d * 3L + k);
        float[] x = random(random, n * d);
        float[] w = random(random, k * d);
        float[] b = random(random, k);
        float[] expected = new float[n * k];
        for (int i = from; i < n; i++) {
            for (int c = 0; c < k; c++) {
                expected[i * k + c] = inTheFixedOrder(x, w, b, i, c, d, VectorBatchKernels.LANES);
            }
        }
        float[] actual = new float[n * k];
        fastest.affine(actual, x, w, b, from, n, d, k);
        assertArrayEquals(expected, actual);
    }

    @ParameterizedTest
    @CsvSource({"9,50,10,1,8", "9,784,10,3,392", "4,37,3,0,37", "6,100,12,33,65"})
    void splittingRowsOrColumnsChangesNoBit(int n, int d, int k, int split1, int split2) {
        Random random = new Random(5);
        float[] x = random(random, n * d);
        float[] w = random(random, k * d);
        float[] b = random(random, k);
        float[] whole = new float[n * k];
        fastest.affine(whole, x, w, b, 0, n, d, k);
        float[] parts = new float[n * k];
        int rowSplit = Math.min(split1, n);
        fastest.affine(parts, x, w, b, 0, rowSplit, d, k);
        fastest.affine(parts, x, w, b, rowSplit, n, d, k);
        assertArrayEquals(whole, parts);

        float[] g = random(random, n * k);
        float[] dWhole = new float[k * d];
        fastest.weightGradient(dWhole, g, x, 0, n, d, k, 0, d);
        float[] dParts = new float[k * d];
        fastest.weightGradient(dParts, g, x, 0, n, d, k, 0, split1);
        fastest.weightGradient(dParts, g, x, 0, n, d, k, split1, split2);
        fastest.weightGradient(dParts, g, x, 0, n, d, k, split2, d);
        assertArrayEquals(dWhole, dParts);
    }

    @ParameterizedTest
    @CsvSource({"9,50,10,2,7", "9,784,10,0,4", "6,100,12,5,6"})
    void aRowRangeOfTheGradientIsTheGradientOfThoseRowsAlone(int n, int d, int k, int rowFrom, int rowTo) {
        Random random = new Random(9);
        float[] x = random(random, n * d);
        float[] g = random(random, n * k);
        float[] ranged = new float[k * d];
        fastest.weightGradient(ranged, g, x, rowFrom, rowTo, d, k, 0, d);
        float[] alone = new float[k * d];
        fastest.weightGradient(alone, Arrays.copyOfRange(g, rowFrom * k, rowTo * k),
                Arrays.copyOfRange(x, rowFrom * d, rowTo * d), 0, rowTo - rowFrom, d, k, 0, d);
        assertArrayEquals(alone, ranged);
    }

    private static float[] logits(Random random, int n, int k) {
        float[] logits = random(random, n * k);
        for (int i = 0; i < logits.length; i++) {
            logits[i] *= 8;
        }
        return logits;
    }

    private static int[] labels(Random random, int n, int k) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(k);
        }
        return labels;
    }

    @ParameterizedTest
    @CsvSource({"1,10", "15,10", "16,10", "37,10", "64,10", "20,3", "33,17", "5,1"})
    void softmaxAgreesWithTheScalarReference(int n, int k) {
        assumeSimd();
        Random random = new Random(n * 13L + k);
        float[] logits = logits(random, n, k);
        int[] labels = labels(random, n, k);
        float[] expectedGradient = new float[n * k];
        float[] expectedLosses = new float[n];
        scalar.softmaxCrossEntropyBackward(expectedGradient, expectedLosses, logits, labels, 0, n, k, 1f / n);
        float[] gradient = new float[n * k];
        float[] losses = new float[n];
        fastest.softmaxCrossEntropyBackward(gradient, losses, logits, labels, 0, n, k, 1f / n);
        for (int i = 0; i < n * k; i++) {
            assertEquals(expectedGradient[i], gradient[i], 1e-6f / n, "dLogits[" + i + "]");
        }
        for (int i = 0; i < n; i++) {
            assertEquals(expectedLosses[i], losses[i], 1e-5f * Math.max(1f, expectedLosses[i]), "loss[" + i + "]");
        }
    }

    @ParameterizedTest
    @CsvSource({"40,10", "19,3", "33,17"})
    void softmaxRowsGiveTheSameBitsAloneOrInAVector(int n, int k) {
        Random random = new Random(n + 3L * k);
        float[] logits = logits(random, n, k);
        logits[0] = Float.NEGATIVE_INFINITY;
        logits[k + 1] = -1000f;
        int[] labels = labels(random, n, k);
        float[] gradient = new float[n * k];
        float[] losses = new float[n];
        fastest.softmaxCrossEntropyBackward(gradient, losses, logits, labels, 0, n, k, 0.25f);
        float[] rowByRow = new float[n * k];
        float[] rowLosses = new float[n];
        for (int i = n - 1; i >= 0; i--) {
            fastest.softmaxCrossEntropyBackward(rowByRow, rowLosses, logits, labels, i, i + 1, k, 0.25f);
        }
        assertArrayEquals(rowByRow, gradient);
        assertArrayEquals(rowLosses, losses);
        float[] inPlace = logits.clone();
        fastest.softmaxCrossEntropyBackward(inPlace, new float[n], inPlace, labels, 0, n, k, 0.25f);
        assertArrayEquals(gradient, inPlace);
    }

    @Test
    void scalesEveryPixelValueExactlyAsTheReferenceDoes() {
        assumeSimd();
        byte[] pixels = new byte[256 + 21];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        for (float[] meanStd : new float[][] {{0f, 1f}, {0.5f, 0.5f}}) {
            float[] expected = new float[pixels.length];
            float[] actual = new float[pixels.length + 3];
            scalar.scalePixels(expected, 0, pixels, 0, pixels.length, meanStd[0], meanStd[1]);
            fastest.scalePixels(actual, 3, pixels, 0, pixels.length, meanStd[0], meanStd[1]);
            assertArrayEquals(expected, Arrays.copyOfRange(actual, 3, actual.length));
        }
        float[] one = new float[1];
        scalar.scalePixels(one, 0, new byte[] {(byte) 200}, 0, 1, 0f, 1f);
        assertEquals(200f / 255f, one[0]);
    }

    @Test
    void theMainTestRunHasTheVectorModule() {
        boolean runWithout = "absent".equals(System.getProperty(VECTOR_MODULE_PROPERTY));
        assertEquals(!runWithout, VECTOR_MODULE, "jdk.incubator.vector in this test run; without it the SIMD "
                + "kernels go untested");
    }

    private static void assertNoSubnormal(float[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            assertTrue(v == 0f || !(Math.abs(v) < Float.MIN_NORMAL), what + "[" + i + "] is subnormal: " + v);
        }
    }

    @Test
    void noKernelGivesSubnormalNumbersForLogitsFarApart() {
        int n = 37;
        int d = 784;
        int k = 10;
        Random random = new Random(11);
        float[] logits = new float[n * k];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) random.nextGaussian() * (i % 3 == 0 ? 1000 : 60);
        }
        int[] labels = labels(random, n, k);
        byte[] pixels = new byte[n * d];
        random.nextBytes(pixels);
        for (BatchKernels kernels : new BatchKernels[] {scalar, fastest}) {
            float[] x = new float[n * d];
            kernels.scalePixels(x, 0, pixels, 0, n * d, 0f, 1f);
            float[] dLogits = new float[n * k];
            kernels.softmaxCrossEntropyBackward(dLogits, new float[n], logits, labels, 0, n, k, 1f / 256);
            assertNoSubnormal(dLogits, kernels.description() + " dLogits");
            for (float v : dLogits) {
                assertTrue(v == 0f || Math.abs(v) >= Kernels.FLUSH_BELOW, "dLogits value " + v);
            }
            float[] dW = new float[k * d];
            kernels.weightGradient(dW, dLogits, x, 0, n, d, k, 0, d);
            assertNoSubnormal(dW, kernels.description() + " dW");
        }
    }

    @Test
    void fastestIsSimdExactlyWhenTheModuleIsPresent() {
        assertEquals(VECTOR_MODULE, fastest.description().startsWith("SIMD"), fastest.description());
    }

    @Test
    void scalarIsChosenWithoutTheModuleOrWhenAskedFor() {
        assertSame(ScalarBatchKernels.INSTANCE, BatchKernels.select(false, null));
        assertSame(ScalarBatchKernels.INSTANCE, BatchKernels.select(true, "scalar"));
    }
}

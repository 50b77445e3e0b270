package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.BatchOrder;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.math.Kernels;
import io.github.softmax4j.model.SoftmaxRegression;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trainer's epoch (blocks of 64 rows on several threads, the blocks' weight gradients added in
 * a tree, the SIMD kernels where present) against the same epoch written straight from the scalar
 * reference {@link Kernels}, one whole batch at a time: the two must agree to rounding.
 */
class TrainingStepTest {
    private static final int FEATURES = 784;
    private static final int CLASSES = 10;
    // batches of 150 rows (blocks of 64 + 64 + 22) and a last batch of 43 rows
    private static final int EXAMPLES = 343;
    private static final int BATCH = 150;

    private static Dataset data() {
        Random random = new Random(17);
        byte[] pixels = new byte[EXAMPLES * FEATURES];
        int[] labels = new int[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            labels[i] = random.nextInt(CLASSES);
            for (int j = 0; j < FEATURES; j++) {
                // a class-dependent pattern, so that the steps move the model somewhere definite
                boolean lit = (j * CLASSES / FEATURES) == labels[i];
                pixels[i * FEATURES + j] = (byte) ((lit ? 120 : 0) + random.nextInt(130));
            }
        }
        return new Dataset(pixels, labels, FEATURES);
    }

    /** One epoch of d2l's train_epoch_ch3 in the plainest form; returns the mean loss. */
    private static double referenceEpoch(SoftmaxRegression model, Dataset data, TrainConfig config) {
        int[] order = new int[EXAMPLES];
        BatchOrder.fill(order, config.seed(), 1, config.shuffle());
        float[] w = model.weightInPlace();
        float[] b = model.biasInPlace();
        double lossSum = 0;
        for (int start = 0; start < EXAMPLES; start += BATCH) {
            int n = Math.min(BATCH, EXAMPLES - start);
            float[] x = new float[n * FEATURES];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                byte[] image = data.image(order[start + i]);
                Kernels.scalePixels(x, i * FEATURES, image, 0, FEATURES, config.pixelScaling().mean(),
                        config.pixelScaling().std());
                y[i] = data.label(order[start + i]);
            }
            float[] logits = new float[n * CLASSES];
            Kernels.affine(logits, x, w, b, 0, n, FEATURES, CLASSES);
            float[] dLogits = new float[n * CLASSES];
            float[] losses = new float[n];
            Kernels.softmaxCrossEntropyBackward(dLogits, losses, logits, y, 0, n, CLASSES, 1f / n);
            for (float loss : losses) {
                lossSum += loss;
            }
            float[] dW = new float[CLASSES * FEATURES];
            Kernels.weightGradient(dW, dLogits, x, 0, n, FEATURES, CLASSES, 0, FEATURES);
            float[] dB = new float[CLASSES];
            Kernels.biasGradient(dB, dLogits, n, CLASSES);
            Kernels.sgdStep(w, dW, config.learningRate(1), 0, w.length);
            Kernels.sgdStep(b, dB, config.learningRate(1), 0, b.length);
        }
        return lossSum / EXAMPLES;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void anOptimizedEpochIsTheReferenceEpochToRounding(int threads) {
        Dataset data = data();
        TrainConfig config = TrainConfig.defaults().withBatchSize(BATCH).withLearningRate(0.5f).withEpochs(1)
                .withSeed(5);
        SoftmaxRegression start = SoftmaxRegression.initialize(FEATURES, CLASSES, 0.01f, 5);
        SoftmaxRegression reference = start.copy();
        double referenceLoss = referenceEpoch(reference, data, config);
        SoftmaxRegression optimized = start.copy();
        double loss;
        try (Trainer trainer = new Trainer(config, threads, FEATURES, CLASSES)) {
            loss = trainer.trainEpoch(optimized, data, 1).trainLoss();
        }
        assertEquals(referenceLoss, loss, 1e-5 * referenceLoss);
        float[] expected = reference.weight();
        float[] actual = optimized.weight();
        float moved = 0;
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            moved = Math.max(moved, Math.abs(expected[i] - start.weight()[i]));
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= 1e-5f * moved, "largest difference " + worst + " against steps of up to " + moved);
        for (int c = 0; c < CLASSES; c++) {
            assertEquals(reference.bias()[c], optimized.bias()[c], 1e-5f * moved, "bias " + c);
        }
    }
}

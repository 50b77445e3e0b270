package io.github.softmax4j.bench;

import io.github.softmax4j.math.BatchKernels;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch kernels on one default minibatch (n = 256 rows, d = 784 features, k = 10 classes),
 * SIMD and scalar, one thread. Time per call; a whole epoch makes 235 calls of each. Each of the
 * two products is 2 n d k = 4,014,080 float operations per call, so t µs per call is 4014 / t
 * GFLOP/s, to be read against {@link PeakBenchmark} on the same machine.
 *
 * <p>The {@code Extreme} variants feed logits that lie thousands apart, as a far too large
 * learning rate makes them: nearly every probability is then far below the smallest normal
 * float, which must not make the softmax or the weight gradient slower.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelBenchmark {
    private static final int N = 256;
    private static final int D = 784;
    private static final int K = 10;

    @Param({"simd", "scalar"})
    public String kernels;

    private BatchKernels batch;
    private final byte[] pixels = new byte[N * D];
    private final float[] x = new float[N * D];
    private final float[] w = new float[K * D];
    private final float[] b = new float[K];
    private final float[] logits = new float[N * K];
    private final float[] dLogits = new float[N * K];
    private final float[] dW = new float[K * D];
    private final float[] losses = new float[N];
    private final int[] labels = new int[N];
    private final float[] extremeLogits = new float[N * K];
    private final float[] extremeDLogits = new float[N * K];

    @Setup
    public void setUp() {
        batch = BatchKernels.select(kernels.equals("simd"), null);
        Random random = new Random(1);
        random.nextBytes(pixels);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian() * 0.01f;
        }
        for (int i = 0; i < dLogits.length; i++) {
            dLogits[i] = (float) random.nextGaussian() / N;
            logits[i] = (float) random.nextGaussian() * 4;
        }
        for (int i = 0; i < N; i++) {
            labels[i] = random.nextInt(K);
        }
        for (int i = 0; i < extremeLogits.length; i++) {
            extremeLogits[i] = (float) random.nextGaussian() * 1000;
        }
        batch.softmaxCrossEntropyBackward(extremeDLogits, losses, extremeLogits, labels, 0, N, K, 1f / N);
    }

    /** Forward: logits = x wᵀ + b for the batch. */
    @Benchmark
    public float[] affine() {
        batch.affine(logits, x, w, b, 0, N, D, K);
        return logits;
    }

    /** Softmax, cross-entropy loss and dLogits = (softmax - onehot) / n for the batch. */
    @Benchmark
    public float[] softmaxCrossEntropyBackward() {
        batch.softmaxCrossEntropyBackward(dLogits, losses, logits, labels, 0, N, K, 1f / N);
        return dLogits;
    }

    /** As {@link #softmaxCrossEntropyBackward}, on logits thousands apart. */
    @Benchmark
    public float[] softmaxCrossEntropyBackwardExtreme() {
        batch.softmaxCrossEntropyBackward(dLogits, losses, extremeLogits, labels, 0, N, K, 1f / N);
        return dLogits;
    }

    /** As {@link #weightGradient}, on the dLogits of logits thousands apart. */
    @Benchmark
    public float[] weightGradientExtreme() {
        batch.weightGradient(dW, extremeDLogits, x, 0, N, D, K, 0, D);
        return dW;
    }

    /** Backward: dW = dLogitsᵀ x for the batch. */
    @Benchmark
    public float[] weightGradient() {
        batch.weightGradient(dW, dLogits, x, 0, N, D, K, 0, D);
        return dW;
    }

    /** uint8 pixels of the batch to floats, x/255. */
    @Benchmark
    public float[] scalePixels() {
        batch.scalePixels(x, 0, pixels, 0, N * D, 0f, 1f);
        return x;
    }
}

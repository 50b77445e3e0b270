package io.github.softmax4j.math;

/**
 * The kernels that touch every number of a minibatch and so take nearly all of the training
 * time: pixel scaling, the forward product {@code x Wᵀ + b}, the softmax with its loss and
 * gradient, and the backward product {@code dLogitsᵀ x}. Two implementations: {@link ScalarBatchKernels}, the plain-Java reference
 * of {@link Kernels}, and {@link VectorBatchKernels}, SIMD through jdk.incubator.vector, chosen
 * automatically when that module is present (the softmax4j launcher adds it; a program that embeds
 * the library without {@code --add-modules jdk.incubator.vector} gets the scalar one). Shapes,
 * layouts and contracts are those of the {@link Kernels} methods of the same names; the two
 * implementations agree to rounding, and each is deterministic on its own.
 */
public interface BatchKernels {
    /** System property that forces the scalar implementation when set to {@code scalar}. */
    String PROPERTY = "softmax4j.kernels";

    /** {@link Kernels#scalePixels}. */
    void scalePixels(float[] out, int outOffset, byte[] pixels, int offset, int count, float mean, float std);

    /** {@link Kernels#affine}: out (n,k) = x (n,d) wᵀ + b, with w (k,d), rows [from, to). */
    void affine(float[] out, float[] x, float[] w, float[] b, int from, int to, int d, int k);

    /**
     * {@link Kernels#softmaxCrossEntropyBackward}: per-example loss and dLogits = (softmax - onehot)
     * * scale for rows [from, to) of logits (n,k).
     */
    void softmaxCrossEntropyBackward(float[] dLogits, float[] losses, float[] logits, int[] labels, int from, int to,
                                     int k, float scale);

    /**
     * {@link Kernels#weightGradient}: dW (k,d) = dLogitsᵀ x over rows [rowFrom, rowTo), feature
     * columns [colFrom, colTo).
     */
    void weightGradient(float[] dW, float[] dLogits, float[] x, int rowFrom, int rowTo, int d, int k, int colFrom,
                        int colTo);

    /** A description for people: {@code scalar} or {@code SIMD, 16 float lanes}. */
    String description();

    /** The implementation for this JVM: SIMD when jdk.incubator.vector is present. */
    static BatchKernels fastest() {
        return FastestKernels.INSTANCE;
    }

    /** Chooses as {@link #fastest()} does, given whether the JVM offers the module and the property's value. */
    static BatchKernels select(boolean vectorModulePresent, String requested) {
        if ("scalar".equals(requested) || !vectorModulePresent) {
            return ScalarBatchKernels.INSTANCE;
        }
        return VectorBatchKernels.create();
    }
}

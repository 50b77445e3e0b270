package io.github.softmax4j.math;

/** The plain-Java {@link BatchKernels}: the reference kernels of {@link Kernels}. */
final class ScalarBatchKernels implements BatchKernels {
    static final BatchKernels INSTANCE = new ScalarBatchKernels();

    private ScalarBatchKernels() {
    }

    @Override
    public void scalePixels(float[] out, int outOffset, byte[] pixels, int offset, int count, float mean, float std) {
        Kernels.scalePixels(out, outOffset, pixels, offset, count, mean, std);
    }

    @Override
    public void affine(float[] out, float[] x, float[] w, float[] b, int from, int to, int d, int k) {
        Kernels.affine(out, x, w, b, from, to, d, k);
    }

    @Override
    public void softmaxCrossEntropyBackward(float[] dLogits, float[] losses, float[] logits, int[] labels, int from,
                                            int to, int k, float scale) {
        Kernels.softmaxCrossEntropyBackward(dLogits, losses, logits, labels, from, to, k, scale);
    }

    @Override
    public void weightGradient(float[] dW, float[] dLogits, float[] x, int rowFrom, int rowTo, int d, int k,
                               int colFrom, int colTo) {
        Kernels.weightGradient(dW, dLogits, x, rowFrom, rowTo, d, k, colFrom, colTo);
    }

    @Override
    public String description() {
        return "scalar";
    }
}

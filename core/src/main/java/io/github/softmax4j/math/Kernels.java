package io.github.softmax4j.math;

/**
 * The flat-array kernels of softmax regression in plain scalar Java: the readable reference, and
 * the test oracle for the SIMD versions in {@link VectorBatchKernels}. Arrays are row-major.
 * Dimension letters: n = rows in a batch, d = features (784), k = classes (10). Row-wise kernels
 * work on rows [from, to) so callers can split a batch across threads; each output element is
 * always computed by one call in one fixed order, so results never depend on the split.
 * The weight matrix w is stored (k, d): the transpose of d2l's W (784, 10), as in PyTorch's
 * nn.Linear.
 */
public final class Kernels {
    /**
     * The smallest magnitude a dLogits value keeps; smaller ones are set to 0. A row whose softmax
     * is nearly one-hot (large learning rates give logits far apart) has probabilities far below
     * the smallest normal float, 2⁻¹²⁶; left as they are, they and their products with pixels in
     * the weight gradient are subnormal numbers, which some processors handle dozens of times
     * slower than normal ones. From 2⁻⁶⁴ up, a value times any pixel value of 2⁻⁴⁰ or more stays
     * normal, and what is dropped is 2⁻⁶⁴ of the batch's gradient at most: far below the rounding
     * of the entries it is added to.
     */
    public static final float FLUSH_BELOW = 0x1p-64f;

    /**
     * Where the loss gradient's softmax takes exp(x - max) as 0: below -44.4, where it is below
     * {@link #FLUSH_BELOW}, so the probability and its dLogits value would be flushed anyway; cut
     * there, no step of the softmax works on a subnormal number either (exp(-87.4) already is
     * one). The sum of the row is at least 1, so what is cut never shows in it.
     */
    static final float EXP_CUT = -44.4f;

    private Kernels() {
    }

    /** {@code value}, or 0 if its magnitude is below {@link #FLUSH_BELOW}; NaN stays NaN. */
    public static float flushTiny(float value) {
        return Math.abs(value) < FLUSH_BELOW ? 0f : value;
    }

    /**
     * Logits of a linear layer (d2l: net, without the softmax). Overwrites {@code out}.
     */
    public static void affine(float[] out, float[] x, float[] w, float[] b, int from, int to, int d, int k) {
        // x (n,d), w (k,d), b (k) -> out (n,k): out[i][c] = b[c] + sum_j x[i][j] * w[c][j]
        for (int i = from; i < to; i++) {
            int xi = i * d;
            int oi = i * k;
            for (int c = 0; c < k; c++) {
                out[oi + c] = b[c];
            }
            // j outer and c inner keeps k independent sums in flight instead of one serial chain
            for (int j = 0; j < d; j++) {
                float xij = x[xi + j];
                for (int c = 0; c < k; c++) {
                    out[oi + c] += xij * w[c * d + j];
                }
            }
        }
    }

    /**
     * Pixels to model inputs: {@code out[outOffset + t] = ((pixels[offset + t] & 0xFF) / 255f -
     * mean) / std} for t in [0, count), in float arithmetic (so mean 0, std 1 gives torchvision's
     * ToTensor exactly). Overwrites that part of {@code out}.
     */
    public static void scalePixels(float[] out, int outOffset, byte[] pixels, int offset, int count, float mean,
                                   float std) {
        for (int t = 0; t < count; t++) {
            out[outOffset + t] = ((pixels[offset + t] & 0xFF) / 255f - mean) / std;
        }
    }

    /**
     * Numerically stable softmax of each row (d2l: softmax, without its overflow). Subtracting the
     * row maximum first keeps exp() at most 1, so logits like 50, 1000 or -1000 stay finite.
     * Overwrites {@code out}, which may be {@code logits} itself.
     */
    public static void softmaxRows(float[] out, float[] logits, int from, int to, int k) {
        // logits (n,k) -> out (n,k), each row sums to 1
        for (int i = from; i < to; i++) {
            softmaxRow(out, logits, i * k, k, Float.NEGATIVE_INFINITY);
        }
    }

    /**
     * The chapter's cross-entropy from probabilities (d2l: cross_entropy): {@code out[i] =
     * -log(probs[i][labels[i]])}. A probability of exactly 0 gives +Infinity, which is the true
     * value; training takes the loss from the logits instead, as {@link #crossEntropyWithLogits}
     * does, which never sees a rounded 0.
     */
    public static void crossEntropy(float[] out, float[] probs, int[] labels, int from, int to, int k) {
        // probs (n,k), labels (n) -> out (n): loss = -log(probs[target])
        for (int i = from; i < to; i++) {
            out[i] = (float) -Math.log(probs[i * k + labels[i]]);
        }
    }

    /**
     * Cross-entropy straight from logits: {@code out[i] = logsumexp(logits[i]) - logits[i][y]},
     * the same value as -log(softmax) but finite wherever the logits are, since no probability is
     * rounded to 0 before the log is taken. Overwrites {@code out}.
     */
    public static void crossEntropyWithLogits(float[] out, float[] logits, int[] labels, int from, int to, int k) {
        // logits (n,k), labels (n) -> out (n)
        for (int i = from; i < to; i++) {
            int off = i * k;
            out[i] = (float) (logSumExp(logits, off, k) - logits[off + labels[i]]);
        }
    }

    /**
     * Loss and gradient in one pass: {@code losses[i]} as in {@link #crossEntropyWithLogits} and
     * {@code dLogits[i] = (softmax(logits[i]) - onehot(labels[i])) * scale}, where the caller
     * passes scale = 1/n to get the gradient of the batch-mean loss; values below
     * {@link #FLUSH_BELOW} in magnitude are set to 0. Overwrites both outputs; {@code dLogits} may
     * be {@code logits} itself.
     */
    public static void softmaxCrossEntropyBackward(float[] dLogits, float[] losses, float[] logits, int[] labels,
                                                   int from, int to, int k, float scale) {
        // logits (n,k), labels (n) -> dLogits (n,k), losses (n)
        for (int i = from; i < to; i++) {
            int off = i * k;
            int target = off + labels[i];
            float targetLogit = logits[target];
            losses[i] = (float) (softmaxRow(dLogits, logits, off, k, EXP_CUT) - targetLogit);
            dLogits[target] -= 1f;
            for (int c = 0; c < k; c++) {
                dLogits[off + c] = flushTiny(dLogits[off + c] * scale);
            }
        }
    }

    /**
     * Weight gradient of a linear layer from rows [rowFrom, rowTo), for feature columns [colFrom,
     * colTo): {@code dW = dLogitsᵀ x} over those rows. Overwrites those columns of {@code dW}; each
     * element is summed over the rows in order.
     */
    public static void weightGradient(float[] dW, float[] dLogits, float[] x, int rowFrom, int rowTo, int d, int k,
                                      int colFrom, int colTo) {
        // dLogits (n,k), x (n,d) -> dW (k,d): dW[c][j] = sum_i dLogits[i][c] * x[i][j]
        for (int c = 0; c < k; c++) {
            int wc = c * d;
            for (int j = colFrom; j < colTo; j++) {
                dW[wc + j] = 0f;
            }
        }
        for (int i = rowFrom; i < rowTo; i++) {
            int xi = i * d;
            for (int c = 0; c < k; c++) {
                float g = dLogits[i * k + c];
                int wc = c * d;
                for (int j = colFrom; j < colTo; j++) {
                    dW[wc + j] += g * x[xi + j];
                }
            }
        }
    }

    /**
     * {@code out[i] = parts[0][i] + parts[1][i] + ... + parts[count - 1][i]} for i in [from, to),
     * added in that order.
     */
    public static void sumInOrder(float[] out, float[][] parts, int count, int from, int to) {
        System.arraycopy(parts[0], from, out, from, to - from);
        for (int p = 1; p < count; p++) {
            addTo(out, parts[p], from, to);
        }
    }

    /**
     * The sum of each column of x (n,m): {@code out[j] = sum_i x[i][j]} (d2l: {@code X.sum(0)}).
     * Overwrites {@code out} (m).
     */
    public static void sumColumns(float[] out, float[] x, int n, int m) {
        // x (n,m) -> out (m)
        for (int j = 0; j < m; j++) {
            out[j] = 0f;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[j] += x[i * m + j];
            }
        }
    }

    /**
     * The sum of each row of x (n,m): {@code out[i] = sum_j x[i][j]} (d2l: {@code X.sum(1)}).
     * Overwrites {@code out} (n).
     */
    public static void sumRows(float[] out, float[] x, int n, int m) {
        // x (n,m) -> out (n)
        for (int i = 0; i < n; i++) {
            float sum = 0f;
            for (int j = 0; j < m; j++) {
                sum += x[i * m + j];
            }
            out[i] = sum;
        }
    }

    /** {@code sum[i] += part[i]} for i in [from, to). */
    public static void addTo(float[] sum, float[] part, int from, int to) {
        for (int i = from; i < to; i++) {
            sum[i] += part[i];
        }
    }

    /** Bias gradient: {@code dB[c] = sum_i dLogits[i][c]}. Overwrites {@code dB}. */
    public static void biasGradient(float[] dB, float[] dLogits, int n, int k) {
        biasGradient(dB, dLogits, 0, n, k);
    }

    /** {@link #biasGradient(float[], float[], int, int)} over rows [rowFrom, rowTo), summed in row order. */
    public static void biasGradient(float[] dB, float[] dLogits, int rowFrom, int rowTo, int k) {
        // dLogits (n,k) -> dB (k)
        for (int c = 0; c < k; c++) {
            dB[c] = 0f;
        }
        for (int i = rowFrom; i < rowTo; i++) {
            for (int c = 0; c < k; c++) {
                dB[c] += dLogits[i * k + c];
            }
        }
    }

    /**
     * One step of minibatch SGD on elements [from, to) (d2l: sgd): {@code param -= learningRate *
     * grad}. The gradient is already the batch mean, so unlike d2l's sgd there is no division by
     * the batch size here.
     */
    public static void sgdStep(float[] param, float[] grad, float learningRate, int from, int to) {
        for (int i = from; i < to; i++) {
            param[i] -= learningRate * grad[i];
        }
    }

    /**
     * One step of SGD with momentum on elements [from, to), as PyTorch's SGD with dampening 0 and
     * without Nesterov: {@code g = grad + weightDecay * param; velocity = momentum * velocity + g;
     * param -= learningRate * velocity}. Updates {@code param} and {@code velocity} in place.
     */
    public static void momentumStep(float[] param, float[] velocity, float[] grad, float learningRate,
                                    float momentum, float weightDecay, int from, int to) {
        for (int i = from; i < to; i++) {
            // a weight whose gradient stays 0 (a pixel blank in every image of a batch) has its
            // velocity shrink by the momentum each step: flushed, it never becomes subnormal
            float v = flushTiny(momentum * velocity[i] + (grad[i] + weightDecay * param[i]));
            velocity[i] = v;
            param[i] -= learningRate * v;
        }
    }

    /** {@code param -= learningRate * (grad + weightDecay * param)}: SGD with weight decay, no momentum. */
    public static void decayStep(float[] param, float[] grad, float learningRate, float weightDecay, int from,
                                 int to) {
        for (int i = from; i < to; i++) {
            param[i] -= learningRate * (grad[i] + weightDecay * param[i]);
        }
    }

    /** Index of the largest score in each row; the first one wins a tie. Overwrites {@code out}. */
    public static void argmaxRows(int[] out, float[] scores, int from, int to, int k) {
        // scores (n,k) -> out (n)
        for (int i = from; i < to; i++) {
            out[i] = argmaxRow(scores, i * k, k);
        }
    }

    /** Index (0..k-1) of the largest of {@code scores[off .. off+k)}; the first one wins a tie. */
    public static int argmaxRow(float[] scores, int off, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (scores[off + c] > scores[off + best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Writes softmax(z[off .. off+k)) to out at the same offset, exp(x - max) taken as 0 where x -
     * max is below {@code cut}; returns logsumexp of the row.
     */
    private static double softmaxRow(float[] out, float[] z, int off, int k, float cut) {
        float max = rowMax(z, off, k);
        double sum = 0;
        for (int c = 0; c < k; c++) {
            float shifted = z[off + c] - max;
            float e = shifted < cut ? 0f : (float) Math.exp(shifted);
            out[off + c] = e;
            sum += e;
        }
        float inverse = (float) (1.0 / sum);
        for (int c = 0; c < k; c++) {
            out[off + c] *= inverse;
        }
        return max + Math.log(sum);
    }

    private static double logSumExp(float[] z, int off, int k) {
        float max = rowMax(z, off, k);
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += (float) Math.exp(z[off + c] - max);
        }
        return max + Math.log(sum);
    }

    private static float rowMax(float[] z, int off, int k) {
        float max = z[off];
        for (int c = 1; c < k; c++) {
            max = Math.max(max, z[off + c]);
        }
        return max;
    }
}

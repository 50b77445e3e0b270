package io.github.softmax4j.model;

import io.github.softmax4j.math.BatchKernels;
import io.github.softmax4j.math.Kernels;
import java.util.Arrays;
import java.util.Random;

/**
 * Softmax regression: logits = x Wᵀ + b, probabilities = softmax(logits). Owns the weight W
 * (k, d) row-major (PyTorch's nn.Linear layout; d2l writes the transpose, W (d, k)) and the bias
 * b (k). Every method is a thin, documented call into the kernels ({@link Kernels}, with the
 * batch products from {@link BatchKernels#fastest()}): the one implementation of the math, which
 * the step-by-step chapter API and the one-call trainer share. Methods that take
 * a row or column range exist so a trainer can split one batch across threads.
 */
public final class SoftmaxRegression {
    private static final BatchKernels KERNELS = BatchKernels.fastest();

    private final int features;
    private final int classes;
    private final float[] weight;
    private final float[] bias;

    private SoftmaxRegression(int features, int classes, float[] weight, float[] bias) {
        this.features = features;
        this.classes = classes;
        this.weight = weight;
        this.bias = bias;
    }

    /**
     * d2l's initialisation: W ~ N(0, initStd²) and b = 0, from a seeded java.util.Random (whose
     * Gaussian the JDK specifies exactly, so every JDK gives the same weights).
     */
    public static SoftmaxRegression initialize(int features, int classes, float initStd, long seed) {
        checkSizes(features, classes);
        if (!(initStd >= 0) || !Float.isFinite(initStd)) {
            throw new IllegalArgumentException("initStd must be finite and >= 0, got " + initStd);
        }
        Random random = new Random(seed);
        float[] weight = new float[classes * features];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) (random.nextGaussian() * initStd);
        }
        return new SoftmaxRegression(features, classes, weight, new float[classes]);
    }

    /** All parameters zero: also the shape of an optimizer's state, such as a velocity. */
    public static SoftmaxRegression zeros(int features, int classes) {
        checkSizes(features, classes);
        return new SoftmaxRegression(features, classes, new float[Math.multiplyExact(classes, features)],
                new float[classes]);
    }

    /** A model with copies of {@code weight} (classes, features) and {@code bias} (classes). */
    public static SoftmaxRegression of(float[] weight, float[] bias, int features, int classes) {
        checkSizes(features, classes);
        if (weight.length != classes * features || bias.length != classes) {
            throw new IllegalArgumentException("weight must have " + classes * features + " and bias " + classes
                    + " elements, got " + weight.length + " and " + bias.length);
        }
        return new SoftmaxRegression(features, classes, weight.clone(), bias.clone());
    }

    private static void checkSizes(int features, int classes) {
        if (features <= 0 || classes <= 0) {
            throw new IllegalArgumentException("features and classes must be > 0, got " + features + " and " + classes);
        }
    }

    /** Inputs per example, d. */
    public int features() {
        return features;
    }

    /** Number of classes, k. */
    public int classes() {
        return classes;
    }

    /** A copy of W, (classes, features) row-major. */
    public float[] weight() {
        return weight.clone();
    }

    /** A copy of b, (classes). */
    public float[] bias() {
        return bias.clone();
    }

    /** An independent copy of this model. */
    public SoftmaxRegression copy() {
        return new SoftmaxRegression(features, classes, weight.clone(), bias.clone());
    }

    /** Overwrites this model's parameters with those of {@code other}, which must have the same shape. */
    public void copyFrom(SoftmaxRegression other) {
        if (other.features != features || other.classes != classes) {
            throw new IllegalArgumentException("shape " + other.classes + "x" + other.features + " differs from "
                    + classes + "x" + features);
        }
        System.arraycopy(other.weight, 0, weight, 0, weight.length);
        System.arraycopy(other.bias, 0, bias, 0, bias.length);
    }

    /** d2l: net, without the softmax. Logits (n, k) of inputs x (n, d); overwrites {@code logits}. */
    public void net(float[] logits, float[] x, int n) {
        net(logits, x, 0, n);
    }

    /** {@link #net(float[], float[], int)} for rows [from, to) only. */
    public void net(float[] logits, float[] x, int from, int to) {
        KERNELS.affine(logits, x, weight, bias, from, to, features, classes);
    }

    /** d2l: net. Class probabilities (n, k) of inputs x (n, d), each row summing to 1. */
    public void probabilities(float[] probs, float[] x, int n) {
        net(probs, x, 0, n);
        Kernels.softmaxRows(probs, probs, 0, n, classes);
    }

    /**
     * The class probabilities of input row {@code row} of x, computed in double: for finite
     * parameters and inputs no logit can overflow a double (each of the at most 785 terms is below
     * 1.2e77), and the largest logit is subtracted before exp, so every finite model gives finite
     * probabilities that sum to 1 (the float path gives NaN once a logit passes 3.4e38).
     * Overwrites {@code probs} (k).
     */
    public void probabilitiesInDouble(double[] probs, float[] x, int row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double logit = bias[c];
            for (int j = 0; j < features; j++) {
                logit += (double) weight[c * features + j] * x[row * features + j];
            }
            probs[c] = logit;
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            probs[c] = Math.exp(probs[c] - max);
            sum += probs[c];
        }
        for (int c = 0; c < classes; c++) {
            probs[c] /= sum;
        }
    }

    /** The most probable class of each input row; overwrites {@code classesOut} (n). */
    public void predict(int[] classesOut, float[] x, int n) {
        float[] logits = new float[n * classes];
        net(logits, x, 0, n);
        Kernels.argmaxRows(classesOut, logits, 0, n, classes);
    }

    /**
     * The part of the batch-mean loss's gradient with respect to W that rows [rowFrom, rowTo) give,
     * for feature columns [colFrom, colTo), given {@code dLogits} (n, k) from the loss (already
     * divided by n). Overwrites those columns.
     */
    public void weightGradient(float[] dW, float[] dLogits, float[] x, int rowFrom, int rowTo, int colFrom,
                               int colTo) {
        KERNELS.weightGradient(dW, dLogits, x, rowFrom, rowTo, features, classes, colFrom, colTo);
    }

    /** The full gradient: dW (k, d) and dB (k) of the batch-mean loss; overwrites both. */
    public void gradient(float[] dW, float[] dB, float[] dLogits, float[] x, int n) {
        weightGradient(dW, dLogits, x, 0, n, 0, features);
        Kernels.biasGradient(dB, dLogits, n, classes);
    }

    /**
     * d2l: sgd. {@code W -= learningRate * dW; b -= learningRate * dB}, the gradients being
     * batch means already. Training with momentum or weight decay goes through {@code train.Sgd}.
     */
    public void sgd(float[] dW, float[] dB, float learningRate) {
        Kernels.sgdStep(weight, dW, learningRate, 0, weight.length);
        Kernels.sgdStep(bias, dB, learningRate, 0, bias.length);
    }

    /**
     * W itself, (classes, features) row-major, not a copy: for an optimizer that updates it in
     * place. Everyone else uses {@link #weight()}.
     */
    public float[] weightInPlace() {
        return weight;
    }

    /** b itself, not a copy: for an optimizer that updates it in place. */
    public float[] biasInPlace() {
        return bias;
    }

    /** True if every parameter is finite. */
    public boolean isFinite() {
        for (float v : weight) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        for (float v : bias) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Bitwise equality of shape and parameters. */
    public boolean sameParameters(SoftmaxRegression other) {
        return features == other.features && classes == other.classes
                && Arrays.equals(weight, other.weight) && Arrays.equals(bias, other.bias);
    }
}

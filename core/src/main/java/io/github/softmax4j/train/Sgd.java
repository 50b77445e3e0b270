package io.github.softmax4j.train;

import io.github.softmax4j.math.Kernels;
import io.github.softmax4j.model.SoftmaxRegression;

/**
 * The optimizer: minibatch SGD with momentum and weight decay, exactly PyTorch's torch.optim.SGD
 * with dampening 0 and Nesterov off. Per step, with g the batch-mean gradient: g += L w (weights
 * only, not the bias); v = M v + g; w -= lr v. The velocity v starts at zero and is the
 * optimizer's whole state, kept in a parameter-shaped {@link SoftmaxRegression} so a checkpoint
 * stores it like a model. With M = 0 and L = 0 the step is d2l's sgd, bit for bit. Steps on
 * disjoint column ranges of W may run on different threads.
 */
public final class Sgd {
    private final float momentum;
    private final float weightDecay;
    private final SoftmaxRegression velocity;

    /** An optimizer for models of {@code features} x {@code classes}, its velocity zero. */
    public Sgd(float momentum, float weightDecay, int features, int classes) {
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.velocity = SoftmaxRegression.zeros(features, classes);
    }

    /** The optimizer that {@code config} asks for. */
    public static Sgd of(TrainConfig config, int features, int classes) {
        return new Sgd(config.momentum(), config.weightDecay(), features, classes);
    }

    /** One step on feature columns [colFrom, colTo) of W, every class; dW is (classes, features). */
    public void stepWeights(SoftmaxRegression model, float[] dW, float learningRate, int colFrom, int colTo) {
        float[] w = model.weightInPlace();
        float[] v = velocity.weightInPlace();
        int d = model.features();
        for (int c = 0; c < model.classes(); c++) {
            step(w, v, dW, learningRate, weightDecay, c * d + colFrom, c * d + colTo);
        }
    }

    /** One step on b; the bias has no weight decay. */
    public void stepBias(SoftmaxRegression model, float[] dB, float learningRate) {
        step(model.biasInPlace(), velocity.biasInPlace(), dB, learningRate, 0f, 0, model.classes());
    }

    private void step(float[] param, float[] v, float[] grad, float learningRate, float decay, int from, int to) {
        if (momentum != 0) {
            Kernels.momentumStep(param, v, grad, learningRate, momentum, decay, from, to);
        } else if (decay != 0) {
            Kernels.decayStep(param, grad, learningRate, decay, from, to);
        } else {
            Kernels.sgdStep(param, grad, learningRate, from, to);
        }
    }

    /** A copy of the velocity, shaped like the model. */
    public SoftmaxRegression velocity() {
        return velocity.copy();
    }

    /** Sets the velocity, as a checkpoint saved it. */
    public void restoreVelocity(SoftmaxRegression saved) {
        velocity.copyFrom(saved);
    }
}

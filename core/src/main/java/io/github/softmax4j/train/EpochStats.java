package io.github.softmax4j.train;

/**
 * One epoch's figures, as d2l's Animator plots them.
 *
 * @param epoch         1-based epoch number
 * @param trainLoss     mean cross-entropy over the epoch's examples, accumulated during training
 * @param trainAccuracy fraction of the epoch's examples classified correctly during training
 * @param testAccuracy  fraction of the test set classified correctly after the epoch
 * @param seconds       wall time of the epoch, test evaluation included
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds) {
}

package io.github.softmax4j.data;

import java.util.Random;

/**
 * The order in which an epoch visits the examples (d2l's shuffled data_iter). Each epoch's order
 * depends only on the seed and the epoch number, so a run can be repeated or resumed exactly.
 */
public final class BatchOrder {
    private BatchOrder() {
    }

    /**
     * Fills {@code order} with 0..n-1, shuffled (Fisher-Yates, java.util.Random, whose algorithm
     * the JDK specifies, so every JDK gives the same order) unless {@code shuffle} is false.
     */
    public static void fill(int[] order, long seed, int epoch, boolean shuffle) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (!shuffle) {
            return;
        }
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}

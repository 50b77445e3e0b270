package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchOrderTest {
    private static int[] order(long seed, int epoch, boolean shuffle) {
        int[] order = new int[1000];
        BatchOrder.fill(order, seed, epoch, shuffle);
        return order;
    }

    @Test
    void isAPermutation() {
        int[] sorted = order(7, 1, true);
        Arrays.sort(sorted);
        assertArrayEquals(IntStream.range(0, 1000).toArray(), sorted);
    }

    @Test
    void sameSeedAndEpochGiveTheSameOrder() {
        assertArrayEquals(order(7, 3, true), order(7, 3, true));
    }

    @Test
    void epochsAndSeedsGiveDifferentOrders() {
        assertFalse(Arrays.equals(order(7, 1, true), order(7, 2, true)));
        assertFalse(Arrays.equals(order(7, 1, true), order(8, 1, true)));
    }

    @Test
    void withoutShuffleIsFileOrder() {
        assertArrayEquals(IntStream.range(0, 1000).toArray(), order(7, 5, false));
    }
}

package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.model.SoftmaxRegression;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training allocates the same small amount every epoch: nothing grows, nothing leaks. */
class AllocationTest {
    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    @Test
    void bytesAllocatedPerEpochDoNotGrow() throws DivergenceException {
        Random random = new Random(1);
        byte[] pixels = new byte[4096 * 784];
        random.nextBytes(pixels);
        int[] labels = random.ints(4096, 0, 10).toArray();
        Dataset data = new Dataset(pixels, labels, 784);
        TrainConfig config = TrainConfig.defaults().withLearningRate(0.01f).withEpochs(40).withSeed(3);
        SoftmaxRegression model = SoftmaxRegression.initialize(784, 10, config.initStd(), config.seed());
        List<Long> perEpoch = new ArrayList<>();
        long[] last = {allocatedByAllThreads()};
        try (Trainer trainer = new Trainer(config, 2, 784, 10)) {
            trainer.fit(model, data, data, stats -> {
                long now = allocatedByAllThreads();
                perEpoch.add(now - last[0]);
                last[0] = allocatedByAllThreads();
            });
        }
        long early = perEpoch.subList(5, 15).stream().mapToLong(Long::longValue).max().orElseThrow();
        long late = perEpoch.subList(30, 40).stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(late <= early + (64 << 10), "bytes per epoch, early " + early + ", late " + late + ": " + perEpoch);
        // the test evaluation's batch buffers and the epoch's stats; nothing per minibatch
        assertTrue(late < 4 << 20, "bytes per epoch " + late + ": " + perEpoch);
    }
}

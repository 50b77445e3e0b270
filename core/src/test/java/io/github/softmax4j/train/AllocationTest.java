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

/**
 * Training allocates nothing per minibatch, and the same small amount every epoch: nothing grows,
 * nothing leaks. Counted with the JVM's per-thread allocation counters, on every thread that
 * trains.
 */
class AllocationTest {
    private static final int EXAMPLES = 4096;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** The ids of the trainers' worker threads, found before counting starts (finding them allocates). */
    private static long[] workerIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("softmax4j-worker-"))
                .mapToLong(Thread::getId).toArray();
    }

    private static long allocatedBy(long[] workers) {
        long total = THREADS.getCurrentThreadAllocatedBytes();
        for (long id : workers) {
            total += Math.max(0, THREADS.getThreadAllocatedBytes(id));
        }
        return total;
    }

    private static Dataset randomData() {
        Random random = new Random(1);
        byte[] pixels = new byte[EXAMPLES * 784];
        random.nextBytes(pixels);
        return new Dataset(pixels, random.ints(EXAMPLES, 0, 10).toArray(), 784);
    }

    @Test
    void aTrainingEpochAllocatesNothingPerMinibatch() {
        Dataset data = randomData();
        // a last partial batch too: 4096 = 16 batches of 250 and one of 96
        TrainConfig config = TrainConfig.defaults().withBatchSize(250).withLearningRate(0.01f).withSeed(3);
        SoftmaxRegression model = SoftmaxRegression.initialize(784, 10, config.initStd(), config.seed());
        int epochs = 60;
        long used;
        try (Trainer trainer = new Trainer(config, 2, 784, 10)) {
            for (int epoch = 1; epoch <= 40; epoch++) {
                trainer.trainEpoch(model, data, epoch);
            }
            long[] workers = workerIds();
            long before = allocatedBy(workers);
            for (int epoch = 41; epoch <= 40 + epochs; epoch++) {
                trainer.trainEpoch(model, data, epoch);
            }
            used = allocatedBy(workers) - before;
        }
        // an epoch's result record and what the shuffle needs: well under a kilobyte an epoch,
        // where one object per minibatch would be over 16 · 16 bytes
        assertTrue(used <= 256L * epochs, "allocated " + used + " bytes in " + epochs + " epochs of 17 minibatches");
    }
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

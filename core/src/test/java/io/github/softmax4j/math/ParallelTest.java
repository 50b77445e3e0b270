package io.github.softmax4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The pool runs every index once, in the chunks it promises, and waits without holding a core. */
class ParallelTest {
    @Test
    void everyIndexRunsExactlyOnceInItsChunk() {
        for (int threads = 1; threads <= 5; threads++) {
            try (Parallel pool = new Parallel(threads)) {
                for (int job = 0; job < 2000; job++) {
                    int size = 1 + job % 37;
                    AtomicIntegerArray runs = new AtomicIntegerArray(size);
                    AtomicIntegerArray chunkStarts = new AtomicIntegerArray(size);
                    pool.forRange(size, (from, to) -> {
                        chunkStarts.incrementAndGet(from);
                        for (int i = from; i < to; i++) {
                            runs.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < size; i++) {
                        assertEquals(1, runs.get(i), "index " + i + " of " + size + " on " + threads + " threads");
                        boolean starts = i == 0 || pool.chunkOf(i, size) != pool.chunkOf(i - 1, size);
                        assertEquals(starts ? 1 : 0, chunkStarts.get(i), "chunk start " + i + " of " + size);
                    }
                }
            }
        }
    }

    @Test
    void theCallerParksWhileAWorkerFinishesItsChunk() throws InterruptedException {
        CountDownLatch workerStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Parallel pool = new Parallel(2)) {
            Thread caller = new Thread(() -> pool.forRange(2, (from, to) -> {
                try {
                    if (from == 0) {
                        workerStarted.await(10, TimeUnit.SECONDS);
                    } else {
                        workerStarted.countDown();
                        release.await(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            caller.start();
            assertTrue(workerStarted.await(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (caller.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.State waiting = caller.getState();
            release.countDown();
            caller.join(10_000);
            assertEquals(Thread.State.WAITING, waiting, "the caller waits for the worker's chunk parked, not spinning");
        }
    }

    @Test
    void aFailingChunkFailsTheJobAndThePoolGoesOn() {
        try (Parallel pool = new Parallel(3)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pool.forRange(9,
                    (from, to) -> {
                        if (from > 0) {
                            throw new IllegalStateException("chunk " + from);
                        }
                    }));
            assertTrue(thrown.getMessage().startsWith("chunk "), thrown.getMessage());
            AtomicIntegerArray runs = new AtomicIntegerArray(9);
            pool.forRange(9, (from, to) -> {
                for (int i = from; i < to; i++) {
                    runs.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 9; i++) {
                assertEquals(1, runs.get(i));
            }
        }
    }

    @Test
    void usesAtMostTheFixedMaximumOfThreads() {
        try (Parallel pool = new Parallel(1024)) {
            assertEquals(Parallel.MAX_THREADS, pool.threads());
            AtomicIntegerArray runs = new AtomicIntegerArray(100);
            pool.forRange(100, (from, to) -> {
                for (int i = from; i < to; i++) {
                    runs.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(1, runs.get(i));
            }
        }
    }
}

package io.github.softmax4j.math;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A small fixed pool that splits a range [0, size) into one contiguous chunk per thread and waits
 * for all of them. The calling thread runs the first chunk itself. Kernels give each output
 * element to exactly one chunk, so results are the same for any number of threads. One caller
 * at a time: a training loop owns its pool.
 */
public final class Parallel implements AutoCloseable {
    /** Work on the index range [from, to). */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;
    private final List<Future<?>> pending;

    /** A pool of {@code threads} threads in all, the caller included; 1 means run everything inline. */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pending = new ArrayList<>(threads);
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "softmax4j-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Number of threads, the caller included. */
    public int threads() {
        return threads;
    }

    /** Runs {@code task} over [0, size) split into at most {@link #threads()} contiguous chunks. */
    public void forRange(int size, RangeTask task) {
        int chunks = Math.min(threads, size);
        if (chunks <= 1) {
            task.run(0, size);
            return;
        }
        pending.clear();
        for (int t = 1; t < chunks; t++) {
            int from = (int) ((long) size * t / chunks);
            int to = (int) ((long) size * (t + 1) / chunks);
            pending.add(pool.submit(() -> task.run(from, to)));
        }
        task.run(0, (int) ((long) size / chunks));
        for (Future<?> future : pending) {
            await(future);
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for worker threads", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}

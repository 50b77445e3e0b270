package io.github.softmax4j.math;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool that splits a range [0, size) into one contiguous chunk per thread and waits
 * for all of them; the calling thread runs the first chunk itself. A training step hands out two
 * such jobs per minibatch, hundreds per second, so idle workers spin briefly before they park and
 * handing out a job allocates nothing: this keeps the cost of a job to about a microsecond, where
 * an executor's futures cost tens. Kernels give each output element to exactly one chunk, so
 * results are the same for any number of threads. One caller at a time: a trainer owns its pool.
 */
public final class Parallel implements AutoCloseable {
    /** Work on the index range [from, to). */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    // how long an idle worker keeps spinning for the next job before it parks
    private static final long SPIN_NANOS = 200_000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile RangeTask task;
    private volatile int size;
    private volatile int chunks;
    private volatile long generation;
    private volatile Throwable failure;
    private volatile boolean closed;

    /** A pool of {@code threads} threads in all, the caller included; 1 means run everything inline. */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int t = 0; t < workers.length; t++) {
            int index = t + 1;
            workers[t] = new Thread(() -> work(index), "softmax4j-worker-" + index);
            workers[t].setDaemon(true);
            workers[t].start();
        }
    }

    /** Number of threads, the caller included. */
    public int threads() {
        return threads;
    }

    /** Runs {@code task} over [0, size) split into at most {@link #threads()} contiguous chunks. */
    public void forRange(int size, RangeTask task) {
        int chunkCount = Math.min(threads, size);
        if (chunkCount <= 1) {
            task.run(0, size);
            return;
        }
        this.task = task;
        this.size = size;
        this.chunks = chunkCount;
        this.failure = null;
        // every worker reports back, even one without a chunk, so none can still be reading
        // this job's fields when the next job overwrites them
        pending.set(workers.length);
        generation++;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        try {
            task.run(0, bound(size, chunkCount, 1));
        } finally {
            while (pending.get() != 0) {
                Thread.onSpinWait();
            }
        }
        Throwable failed = failure;
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
    }

    /** The chunk, 0 being the caller's, that runs {@code index} when {@link #forRange} splits [0, size). */
    public int chunkOf(int index, int size) {
        int chunkCount = Math.min(threads, size);
        int chunk = 0;
        while (index >= bound(size, chunkCount, chunk + 1)) {
            chunk++;
        }
        return chunk;
    }

    private static int bound(int size, int chunks, int chunk) {
        return (int) ((long) size * chunk / chunks);
    }

    private void work(int index) {
        long seen = 0;
        while (true) {
            long idleSince = System.nanoTime();
            long current;
            while ((current = generation) == seen) {
                if (closed) {
                    return;
                }
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = current;
            try {
                int chunkCount = chunks;
                if (index < chunkCount) {
                    task.run(bound(size, chunkCount, index), bound(size, chunkCount, index + 1));
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                pending.decrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }
}

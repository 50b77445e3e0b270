package io.github.softmax4j.math;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool that splits a range [0, size) into one contiguous chunk per thread and waits
 * for all of them; the calling thread takes part. A training step hands out two such jobs per
 * minibatch, hundreds per second, so handing out a job allocates nothing and costs about a
 * microsecond, where an executor's futures cost tens.
 *
 * <p>Each thread first claims its own chunk (chunk 0 is the caller's), so that data stays in the
 * cache of the core that wrote it, and then claims any chunk that nobody has started yet. On a
 * busy machine a worker may not get a core for milliseconds: its chunk is then done by whoever is
 * running, instead of everyone waiting for it. Waiting never holds a core for long either: an
 * idle worker, and the caller waiting for a chunk still in progress, spin for 20 microseconds
 * (longer than the gap between two jobs of a minibatch) and then park until they are woken.
 *
 * <p>Which thread runs a chunk changes nothing: kernels give each output element to exactly one
 * chunk, and the chunks depend only on the size and the thread count, so results are the same
 * for any number of threads and any timing. One caller at a time: a trainer owns its pool.
 */
public final class Parallel implements AutoCloseable {
    /** Work on the index range [from, to). */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    /**
     * The most threads a pool uses: a default minibatch has 4 blocks of 64 rows, so more threads
     * than this have nothing to do, and claims are bits of one long.
     */
    public static final int MAX_THREADS = 32;

    // how long a waiting thread spins before it parks: longer than the gap between the two jobs
    // of a minibatch, in which the caller only adds up a few numbers, and far shorter than a
    // scheduler's time slice, so a thread that waits for a descheduled one soon lets it run
    private static final long SPIN_NANOS = 20_000;
    private static final int CHUNK_BITS = 32;
    private static final long CHUNK_MASK = (1L << CHUNK_BITS) - 1;

    private final int threads;
    private final Thread[] workers;
    private volatile Thread caller;
    // the job's number in the high half, one bit per chunk claimed (or absent) in the low half
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger sleepers = new AtomicInteger();
    private volatile boolean callerParked;
    private volatile RangeTask task;
    private volatile int size;
    private volatile int chunks;
    private volatile Throwable failure;
    private volatile boolean closed;

    /**
     * A pool of {@code threads} threads in all, the one that calls {@link #forRange} included; 1
     * means run everything inline. At most {@link #MAX_THREADS} are used.
     */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = Math.min(threads, MAX_THREADS);
        this.workers = new Thread[this.threads - 1];
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
        this.caller = Thread.currentThread();
        this.task = task;
        this.size = size;
        this.chunks = chunkCount;
        this.failure = null;
        pending.set(chunkCount);
        long job = (claims.get() >>> CHUNK_BITS) + 1;
        // chunks that this job does not have count as claimed already
        claims.set(job << CHUNK_BITS | (CHUNK_MASK & -(1L << chunkCount)));
        if (sleepers.get() > 0) {
            for (Thread worker : workers) {
                LockSupport.unpark(worker);
            }
        }
        runChunks(job, 0);
        awaitChunks();
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

    /** Runs chunk {@code own} of job {@code job} if still unclaimed, then every other unclaimed chunk. */
    private void runChunks(long job, int own) {
        if (claim(job, own)) {
            runChunk(own);
        }
        for (int chunk = 0; isCurrent(job) && chunk < chunks; chunk++) {
            if (claim(job, chunk)) {
                runChunk(chunk);
            }
        }
    }

    private boolean isCurrent(long job) {
        return claims.get() >>> CHUNK_BITS == job;
    }

    /** Claims chunk {@code chunk} of job {@code job}; false if it is taken or the job is over. */
    private boolean claim(long job, int chunk) {
        long bit = 1L << chunk;
        while (true) {
            long current = claims.get();
            if (current >>> CHUNK_BITS != job || (current & bit) != 0) {
                return false;
            }
            if (claims.compareAndSet(current, current | bit)) {
                return true;
            }
        }
    }

    private void runChunk(int chunk) {
        try {
            int chunkCount = chunks;
            int length = size;
            task.run(bound(length, chunkCount, chunk), bound(length, chunkCount, chunk + 1));
        } catch (Throwable t) {
            failure = t;
        } finally {
            if (pending.decrementAndGet() == 0 && callerParked) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void awaitChunks() {
        long start = System.nanoTime();
        while (pending.get() != 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                callerParked = true;
                if (pending.get() != 0) {
                    LockSupport.park(this);
                }
                callerParked = false;
            }
        }
    }

    private void work(int index) {
        long seen = 0;
        while (true) {
            long idleSince = System.nanoTime();
            long job;
            while ((job = claims.get() >>> CHUNK_BITS) == seen) {
                if (closed) {
                    return;
                }
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    sleepers.incrementAndGet();
                    if (claims.get() >>> CHUNK_BITS == seen && !closed) {
                        LockSupport.park(this);
                    }
                    sleepers.decrementAndGet();
                }
            }
            seen = job;
            runChunks(job, index);
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

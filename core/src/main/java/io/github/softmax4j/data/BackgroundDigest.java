package io.github.softmax4j.data;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Feeds a {@link MessageDigest} on a thread of its own, in the order given, with parts of arrays
 * that the caller has finished writing, so that a file is hashed while it is still being inflated
 * (Fashion-MNIST's training images: inflating takes about twice as long as hashing).
 */
final class BackgroundDigest {
    private final MessageDigest digest;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread hashing = new Thread(runnable, "softmax4j-digest");
        hashing.setDaemon(true);
        return hashing;
    });

    BackgroundDigest(MessageDigest digest) {
        this.digest = digest;
    }

    /** Hashes {@code bytes[offset, offset + length)} after every part given before; the caller no longer writes them. */
    void update(byte[] bytes, int offset, int length) {
        thread.execute(() -> digest.update(bytes, offset, length));
    }

    /** Waits until every part given has been hashed; the digest may then be read on this thread. */
    void finish() throws InterruptedIOException {
        thread.shutdown();
        try {
            thread.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
    }
}

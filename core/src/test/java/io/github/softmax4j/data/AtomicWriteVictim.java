package io.github.softmax4j.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A process for {@link AtomicFilesTest} to kill: rewrites one 8 MB file over and over through
 * {@link AtomicFiles}, each version filled with its own byte, until it is killed. Prints a line
 * after each complete version, so that the test knows when writes are under way.
 *
 * <p>Each chunk is followed by a millisecond's pause. Without it most of a version's time is
 * spent in the final rename, where the file system flushes the new data: a kill arriving then
 * takes effect only once the rename is done, so it would almost never find a temporary file.
 */
public final class AtomicWriteVictim {
    static final int SIZE = 8 << 20;

    private AtomicWriteVictim() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        byte[] chunk = new byte[256 << 10];
        for (int version = 0; ; version++) {
            Arrays.fill(chunk, (byte) version);
            AtomicFiles.write(target, out -> {
                for (int written = 0; written < SIZE; written += chunk.length) {
                    out.write(chunk);
                    pause();
                }
            });
            System.out.println("version " + version);
            System.out.flush();
        }
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }
}

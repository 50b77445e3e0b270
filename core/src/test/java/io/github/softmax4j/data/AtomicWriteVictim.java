package io.github.softmax4j.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A process for {@link AtomicFilesTest} to kill: rewrites one 32 MB file over and over through
 * {@link AtomicFiles}, each version filled with its own byte, until it is killed.
 */
public final class AtomicWriteVictim {
    static final int SIZE = 32 << 20;

    private AtomicWriteVictim() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        byte[] chunk = new byte[1 << 20];
        for (int version = 0; ; version++) {
            Arrays.fill(chunk, (byte) version);
            AtomicFiles.write(target, out -> {
                for (int written = 0; written < SIZE; written += chunk.length) {
                    out.write(chunk);
                }
            });
        }
    }
}

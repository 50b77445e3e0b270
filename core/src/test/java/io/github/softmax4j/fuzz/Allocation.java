package io.github.softmax4j.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** What the fuzz tests measure: bytes a reader allocates on this thread, against its input's size. */
public final class Allocation {
    /** A reader under test: it may throw only the checked exception it documents. */
    @FunctionalInterface
    public interface Reader {
        Object read() throws IOException;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int SLACK = 1 << 20;

    private Allocation() {
    }

    /** A temporary file for one fuzz target's inputs, deleted when the JVM exits. */
    public static Path scratchFile(String name) {
        try {
            Path file = Files.createTempFile(name, ".bin");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The most a reader may allocate for {@code input}: 8 times what the file holds (the bytes, or
     * for gzip the inflated bytes), 64 times its size for a first buffer sized from the gzip trailer,
     * and 1 MiB for fixed costs.
     */
    public static long limitFor(byte[] input) {
        return 8 * contentLength(input) + 64L * input.length + SLACK;
    }

    /**
     * Runs {@code reader} twice, accepting only the {@code documented} exception (any other one
     * escapes and fails the test), and fails if the second run allocated over {@code limit} (the
     * first one pays for loading classes, once per JVM).
     */
    public static void check(long limit, Class<? extends IOException> documented, Reader reader) throws IOException {
        run(reader, documented);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        run(reader, documented);
        long used = THREADS.getCurrentThreadAllocatedBytes() - before;
        if (used > limit) {
            throw new AssertionError("allocated " + used + " bytes for an input allowed " + limit);
        }
    }

    private static void run(Reader reader, Class<? extends IOException> documented) throws IOException {
        try {
            reader.read();
        } catch (IOException rejected) {
            if (!documented.isInstance(rejected)) {
                throw rejected;
            }
        }
    }

    private static long contentLength(byte[] input) {
        if (input.length < 2 || (input[0] & 0xFF) != 0x1f || (input[1] & 0xFF) != 0x8b) {
            return input.length;
        }
        long inflated = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input))) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                inflated += n;
            }
        } catch (IOException damaged) {
            // count what came out before the damage
        }
        return Math.max(inflated, input.length);
    }
}

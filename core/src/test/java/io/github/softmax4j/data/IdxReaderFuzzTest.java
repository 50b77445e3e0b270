package io.github.softmax4j.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.softmax4j.fuzz.Allocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the IDX reader (Jazzer). Whatever the bytes, the reader returns or
 * throws {@link IdxFormatException}, nothing else, and allocates no more than a small multiple of
 * what the file holds (its decompressed contents, for gzip). In the normal test run only the saved
 * inputs under IdxReaderFuzzTestInputs run; the surefire execution "fuzz" fuzzes for real.
 */
class IdxReaderFuzzTest {
    private static final Path FILE = Allocation.scratchFile("idx-fuzz");

    @FuzzTest(maxDuration = "15s")
    void readsOrRejectsWithinBoundedMemory(byte[] input) throws IOException {
        fuzzerTestOneInput(input);
    }

    /** The same target for Jazzer's command line, for long runs: see the README. */
    public static void fuzzerTestOneInput(byte[] input) throws IOException {
        Files.write(FILE, input);
        long limit = Allocation.limitFor(input);
        Allocation.check(limit, IdxFormatException.class, () -> IdxReader.readImages(FILE, 28, 28));
        Allocation.check(limit, IdxFormatException.class, () -> IdxReader.readLabels(FILE, 10));
    }
}

package io.github.softmax4j.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.softmax4j.fuzz.Allocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the model file reader (Jazzer): any bytes give a model or a
 * {@link ModelFormatException}, never another exception, and never an allocation beyond a small
 * multiple of the file's size.
 */
class ModelFileFuzzTest {
    private static final Path FILE = Allocation.scratchFile("model-fuzz");

    @FuzzTest(maxDuration = "15s")
    void loadsOrRejectsWithinBoundedMemory(byte[] input) throws IOException {
        fuzzerTestOneInput(input);
    }

    /** The same target for Jazzer's command line, for long runs: see the README. */
    public static void fuzzerTestOneInput(byte[] input) throws IOException {
        Files.write(FILE, input);
        Allocation.check(Allocation.limitFor(input), ModelFormatException.class, () -> ModelFile.load(FILE));
    }
}

package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmax4j.data.RealData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A model trained once per test JVM (1 epoch with the defaults) for the tests that use a model. */
final class TrainedModel {
    private static Path runDir;

    private TrainedModel() {
    }

    /** The run folder of that training: model.safetensors, metrics.json and the rest. */
    static synchronized Path runDir() {
        if (runDir == null) {
            try {
                Path dir = Files.createTempDirectory("softmax4j-model").resolve("run");
                CliRun run = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--epochs", "1",
                        "--out", dir.toString());
                assertEquals(0, run.exitCode(), run.err());
                runDir = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return runDir;
    }

    /** Its model file. */
    static Path model() {
        return runDir().resolve("model.safetensors");
    }
}

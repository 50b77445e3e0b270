package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmax4j.data.RealData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A model trained once per test JVM (1 epoch with the defaults) for the tests that use a model. */
final class TrainedModel {
    private static Path runDir;

    private TrainedModel() {
    }

    /** The run folder of that training: model.safetensors, metrics.json and the rest. */
    static synchronized Path runDir() {
        if (runDir == null) {
            try {
                Path temporary = Files.createTempDirectory("softmax4j-model");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(temporary)));
                Path dir = temporary.resolve("run");
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

    // the run folder is about 1 MB; each test JVM removes its own when it ends
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its model file. */
    static Path model() {
        return runDir().resolve("model.safetensors");
    }
}

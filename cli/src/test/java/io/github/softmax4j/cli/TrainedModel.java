package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmax4j.data.RealData;
import io.github.softmax4j.experiment.RunLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** A copy of the run folder (without its lock) as {@code dir}/run, for a test to resume or spoil. */
    static Path copyOfRun(Path dir) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("run"));
        try (var files = Files.list(runDir())) {
            for (Path file : files.filter(f -> !f.endsWith(RunLock.FILE_NAME)).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return copy;
    }

    /**
     * Runs {@code command}, its words split at spaces, with OUT as {@code out}, MODEL as the model,
     * RUN as the run folder and DATA as the data set's folder.
     */
    static CliRun run(String command, Path out) {
        List<String> args = new ArrayList<>();
        for (String word : command.split(" ")) {
            args.add(switch (word) {
                case "OUT" -> out.toString();
                case "MODEL" -> model().toString();
                case "RUN" -> runDir().toString();
                case "DATA" -> RealData.dir().toString();
                default -> word;
            });
        }
        return CliRun.of(args.toArray(String[]::new));
    }
}

package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.MetricsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a training process with SIGKILL at many moments, resumes it each time, and checks that
 * every file left in the run folder is complete and that the resumed run ends with the model and
 * metrics of an uninterrupted run, bit for bit.
 */
@Tag("integration")
class ResumeAfterKillTest {
    private static final int KILLS = 12;
    private static final String EPOCHS = "6";

    @TempDir
    Path dir;

    private static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Softmax4jCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int finish(Process process) throws InterruptedException {
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run finished");
        return process.exitValue();
    }

    /** Every file but a writer's temporary leftovers must be whole: parse or decode each one. */
    private static void assertNothingPartial(Path runDir) throws IOException {
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".part")) {
                    continue;
                }
                if (name.endsWith(".json")) {
                    new ObjectMapper().readTree(file.toFile());
                } else if (name.equals(Checkpoint.FILE_NAME)) {
                    Checkpoint.load(runDir);
                } else if (name.endsWith(".safetensors")) {
                    ModelFile.load(file);
                } else if (name.endsWith(".png")) {
                    assertNotNull(ImageIO.read(file.toFile()), name);
                } else if (name.endsWith(".csv")) {
                    List<String> lines = Files.readAllLines(file);
                    assertTrue(lines.stream().allMatch(line -> line.split(",", -1).length
                            == MetricsFiles.COLUMNS.size()), name);
                } else if (name.endsWith(".svg") || name.endsWith(".html")) {
                    String text = Files.readString(file).trim();
                    assertTrue(text.endsWith("</svg>") || text.endsWith("</html>"), name);
                }
            }
        }
    }

    private static List<String> figures(Path runDir) throws IOException {
        List<String> rows = new ArrayList<>();
        for (JsonNode epoch : new ObjectMapper().readTree(runDir.resolve("metrics.json").toFile()).get("epochs")) {
            rows.add(epoch.get("epoch") + " " + epoch.get("train_loss") + " " + epoch.get("train_acc") + " "
                    + epoch.get("test_acc"));
        }
        return rows;
    }

    @Test
    void aRunKilledAnywhereResumesToTheSameBits() throws IOException, InterruptedException {
        String data = RealData.dir().toString();
        Path reference = dir.resolve("reference");
        long started = System.nanoTime();
        assertEquals(0, finish(start(dir.resolve("reference.log"), "train", "--data-dir", data, "--epochs", EPOCHS,
                "--out", reference.toString())));
        long runMillis = (System.nanoTime() - started) / 1_000_000;

        Random random = new Random(17);
        for (int kill = 0; kill < KILLS; kill++) {
            Path runDir = dir.resolve("run-" + kill);
            Path log = dir.resolve("run-" + kill + ".log");
            Process process = start(log, "train", "--data-dir", data, "--epochs", EPOCHS, "--out", runDir.toString());
            // spread the kills over the whole run, from JVM start to the last pictures
            long at = runMillis * kill / KILLS + random.nextInt((int) Math.max(1, runMillis / KILLS));
            if (!process.waitFor(at, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            int exit;
            if (Files.isRegularFile(runDir.resolve(Checkpoint.FILE_NAME))) {
                assertNothingPartial(runDir);
                exit = finish(start(log, "train", "--data-dir", data, "--resume", runDir.toString()));
            } else {
                // killed before the first checkpoint was in place: there is nothing to resume, so
                // start again, as a user would, in a fresh folder
                runDir = dir.resolve("run-" + kill + "-again");
                exit = finish(start(log, "train", "--data-dir", data, "--epochs", EPOCHS, "--out", runDir.toString()));
            }
            assertEquals(0, exit, "kill " + kill + " at " + at + " ms: " + Files.readString(log));
            assertNothingPartial(runDir);
            assertArrayEquals(Files.readAllBytes(reference.resolve("model.safetensors")),
                    Files.readAllBytes(runDir.resolve("model.safetensors")), "kill " + kill + " at " + at + " ms");
            assertEquals(figures(reference), figures(runDir), "kill " + kill + " at " + at + " ms");
            try (Stream<Path> files = Files.list(runDir)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no leftovers");
            }
        }
    }
}

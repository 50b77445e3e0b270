package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops training processes at chosen moments, each one observed to come after a checkpoint: SIGKILL
 * mid-epoch and while the pictures are drawn, Ctrl-C (SIGINT) mid-run and after the last epoch, and SIGTERM,
 * for a run and a sweep. Every file left in the
 * run folder must be complete, the checkpoint must hold the epochs seen before the stop, and the
 * resumed run must end with the model and metrics of an uninterrupted run, bit for bit. While a run
 * trains, a second writer of its folder is refused.
 */
@Tag("integration")
class ResumeAfterKillTest {
    private static final String EPOCHS = "3";
    // 10,000 images train, so an epoch is short; the other 50,000 are the validation split
    private static final String VALIDATION = "50000";
    // runs that are stopped long before their end
    private static final String LONG = "1000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Path reference;

    private static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Softmax4jCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Process train(Path runDir) throws IOException {
        return train(runDir, EPOCHS);
    }

    private static Process train(Path runDir, String epochs) throws IOException {
        return start(dir.resolve(runDir.getFileName() + ".log"), "train", "--data-dir", RealData.dir().toString(),
                "--epochs", epochs, "--validation", VALIDATION, "--out", runDir.toString());
    }

    private static int resume(Path runDir) throws IOException, InterruptedException {
        Path log = dir.resolve(runDir.getFileName() + "-resumed.log");
        int exit = finish(start(log, "train", "--data-dir", RealData.dir().toString(), "--resume", runDir.toString()));
        assertEquals(0, exit, Files.readString(log));
        return exit;
    }

    private static int finish(Process process) throws InterruptedException {
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run finished");
        return process.exitValue();
    }

    /** Waits until the run's metrics.json shows {@code epochs} epochs (and {@code status}, if given). */
    private static void await(Process process, Path runDir, int epochs, String status) throws InterruptedException {
        while (true) {
            assertTrue(process.isAlive(), "the run ended before epoch " + epochs);
            try {
                JsonNode metrics = JSON.readTree(runDir.resolve(MetricsFiles.JSON_FILE).toFile());
                if (metrics.get("epochs").size() >= epochs && (status == null
                        || status.equals(metrics.get("status").asText()))) {
                    return;
                }
            } catch (IOException notYetWritten) {
                // the run has not written its first metrics yet
            }
            Thread.sleep(10);
        }
    }

    /** Every file but a writer's temporary leftovers must be whole: parse or decode each one. */
    private static void assertNothingPartial(Path runDir) throws IOException {
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (name.endsWith(".json")) {
                    JSON.readTree(file.toFile());
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
        JsonNode metrics = JSON.readTree(runDir.resolve(MetricsFiles.JSON_FILE).toFile());
        for (JsonNode epoch : metrics.get("epochs")) {
            rows.add(epoch.get("epoch") + " " + epoch.get("train_loss") + " " + epoch.get("train_acc") + " "
                    + epoch.get("val_loss") + " " + epoch.get("val_acc"));
        }
        rows.add("selected " + metrics.path("selected"));
        return rows;
    }

    private static void assertSameAsUninterrupted(Path runDir) throws IOException {
        assertNothingPartial(runDir);
        assertArrayEquals(Files.readAllBytes(reference.resolve("model.safetensors")),
                Files.readAllBytes(runDir.resolve("model.safetensors")), runDir.toString());
        assertEquals(figures(reference), figures(runDir), runDir.toString());
        try (Stream<Path> files = Files.list(runDir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no leftovers");
        }
    }

    @BeforeAll
    static void trainWithoutInterruption() throws IOException, InterruptedException {
        reference = dir.resolve("reference");
        assertEquals(0, finish(train(reference)));
    }

    @Test
    void aRunKilledMidEpochResumesToTheSameBits() throws IOException, InterruptedException {
        Path runDir = dir.resolve("killed-mid-epoch");
        Process process = train(runDir);
        await(process, runDir, 1, null);
        process.destroyForcibly();
        process.waitFor();
        assertNothingPartial(runDir);
        int kept = Checkpoint.load(runDir).history().size();
        assertTrue(kept >= 1 && kept < Integer.parseInt(EPOCHS), "the kill landed after epoch 1 and before the end: "
                + kept);
        resume(runDir);
        assertSameAsUninterrupted(runDir);
    }

    @Test
    void aRunKilledWhileDrawingResumesToTheSameBits() throws IOException, InterruptedException {
        Path runDir = dir.resolve("killed-while-drawing");
        Process process = train(runDir);
        await(process, runDir, Integer.parseInt(EPOCHS), null);
        while (!Files.isRegularFile(runDir.resolve("model.safetensors"))) {
            assertTrue(process.isAlive(), "the run ended before its model was saved");
            Thread.sleep(10);
        }
        process.destroyForcibly();
        process.waitFor();
        assertNothingPartial(runDir);
        // the run is marked finished only once its report is written, so the resume draws the pictures again
        assertEquals("running", JSON.readTree(runDir.resolve(MetricsFiles.JSON_FILE).toFile()).get("status").asText());
        resume(runDir);
        assertEquals("finished", JSON.readTree(runDir.resolve(MetricsFiles.JSON_FILE).toFile()).get("status").asText());
        assertTrue(Files.isRegularFile(runDir.resolve("report.html")));
        assertSameAsUninterrupted(runDir);
    }

    /** Ctrl-C after the first epoch: the line, exit code 130 and a resumable folder, locked until then. */
    @Test
    void ctrlCStopsAfterTheEpochInProgressAndSaysHowToContinue() throws IOException, InterruptedException {
        Path runDir = dir.resolve("ctrl-c");
        Process process = train(runDir, LONG);
        await(process, runDir, 1, null);

        CliRun second = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--resume", runDir.toString());
        assertEquals(1, second.exitCode(), second.err());
        assertEquals("softmax4j train: " + runDir + " is in use by softmax4j process " + process.pid()
                + "; wait for it to end, or stop it and resume again", second.err().strip());

        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor());
        assertInterrupted(process, 130, runDir);
    }

    /** Ctrl-C after the last epoch, while the pictures are drawn: the run completes and says it is. */
    @Test
    void ctrlCAsTheRunFinishesLetsItCompleteAndSaysSo() throws IOException, InterruptedException {
        Path runDir = dir.resolve("ctrl-c-at-the-end");
        Process process = train(runDir);
        await(process, runDir, Integer.parseInt(EPOCHS), null);
        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor());
        assertEquals(130, finish(process));
        String log = Files.readString(dir.resolve(runDir.getFileName() + ".log"));
        assertTrue(log.strip().endsWith("softmax4j train: stopped as the run finished; it is complete, nothing to "
                + "continue: " + runDir), log);
        assertEquals("finished", JSON.readTree(runDir.resolve(MetricsFiles.JSON_FILE).toFile()).get("status").asText());
        assertSameAsUninterrupted(runDir);
    }

    @Test
    void sigtermStopsAfterTheEpochInProgressAndSaysHowToContinue() throws IOException, InterruptedException {
        Path runDir = dir.resolve("sigterm");
        Process process = train(runDir, LONG);
        await(process, runDir, 1, null);
        process.destroy();
        assertInterrupted(process, 143, runDir);
    }

    private static void assertInterrupted(Process process, int exit, Path runDir)
            throws IOException, InterruptedException {
        assertEquals(exit, finish(process));
        String log = Files.readString(dir.resolve(runDir.getFileName() + ".log"));
        int kept = Checkpoint.load(runDir).history().size();
        assertTrue(kept >= 1, "stopped after a checkpoint");
        assertTrue(log.strip().endsWith("softmax4j train: interrupted after epoch " + kept + " of " + LONG
                + "; continue with softmax4j train --resume " + runDir), log);
        assertFalse(log.contains("Exception"), log);
        assertEquals("interrupted", JSON.readTree(runDir.resolve(MetricsFiles.JSON_FILE).toFile()).get("status").asText());
        assertEquals(kept, JSON.readTree(runDir.resolve(MetricsFiles.JSON_FILE).toFile()).get("epochs").size());
        assertNothingPartial(runDir);
    }

    @Test
    void aSweepStoppedBySigtermSaysHowToResumeIt() throws IOException, InterruptedException {
        Path sweepDir = dir.resolve("sweep");
        Path log = dir.resolve("sweep.log");
        Process process = start(log, "sweep", "--data-dir", RealData.dir().toString(), "--lr", "0.1,0.2",
                "--epochs", LONG, "--validation", VALIDATION, "--side-by-side", "1", "--out", sweepDir.toString());
        Path firstRun;
        while (true) {
            assertTrue(process.isAlive(), Files.readString(log));
            try (Stream<Path> runs = Files.list(sweepDir)) {
                firstRun = runs.filter(Files::isDirectory).findFirst().orElse(null);
            } catch (IOException notYetCreated) {
                firstRun = null;
            }
            if (firstRun != null) {
                break;
            }
            Thread.sleep(10);
        }
        await(process, firstRun, 1, null);
        process.destroy();
        assertEquals(143, finish(process));
        String printed = Files.readString(log);
        assertTrue(printed.strip().endsWith("softmax4j sweep: interrupted with 0 of 2 runs finished (those in "
                + "progress stopped after an epoch); continue with softmax4j sweep --resume " + sweepDir), printed);
        assertEquals("interrupted", JSON.readTree(firstRun.resolve(MetricsFiles.JSON_FILE).toFile()).get("status")
                .asText());
        assertTrue(Checkpoint.load(firstRun).history().size() >= 1);
    }

    @Test
    void compareWaitsForARunStillTrainingAndSuggestsResumingItOnceItIsKilled() throws IOException, InterruptedException {
        Path runDir = dir.resolve("compared-while-training");
        Process process = train(runDir, LONG);
        await(process, runDir, 1, "running");
        String page = dir.resolve("compared.html").toString();
        CliRun training = CliRun.of("compare", runDir.toString(), "--out", page);
        assertEquals(1, training.exitCode(), training.err());
        assertEquals("left out, not finished: compared-while-training (running); wait for it to finish",
                training.out().strip());
        assertEquals("softmax4j compare: no finished run in " + runDir + ", only runs not finished (left out above); "
                + "wait for it to finish, or give folders that hold a finished run", training.err().strip());
        process.destroyForcibly();
        process.waitFor();
        CliRun killed = CliRun.of("compare", runDir.toString(), "--out", page);
        assertEquals("left out, not finished: compared-while-training (interrupted); continue with softmax4j train "
                + "--resume " + runDir, killed.out().strip());
        assertTrue(killed.err().contains("; continue with softmax4j train --resume " + runDir + ", "), killed.err());
    }
}

package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.experiment.LockProcess;
import io.github.softmax4j.experiment.RunLock;
import io.github.softmax4j.experiment.SweepFiles;
import io.github.softmax4j.experiment.SweepGrid;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.LearningRateSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

class OutputFolderTest {
    @TempDir
    Path root;

    @Test
    void defaultFoldersChosenAtOnceAreEachTheirOwnAndAlreadyExist() {
        Set<Path> chosen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Path dir = OutputFolder.choose(null, null, null, root.toString()).dir();
            assertTrue(Files.isDirectory(dir), dir + " is claimed by creating it");
            chosen.add(dir);
        }
        assertEquals(3, chosen.size(), chosen.toString());
    }

    @Test
    void aChosenFolderLeftEmptyIsRemovedAndOneWithFilesIsKept() throws IOException {
        Path empty = OutputFolder.choose(null, null, null, root.toString()).dir();
        Path used = OutputFolder.choose(null, null, null, root.toString()).dir();
        Files.writeString(used.resolve("metrics.json"), "{}");
        Path locked = OutputFolder.choose(null, null, null, root.toString()).dir();
        Files.writeString(locked.resolve(".lock"), "123\n");
        OutputFolder.removeIfEmpty(locked);
        assertFalse(Files.exists(locked), "a folder holding only its released lock file is left empty");
        OutputFolder.removeIfEmpty(empty);
        OutputFolder.removeIfEmpty(used);
        assertFalse(Files.exists(empty));
        assertTrue(Files.isRegularFile(used.resolve("metrics.json")));
    }

    @Test
    void anOutFolderHoldingOnlyTheLockFileOfARunThatWroteNothingIsTakenAgain() throws IOException {
        Path out = Files.createDirectories(root.resolve("stopped-at-once"));
        Files.writeString(out.resolve(".lock"), "123\n");
        CommandSpec train = Softmax4jCli.commandLine().getSubcommands().get("train").getCommandSpec();
        assertEquals(out, OutputFolder.choose(train, null, out, "runs").dir());
        Files.writeString(out.resolve("metrics.json"), "{}");
        assertThrows(ParameterException.class, () -> OutputFolder.choose(train, null, out, "runs"));
    }

    private static final String NO_FILES = "softmax4j train: empty (from --data-dir) does not hold the Fashion-MNIST "
            + "files train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz "
            + "t10k-labels-idx1-ubyte.gz; point --data-dir at the folder that holds them";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "runs|train --batch-size 60001|2|softmax4j train: --batch-size must be at most the 60000 images that train the model, got 60001",
        "runs|train --data-dir empty|1|",
        "sweeps|sweep --batch-size 60000 --epochs 1|2|softmax4j sweep: --batch-size must be at most the 50000 images that train the model, got 60000",
    })
    void aFailedCommandWithoutOutLeavesNoFolderBehind(String folder, String command, int exitCode, String message)
            throws IOException {
        Files.createDirectories(root.resolve("empty"));
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        if (!command.contains("--data-dir")) {
            args.addAll(List.of("--data-dir", RealData.dir().toString()));
        }
        CliRun run = OwnJvm.run(root, args.toArray(String[]::new));
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(message == null ? NO_FILES : message, firstLine(run), run.err());
        assertFalse(Files.exists(root.resolve(folder)), folder + " is left behind: " + run.err());
    }

    // the first line the command wrote: a JVM without the SIMD module logs a warning of two lines before it
    private static String firstLine(CliRun run) {
        List<String> lines = run.err().lines().toList();
        int first = lines.size() > 1 && lines.get(1).startsWith("WARNING: softmax4j: the JVM lacks") ? 2 : 0;
        return lines.size() > first ? lines.get(first) : "";
    }

    @Test
    void aRootThatExistedBeforeIsKeptEmpty() throws IOException {
        Files.createDirectories(root.resolve("runs"));
        Files.createDirectories(root.resolve("empty"));
        CliRun run = OwnJvm.run(root, "train", "--data-dir", "empty");
        assertEquals(1, run.exitCode(), run.err());
        try (var entries = Files.list(root.resolve("runs"))) {
            assertEquals(0, entries.count());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "sweep"})
    void anOutFolderInUseIsRefusedBeforeTheDataIsRead(String command) throws IOException {
        Path busy = root.resolve("busy");
        try (RunLock training = RunLock.acquire(busy)) {
            CliRun run = OwnJvm.run(root, command, "--out", busy.toString(), "--epochs", "1", "--data-dir",
                    RealData.dir().toString());
            assertEquals(1, run.exitCode(), run.err());
            // the last line: a JVM without the SIMD module warns of it first
            List<String> lines = run.err().lines().toList();
            assertEquals("softmax4j " + command + ": " + busy + " is in use by softmax4j process "
                    + ProcessHandle.current().pid() + "; wait for it to end or stop it, or choose another folder",
                    lines.get(lines.size() - 1), run.err());
            assertEquals("", run.out(), "no data: line, nor any other, before the refusal");
            assertTrue(Files.isRegularFile(busy.resolve(RunLock.FILE_NAME)), "the folder in use is left as it was");
        }
    }

    /** A resume needs its own folder: the refusal says to wait for the other command or stop it, not to go elsewhere. */
    @ParameterizedTest
    @ValueSource(strings = {"train", "sweep"})
    void resumingAFolderInUseSaysToWaitForTheOtherCommandOrStopIt(String command) throws IOException,
            InterruptedException {
        Path busy = root.resolve("busy");
        if (command.equals("train")) {
            Files.createDirectories(busy);
            Files.write(busy.resolve(Checkpoint.FILE_NAME), new byte[0]);
        } else {
            SweepFiles.write(busy, new SweepGrid(List.of(0.1f), List.of(256), List.of(0f), List.of(0f),
                    List.of(new LearningRateSchedule.Constant()), List.of(PixelScaling.UNIT), List.of(0.01f), 1, 1,
                    10000, 0), List.of(), List.of(), null);
        }
        Process other = LockProcess.start("hold", busy.toString());
        try {
            assertEquals("held", LockProcess.firstLine(other));
            CliRun run = CliRun.of(command, "--resume", busy.toString(), "--data-dir", RealData.dir().toString());
            assertEquals(1, run.exitCode(), run.err());
            assertEquals("softmax4j " + command + ": " + busy + " is in use by softmax4j process " + other.pid()
                    + "; wait for it to end, or stop it and resume again", run.err().strip());
        } finally {
            other.getOutputStream().close();
            other.waitFor();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "sweep"})
    void aCommandRefusedAtOnceStartsNoKernelWarmUp(String command) throws IOException {
        Path busy = root.resolve("busy");
        try (RunLock training = RunLock.acquire(busy)) {
            // those of commands that ended earlier in this JVM, if any are still running, do not count
            Set<Thread> before = warmUps();
            CliRun run = CliRun.of(command, "--out", busy.toString(), "--epochs", "1", "--data-dir",
                    RealData.dir().toString());
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("softmax4j " + command + ": " + busy + " is in use by softmax4j process "),
                    run.err());
            Set<Thread> started = warmUps();
            started.removeAll(before);
            assertEquals(Set.of(), started, "a refused command leaves a warm-up thread running");
        }
    }

    private static Set<Thread> warmUps() {
        Set<Thread> warmUps = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("warm-up")) {
                warmUps.add(thread);
            }
        }
        return warmUps;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train --batch-size 60001|made/above/out|2|softmax4j train: --batch-size must be at most the 60000 images that train the model, got 60001",
        "train --data-dir empty|made/above/out|1|",
        "sweep --batch-size 60000 --epochs 1|made/above/out|2|softmax4j sweep: --batch-size must be at most the 50000 images that train the model, got 60000",
        "train --batch-size 60001|made/x/y/../z|2|softmax4j train: --batch-size must be at most the 60000 images that train the model, got 60001",
        "sweep --batch-size 60000 --epochs 1|made/x/y/../z|2|softmax4j sweep: --batch-size must be at most the 50000 images that train the model, got 60000",
    })
    void aNewOutFolderOfACommandThatFailedBeforeWritingIsRemovedWithTheFoldersMadeAboveIt(String command, String out,
            int exitCode, String message) throws IOException {
        Files.createDirectories(root.resolve("empty"));
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--out", out));
        if (!command.contains("--data-dir")) {
            args.addAll(List.of("--data-dir", RealData.dir().toString()));
        }
        CliRun run = OwnJvm.run(root, args.toArray(String[]::new));
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(message == null ? NO_FILES : message, firstLine(run), run.err());
        assertFalse(Files.exists(root.resolve("made")), "left behind: " + run.err());
    }

    @Test
    void anOutWithDotDotIsTheFolderItNames() throws IOException {
        Path out = root.resolve("made/x/y/../z");
        CliRun run = CliRun.of("train", "--out", out.toString(), "--epochs", "1", "--batch-size", "1024",
                "--data-dir", RealData.dir().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(root.resolve("made/x/z/model.safetensors")), run.out());
        assertFalse(Files.exists(root.resolve("made/x/y")), "no folder y is made on the way");
        assertTrue(run.out().contains("model:   " + root.resolve("made/x/z/model.safetensors")), run.out());
    }
}

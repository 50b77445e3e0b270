package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A folder an output goes into that cannot be written is found before any work, the path named as
 * the user wrote it or as softmax4j prints it: the default runs/ and sweeps/, and the folder of a
 * file option.
 */
class UnwritableOutputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"train, runs", "sweep, sweeps"})
    void anUnwritableDefaultFolderIsFoundBeforeTheDataIsRead(String command, String folder) throws IOException {
        Path readOnly = Files.createDirectories(dir.resolve(folder));
        CliRun run = Unwritable.run(dir, readOnly, command, "--epochs", "1", "--data-dir", RealData.dir().toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j " + command + ": no folder can be created in " + folder + "/: " + folder + " is not a "
                + "writable folder; run softmax4j from a folder you can write, or give --out DIR",
                run.err().lines().findFirst().orElseThrow(), run.err());
        assertFalse(run.out().contains("data:"), "found before the data is read: " + run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train --epochs 1|no folder can be created in runs/: the current folder /proc is not a writable folder (nothing can be "
            + "created in it); run softmax4j from a folder you can write, or give --out DIR",
        "sweep --epochs 1|no folder can be created in sweeps/: the current folder /proc is not a writable folder (nothing can be "
            + "created in it); run softmax4j from a folder you can write, or give --out DIR",
        "show --count 2|fashion-mnist-train.png, the default --out, cannot be created: /proc is not a writable folder (nothing "
            + "can be created in it); run softmax4j from a folder you can write, or give --out FILE",
    })
    void aDefaultOutputWhereNothingCanBeCreatedIsFoundByTryingBeforeTheDataIsRead(String command, String message) {
        // root may write /proc by its access rights, yet nothing can be created there
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--data-dir", RealData.dir().toString()));
        CliRun run = OwnJvm.run(Path.of("/proc"), args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j " + args.get(0) + ": " + message, run.err().lines().findFirst().orElseThrow(), run.err());
        assertFalse(run.out().contains("data:"), "found before the data is read: " + run.out());
    }

    @Test
    void compareSaysItsDefaultPageCannotBeCreatedWithAdviceForAnOptionNotGiven() {
        CliRun run = OwnJvm.run(Path.of("/proc"), "compare", TrainedModel.runDir().toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j compare: comparison.html, the default --out, cannot be created: /proc is not a "
                + "writable folder (nothing can be created in it); run softmax4j from a folder you can write, or give "
                + "--out FILE", run.err().lines().findFirst().orElseThrow(), run.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "compare|ro/c.html",
        "show|ro/grid.png",
    })
    void aFileOptionInAnUnwritableFolderIsNamedAsGiven(String command, String name) throws IOException {
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        Path runs = Files.createDirectories(dir.resolve("runs"));
        copyTree(TrainedModel.runDir(), runs.resolve("a"));
        String[] args = command.equals("compare") ? new String[] {"compare", runs.toString(), "--out", name}
                : new String[] {"show", "--out", name, "--data-dir", RealData.dir().toString()};
        CliRun run = Unwritable.run(dir, readOnly, args);
        assertEquals(2, run.exitCode(), run.err());
        String line = run.err().lines().findFirst().orElseThrow();
        assertEquals("softmax4j " + command + ": --out " + name + " cannot be created: ro is not a writable folder; "
                + "choose another folder", line);
        assertTrue(run.out().isEmpty(), run.out());
    }

    @ParameterizedTest
    @CsvSource({"train, ro/run", "sweep, ro/sweep", "train, ro"})
    void anUnwritableOutFolderIsNamedAsGivenAndSaysWhatToDo(String command, String name) throws IOException {
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        CliRun run = Unwritable.run(dir, readOnly, command, "--epochs", "1", "--out", name, "--data-dir",
                RealData.dir().toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j " + command + ": --out " + name + (name.equals("ro") ? " is not a writable folder"
                : " cannot be created: ro is not a writable folder") + "; choose another folder",
                run.err().lines().findFirst().orElseThrow(), run.err());
        assertTrue(run.out().isEmpty(), "found before the data is read: " + run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ro/inputs", "ro"})
    void anUnwritableSaveInputFolderIsFoundBeforeTheDataIsRead(String name) throws IOException {
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        CliRun run = Unwritable.run(dir, readOnly, "predict", TrainedModel.model().toString(), "--test-index", "0",
                "--save-input", name, "--data-dir", RealData.dir().toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j predict: --save-input " + name + (name.equals("ro") ? " is not a writable folder"
                : " cannot be created: ro is not a writable folder") + "; choose another folder",
                run.err().lines().findFirst().orElseThrow(), run.err());
        assertTrue(run.out().isEmpty(), "found before the data is read: " + run.out());
    }

    @Test
    void aWritableOutFolderInAnUnwritableFolderIsUsed() throws IOException {
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        Path out = Files.createDirectories(readOnly.resolve("out"));
        CliRun run = Unwritable.runWithWritableInside(dir, readOnly, out, "train", "--epochs", "1", "--out", "ro/out",
                "--data-dir", RealData.dir().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(out.resolve("model.safetensors")), run.out());
        assertEquals(List.of(out), list(readOnly));
    }

    @Test
    void aWritableSaveInputFolderInAnUnwritableFolderIsUsed() throws IOException {
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        Path inputs = Files.createDirectories(readOnly.resolve("inputs"));
        CliRun run = Unwritable.runWithWritableInside(dir, readOnly, inputs, "predict",
                TrainedModel.model().toString(), "--test-index", "0", "--save-input", "ro/inputs", "--data-dir",
                RealData.dir().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, list(inputs).size(), run.out());
        assertEquals(List.of(inputs), list(readOnly));
    }

    @Test
    void theDefaultPictureOfShowInAnUnwritableFolderIsFoundBeforeTheDataIsRead() throws IOException {
        Path readOnly = Files.createDirectories(dir.resolve("ro"));
        CliRun run = Unwritable.run(readOnly, readOnly, "show", "--data-dir", RealData.dir().toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j show: fashion-mnist-train.png, the default --out, cannot be created: " + readOnly
                + " is not a writable folder; run softmax4j from a folder you can write, or give --out FILE",
                run.err().lines().findFirst().orElseThrow(), run.err());
        assertTrue(run.out().isEmpty(), "found before the data is read: " + run.out());
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }

    // compare reaches its writing only with a finished run to rank
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }
}

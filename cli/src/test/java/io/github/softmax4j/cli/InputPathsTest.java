package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command tells a path it reads that is missing, or of the wrong kind, the same way: a bad
 * option naming the option or parameter and the path, "does not exist" or what it is instead,
 * and what to give.
 */
class InputPathsTest {
    @TempDir
    Path dir;

    // PATH stands for the path under test; the other arguments make the command line otherwise valid
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "predict PATH x.png|MODEL|give a model.safetensors that softmax4j train wrote in its run folder",
        "evaluate PATH|MODEL|give a model.safetensors that softmax4j train wrote in its run folder",
        "train --init PATH|--init|give a model.safetensors that softmax4j train wrote in its run folder",
        "show --model PATH|--model|give a model.safetensors that softmax4j train wrote in its run folder",
        "jshell PATH|SCRIPT|give a JShell script, such as docs/d2l-3.6.jsh in the softmax4j folder",
    })
    void aMissingFileIsTold(String command, String name, String todo) throws IOException {
        Path missing = dir.resolve("nosuch.safetensors");
        assertBadPath(run(command, missing), command, name + " " + missing + " does not exist; " + todo);
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        assertBadPath(run(command, folder), command, name + " " + folder + " is a folder, not a file; " + todo);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "predict m.safetensors x.png --save-input PATH|--save-input",
        "compare PATH|DIR",
        "board PATH|DIR",
        "train --out PATH|--out",
        "evaluate PATH|MODEL",
        "show --out PATH|--out",
        "jshell PATH|SCRIPT",
    })
    void anEmptyPathIsRefusedNotTakenAsTheCurrentFolder(String command, String name) {
        List<String> args = new ArrayList<>();
        for (String word : command.split(" ")) {
            args.add(word.equals("PATH") ? "" : word);
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j " + args.get(0) + ": " + name + " is empty; give a path",
                run.err().lines().findFirst().orElseThrow());
    }

    @Test
    void aScriptThatCannotBeReadIsNamedInOneLine() {
        // a regular file that every read of fails, even for root
        CliRun run = CliRun.of("jshell", "/proc/self/mem");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("softmax4j jshell: /proc/self/mem: Input/output error; check the path", run.err().strip());
    }

    @Test
    void aNameWithControlCharactersIsShownNotObeyed() {
        Path missing = dir.resolve("no\u001b[2Jsuch.safetensors");
        CliRun run = CliRun.of("evaluate", missing.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("softmax4j evaluate: MODEL " + dir.resolve("no\uFFFD[2Jsuch.safetensors")
                + " does not exist; "), run.err());
        assertFalse(run.err().contains("\u001b"), run.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train --resume PATH|--resume|give the folder of a run softmax4j train started",
        "sweep --resume PATH|--resume|give the folder of a sweep softmax4j started",
        "compare PATH|DIR|give run folders or folders that hold them",
        "evaluate m.safetensors --data-dir PATH|--data-dir|give the folder that holds the Fashion-MNIST files",
        "board . --data-dir PATH|--data-dir|give the folder that holds the Fashion-MNIST test files",
    })
    void aMissingFolderIsTold(String command, String name, String todo) throws IOException {
        Files.writeString(dir.resolve("m.safetensors"), "not read: the folder is checked first");
        Path missing = dir.resolve("nowhere");
        assertBadPath(run(command, missing), command, name + " " + missing + " does not exist; " + todo);
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        assertBadPath(run(command, file), command, name + " " + file + " is a file, not a folder; " + todo);
    }

    @Test
    void aMissingSweepsFolderPointsToTheSweep() {
        Path missing = dir.resolve("sweeps");
        assertBadPath(run("board PATH", missing), "board PATH", "DIR " + missing + " does not exist; start a sweep "
                + "first (softmax4j sweep writes into sweeps/) or give the folder of your sweep folders");
    }

    private CliRun run(String command, Path path) {
        List<String> args = new ArrayList<>();
        for (String word : command.split(" ")) {
            args.add(word.equals("PATH") ? path.toString() : word.equals("m.safetensors")
                    ? dir.resolve(word).toString() : word);
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertBadPath(CliRun run, String command, String message) {
        String name = command.substring(0, command.indexOf(' '));
        assertEquals(2, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals("softmax4j " + name + ": " + message, lines.get(0), run.err());
        assertEquals(3, lines.size(), run.err());
    }
}

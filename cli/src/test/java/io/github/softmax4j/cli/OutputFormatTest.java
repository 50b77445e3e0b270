package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An output option whose command writes one format refuses a name with another extension, or none,
 * before any work: a PNG is never written into x.jpg.
 */
class OutputFormatTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "show --out FILE|x.jpg|--out|show writes a PNG; give a name ending in .png",
        "show --out FILE|grid|--out|show writes a PNG; give a name ending in .png",
        "evaluate MODEL --chart FILE|chart.svg|--chart|evaluate writes a PNG; give a name ending in .png",
        "compare RUNS --out FILE|page.htm|--out|compare writes an HTML page (and the chart beside it as .png); give a "
                + "name ending in .html",
    })
    void aNameForAnotherFormatIsABadOption(String command, String name, String option, String words) throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path file = dir.resolve(name);
        String[] args = command.replace("MODEL", TrainedModel.model().toString()).replace("RUNS", runs.toString())
                .replace("FILE", file.toString()).split(" ");
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j " + args[0] + ": " + option + " " + file + ": " + words,
                run.err().lines().findFirst().orElseThrow());
        assertFalse(Files.exists(file), "nothing written");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "show --out FILE|.png|--out FILE has no name before its .png; give one, such as out.png",
        "evaluate MODEL --chart FILE|.png|--chart FILE has no name before its .png; give one, such as out.png",
        "show --out FILE|a-folder|--out FILE is a folder; give the name of a file in it, such as FILE/out.png",
        "compare RUNS --out FILE|a-folder|--out FILE is a folder; give the name of a file in it, such as "
                + "FILE/out.html",
    })
    void aNameThatIsNoFileNameSaysWhatIsMissing(String command, String name, String words) throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Files.createDirectories(dir.resolve("a-folder"));
        Path file = dir.resolve(name);
        String[] args = command.replace("MODEL", TrainedModel.model().toString()).replace("RUNS", runs.toString())
                .replace("FILE", file.toString()).split(" ");
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j " + args[0] + ": " + words.replace("FILE", file.toString()),
                run.err().lines().findFirst().orElseThrow());
    }
}

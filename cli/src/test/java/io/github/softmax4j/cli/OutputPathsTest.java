package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.softmax4j.data.RealData;
import io.github.softmax4j.experiment.RunLock;
import io.github.softmax4j.experiment.Sweep;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every output option writes a new or regular file, or the regular file a link points to; nothing else. */
class OutputPathsTest {
    @TempDir
    Path dir;

    private static Path fifo(Path path) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor());
        return path;
    }

    private static void assertStillSpecial(Path path) {
        assertTrue(Files.exists(path) && !Files.isRegularFile(path), path + " was replaced");
    }

    private static void assertRefusedOption(CliRun run, String option, Path path) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("softmax4j "), run.err());
        assertTrue(run.err().lines().findFirst().orElseThrow().contains(option + " " + path + " is"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void evaluateRefusesAChartThatIsADevice() throws IOException, InterruptedException {
        Path device = dir.resolve("null.png");
        assumeTrue(new ProcessBuilder("mknod", device.toString(), "c", "1", "3").start().waitFor() == 0, "needs root");
        CliRun run = CliRun.of("evaluate", TrainedModel.model().toString(), "--chart", device.toString(),
                "--data-dir", RealData.dir().toString());
        assertRefusedOption(run, "--chart", device);
        assertStillSpecial(device);
    }

    @Test
    void evaluateRefusesAChartThatIsAFifo() throws IOException, InterruptedException {
        Path fifo = fifo(dir.resolve("chart.png"));
        CliRun run = CliRun.of("evaluate", TrainedModel.model().toString(), "--chart", fifo.toString(),
                "--data-dir", RealData.dir().toString());
        assertRefusedOption(run, "--chart", fifo);
        assertStillSpecial(fifo);
    }

    @Test
    void showRefusesALinkToAFifoAndFollowsALinkToAFile() throws IOException, InterruptedException {
        Path toFifo = Files.createSymbolicLink(dir.resolve("fifo-link.png"), fifo(dir.resolve("fifo")));
        CliRun refused = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--out", toFifo.toString());
        assertRefusedOption(refused, "--out", toFifo);
        assertTrue(Files.isSymbolicLink(toFifo));
        assertStillSpecial(dir.resolve("fifo"));

        Path real = Files.writeString(dir.resolve("real.png"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("grid.png"), real);
        CliRun followed = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--count", "2", "--rows", "1",
                "--out", link.toString());
        assertEquals(0, followed.exitCode(), followed.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(ImageIO.read(real.toFile()).getWidth() > 0, "the file it points to is the new grid");
    }

    @Test
    void compareRefusesAPageOrChartThatIsAFifo() throws IOException, InterruptedException {
        Path page = fifo(dir.resolve("page.html"));
        assertRefusedOption(CliRun.of("compare", TrainedModel.runDir().toString(), "--out", page.toString()), "--out",
                page);
        fifo(dir.resolve("other.png"));
        CliRun chart = CliRun.of("compare", TrainedModel.runDir().toString(), "--out",
                dir.resolve("other.html").toString());
        assertEquals(2, chart.exitCode(), chart.err());
        assertTrue(chart.err().contains(dir.resolve("other.png") + " is not a regular file"), chart.err());
        assertStillSpecial(dir.resolve("other.png"));
    }

    @Test
    void predictNeverReplacesAFifoInTheSaveInputFolder() throws IOException, InterruptedException {
        Path saved = Files.createDirectory(dir.resolve("seen"));
        Path fifo = fifo(saved.resolve("test-0-28x28.png"));
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), "--test-index", "0", "--save-input",
                saved.toString(), "--data-dir", RealData.dir().toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(fifo + ": exists and is not a regular file"), run.err());
        assertStillSpecial(fifo);
    }

    // OUT stands for the output path under test, MODEL, RUN and DATA for a trained model, its run folder and the data:
    // each command with an output, the option that names it and a name for it
    static Stream<Arguments> everyOutput() {
        return Stream.of(
                Arguments.of("evaluate MODEL --data-dir DATA --chart OUT", "--chart", "x.png"),
                Arguments.of("show --data-dir DATA --count 2 --rows 1 --out OUT", "--out", "x.png"),
                Arguments.of("compare RUN --out OUT", "--out", "page.html"),
                Arguments.of("predict MODEL --test-index 0 --data-dir DATA --save-input OUT", "--save-input", "seen"),
                Arguments.of("train --data-dir DATA --epochs 1 --out OUT", "--out", "run"),
                Arguments.of("sweep --data-dir DATA --epochs 1 --out OUT", "--out", "sweep"));
    }

    @ParameterizedTest
    @MethodSource("everyOutput")
    void anOutputUnderAFileIsABadOptionBeforeAnyWork(String command, String option, String name) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.md"), "mine");
        for (Path out : List.of(notes.resolve(name), notes.resolve("sub").resolve(name))) {
            CliRun run = TrainedModel.run(command, out);
            assertEquals(2, run.exitCode(), run.err());
            assertEquals("softmax4j " + command.split(" ")[0] + ": " + option + " " + out + ": " + notes
                    + " is a file, not a folder; choose another folder", run.err().lines().findFirst().orElseThrow(),
                    run.err());
            assertEquals("", run.out(), "nothing is done before the option is refused");
        }
        assertEquals("mine", Files.readString(notes));
    }

    @ParameterizedTest
    @MethodSource("everyOutput")
    void anOutputWhereNothingCanBeCreatedIsABadOptionBeforeAnyWork(String command, String option, String name) {
        // root may write /proc by its access rights, yet nothing can be created there
        Path out = Path.of("/proc/softmax4j-none", name);
        CliRun run = TrainedModel.run(command, out);
        assertEquals(2, run.exitCode(), run.err());
        String line = run.err().lines().findFirst().orElseThrow();
        assertTrue(line.startsWith("softmax4j " + command.split(" ")[0] + ": " + option + " " + out
                + " cannot be created: /proc is not a writable folder") && line.endsWith("; choose another folder"),
                line);
        assertEquals("", run.out(), "nothing is done before the option is refused");
    }

    @ParameterizedTest
    @MethodSource("everyOutput")
    void aNameTooLongForTheFileSystemIsABadOptionBeforeAnyWork(String command, String option, String name) {
        String folder = "a".repeat(300);
        Path out = dir.resolve(folder).resolve(name);
        CliRun run = TrainedModel.run(command, out);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j " + command.split(" ")[0] + ": " + option + " " + out + ": the folder name " + folder
                + " is too long for the file system there; choose a shorter name",
                run.err().lines().findFirst().orElseThrow());
        assertEquals("", run.out(), "nothing is done before the option is refused");
    }

    @Test
    void aFileNameTooLongForTheFileWrittenFirstIsABadOptionBeforeAnyWork() throws IOException {
        // the file is written to a temporary file of a longer name first: 240 bytes fit, 267 do not
        Path out = dir.resolve("a".repeat(240) + ".png");
        CliRun run = TrainedModel.run("show --data-dir DATA --out OUT", out);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j show: --out " + out + ": its name is too long for the file system there, with the 23 "
                + "bytes added to it while it is written (267 bytes in all); choose a shorter name",
                run.err().lines().findFirst().orElseThrow());
        assertEquals("", run.out(), "nothing is done before the option is refused");
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "nothing is left behind");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "evaluate MODEL --data-dir DATA --chart OUT|x.png",
        "show --data-dir DATA --count 2 --rows 1 --out OUT|x.png",
        "compare RUN --out OUT|page.html",
        "predict MODEL --test-index 0 --data-dir DATA --save-input OUT|seen",
        "train --data-dir DATA --epochs 1 --batch-size 60000 --out OUT|run",
        "sweep --data-dir DATA --epochs 1 --validation 5000 --out OUT|sweep",
    })
    void missingFoldersOfAnOutputAreCreated(String command, String name) {
        Path out = dir.resolve("new").resolve("deeper").resolve(name);
        CliRun run = TrainedModel.run(command, out);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out), out + " was written");
    }

    @ParameterizedTest
    @CsvSource({"evaluate, --chart", "show, --out", "compare, --out", "predict, --save-input", "train, --out",
        "sweep, --out"})
    void theHelpOfAnOutputOptionSaysItsMissingFoldersAreCreated(String command, String option) {
        String description = description(command, option);
        assertTrue(description.contains("missing folders"), description);
        assertTrue(CliRun.of(command, "--help").out().replaceAll("\\s+", " ").contains(description.substring(0, 40)));
    }

    @ParameterizedTest
    @CsvSource({"train", "sweep"})
    void theHelpOfAnOutputFolderSaysItMustBeNewOrEmpty(String command) {
        assertTrue(description(command, "--out").contains("new or empty"), description(command, "--out"));
    }

    @ParameterizedTest
    @CsvSource({"evaluate, --chart, .png", "compare, --out, .html"})
    void theHelpOfAnOutputFileNamesTheExtensionItNeeds(String command, String option, String extension) {
        assertTrue(description(command, option).contains("its name ending in " + extension),
                description(command, option));
    }

    private static String description(String command, String option) {
        return String.join(" ", Softmax4jCli.commandLine().getSubcommands().get(command).getCommandSpec()
                .findOption(option).description());
    }


    @Test
    void noPictureOrPageIsWrittenIntoTheFolderOfARunThatIsTraining() throws IOException {
        Path run = dir.resolve("training");
        String data = RealData.dir().toString();
        String model = TrainedModel.model().toString();
        // taken, its data being read: nothing tells yet whether a run or a sweep took it
        String inUse = " in use by the train or sweep starting there; choose another folder";
        try (RunLock training = RunLock.acquire(run)) {
            assertRefused(CliRun.of("show", "--data-dir", data, "--out", run.resolve("grid.png").toString()),
                    "softmax4j show: --out " + run.resolve("grid.png") + " goes into " + run + "," + inUse);
            assertRefused(CliRun.of("show", "--data-dir", data, "--out", run.resolve("new/grid.png").toString()),
                    "softmax4j show: --out " + run.resolve("new/grid.png") + " goes into " + run + "," + inUse);
            assertRefused(CliRun.of("predict", model, "--test-index", "0", "--data-dir", data, "--save-input",
                    run.toString()), "softmax4j predict: --save-input " + run + " is" + inUse);
            assertRefused(CliRun.of("evaluate", model, "--data-dir", data, "--chart", run.resolve("c.png").toString()),
                    "softmax4j evaluate: --chart " + run.resolve("c.png") + " goes into " + run + "," + inUse);
            assertRefused(CliRun.of("compare", TrainedModel.runDir().toString(), "--out",
                    run.resolve("c.html").toString()), "softmax4j compare: --out " + run.resolve("c.html")
                    + " goes into " + run + "," + inUse);
            try (var entries = Files.list(run)) {
                assertEquals(List.of(run.resolve(RunLock.FILE_NAME)), entries.toList(), "nothing written");
            }
        }
        CliRun ended = CliRun.of("show", "--data-dir", data, "--count", "2", "--rows", "1", "--out",
                run.resolve("grid.png").toString());
        assertEquals(0, ended.exitCode(), ended.err());
        assertTrue(Files.isRegularFile(run.resolve("grid.png")), "once the run has ended, its folder is anyone's");
    }

    @Test
    void aFolderInUseIsSaidToBeInUseByWhatHoldsIt() throws IOException {
        Path run = dir.resolve("run");
        Path sweep = dir.resolve("sweep");
        String data = RealData.dir().toString();
        try (RunLock training = RunLock.acquire(run); RunLock sweeping = RunLock.acquire(sweep)) {
            MetricsFiles.write(run, new RunMetrics(RunStatus.RUNNING, TrainConfig.defaults().toMap(), List.of(), null));
            Files.writeString(sweep.resolve(Sweep.JSON_FILE), "{}");
            assertRefused(CliRun.of("show", "--data-dir", data, "--out", run.resolve("grid.png").toString()),
                    "softmax4j show: --out " + run.resolve("grid.png") + " goes into " + run + ", in use by the run "
                            + "training there; choose another folder");
            assertRefused(CliRun.of("show", "--data-dir", data, "--out", sweep.resolve("grid.png").toString()),
                    "softmax4j show: --out " + sweep.resolve("grid.png") + " goes into " + sweep + ", in use by the "
                            + "sweep training there; choose another folder");
            Files.copy(TrainedModel.model(), sweep.resolve("copy.safetensors"));
            CliRun chart = CliRun.of("evaluate", sweep.resolve("copy.safetensors").toString(), "--data-dir", data);
            assertEquals(1, chart.exitCode(), chart.err());
            assertEquals("softmax4j evaluate: chart not written, " + sweep + " is in use by the sweep training there; "
                    + "--chart FILE draws it elsewhere", chart.err().strip());
            // compare writes comparison.html into the current folder unless told where
            CliRun compare = OwnJvm.run(run, "compare", TrainedModel.runDir().toString());
            assertEquals(2, compare.exitCode(), compare.err());
            assertEquals("softmax4j compare: the default --out comparison.html goes into " + run.toRealPath() + ", in "
                    + "use by the run training there; give --out FILE in another folder",
                    compare.err().lines().findFirst().orElseThrow());
        }
    }

    private static void assertRefused(CliRun run, String message) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(message, run.err().lines().findFirst().orElseThrow(), run.err());
        assertEquals("", run.out());
    }
}

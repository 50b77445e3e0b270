package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.RunLock;
import io.github.softmax4j.experiment.Sweep;
import io.github.softmax4j.train.MetricsFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No output replaces a file of a run or a sweep, or a file the command reads: such an output is a
 * bad option, refused before any work, and the file stays as it was.
 */
class RunFilesOutputTest {
    @TempDir
    Path dir;

    // a run folder as far as the rule goes: its metrics.json, and the file an output would replace
    private Path run(String file) throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.copy(TrainedModel.runDir().resolve(MetricsFiles.JSON_FILE), run.resolve(MetricsFiles.JSON_FILE));
        Files.writeString(run.resolve(file), "the run's own");
        return run;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "evaluate MODEL --data-dir DATA --chart OUT|--chart|curves.png|curves.png",
        "show --data-dir DATA --count 2 --rows 1 --out OUT|--out|templates.png|templates.png",
        "compare RUN --out OUT|--out|curves.html|curves.png",
        "predict MODEL --test-index 0 --data-dir DATA --save-input OUT|--save-input|report.html|report.html",
        "train --data-dir DATA --epochs 1 --out OUT|--out|report.html|report.html",
        "sweep --data-dir DATA --epochs 1 --out OUT|--out|model.safetensors|model.safetensors",
    })
    void anOutputWithTheNameOfARunsFileInItsFolderIsABadOptionBeforeAnyWork(String command, String option,
                                                                           String name, String replaced)
            throws IOException {
        Path run = run(replaced);
        // a folder made in place of the file would keep the run from writing it again
        boolean folder = command.startsWith("predict") || command.startsWith("train") || command.startsWith("sweep");
        if (folder) {
            Files.delete(run.resolve(replaced));
        }
        Path out = run.resolve(name);
        CliRun refused = TrainedModel.run(command, out);
        assertEquals(2, refused.exitCode(), refused.err());
        // compare's chart, named after its page, is told as the page the user gave
        String said = name.equals(replaced) ? run.resolve(replaced).toString()
                : out + " (its chart " + run.resolve(replaced) + ")";
        // a run's file that is not there is still its own: told by its name, not as replaced
        String clash = folder ? " has the name of " + replaced + ", a file of the run in "
                : " would replace " + replaced + " of the run in ";
        assertEquals("softmax4j " + command.split(" ")[0] + ": " + option + " " + said + clash + run
                + "; choose a name that no run writes, or another folder", refused.err().lines().findFirst()
                .orElseThrow());
        assertEquals("", refused.out(), "nothing is done before the option is refused");
        if (folder) {
            assertFalse(Files.exists(run.resolve(replaced)), "nothing made in its place");
        } else {
            assertEquals("the run's own", Files.readString(run.resolve(replaced)));
        }
    }

    @Test
    void aFolderBelowARunFolderWithTheNameOfItsFileIsRefusedToo() throws IOException {
        Path run = run(RunFolder.MISTAKES_FILE);
        Files.delete(run.resolve(RunFolder.MISTAKES_FILE));
        Path out = run.resolve(RunFolder.MISTAKES_FILE).resolve("grid.png");
        CliRun refused = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--out", out.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("softmax4j show: --out " + out + " has the name of mistakes.png, a file of the run in " + run
                + "; choose a name that no run writes, or another folder", refused.err().strip().lines().findFirst()
                .orElseThrow());
        assertFalse(Files.exists(run.resolve(RunFolder.MISTAKES_FILE)));
    }

    @Test
    void aSweepsPageAndChartAreItsOwn() throws IOException {
        Path sweep = Files.createDirectory(dir.resolve("sweep"));
        Files.writeString(sweep.resolve(Sweep.JSON_FILE), "{}");
        Files.writeString(sweep.resolve(Sweep.CHART_FILE), "the sweep's own");
        CliRun refused = CliRun.of("compare", TrainedModel.runDir().toString(), "--out",
                sweep.resolve(Sweep.PAGE_FILE).toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("softmax4j compare: --out " + sweep.resolve(Sweep.PAGE_FILE) + " has the name of sweep.html, a "
                + "file of the sweep in " + sweep + "; choose a name that no sweep writes, or another folder",
                refused.err().lines().findFirst().orElseThrow());
        assertEquals("the sweep's own", Files.readString(sweep.resolve(Sweep.CHART_FILE)));
    }

    @Test
    void aFolderWithAnotherProgramsMetricsJsonIsNoRunAndItsFilesAreWritten() throws IOException {
        Path project = Files.createDirectory(dir.resolve("project"));
        Files.writeString(project.resolve(MetricsFiles.JSON_FILE), "{\"accuracy\": 0.9}");
        assertShowWrites(project.resolve(RunFolder.CONFUSION_FILE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train|run|sub|run|that run alone",
        "sweep|run|a/b|run|that run alone",
        "train|sweep|extra|sweep|the sweep's runs alone",
        "sweep|sweep|more/sub|sweep|the sweep's runs alone",
    })
    void aRunOrSweepInsideTheFolderOfARunOrASweepIsABadOptionBeforeAnyWork(String command, String holder,
                                                                          String below, String owner, String holds)
            throws IOException {
        Path folder = folderOf(holder);
        Path out = folder.resolve(below);
        CliRun refused = CliRun.of(command, "--data-dir", RealData.dir().toString(), "--epochs", "1", "--out",
                out.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("softmax4j " + command + ": --out " + out + " is inside the folder of the " + owner + " in "
                + folder + ", which holds " + holds + "; choose a folder outside it",
                refused.err().lines().findFirst().orElseThrow());
        assertEquals("", refused.out(), "nothing is done before the option is refused");
        assertFalse(Files.exists(folder.resolve(below.split("/")[0])), "no folder made in it");
    }

    @Test
    void aSiblingOfTheRunFolderOneIsInIsNoFolderInsideIt() throws IOException {
        Path run = run(RunFolder.CURVES_FILE);
        CliRun trained = OwnJvm.run(run, "train", "--data-dir", RealData.dir().toString(), "--epochs", "1", "--out",
                "../sibling");
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(Files.isRegularFile(dir.resolve("sibling").resolve(RunFolder.MODEL_FILE)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train|runs|run|that run alone",
        "sweep|sweeps|sweep|the sweep's runs alone",
    })
    void theDefaultFolderRunFromInsideARunsOrASweepsFolderIsABadOption(String command, String root, String owner,
                                                                      String holds) throws IOException {
        Path folder = folderOf(owner);
        CliRun refused = OwnJvm.run(folder, command, "--data-dir", RealData.dir().toString(), "--epochs", "1");
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("softmax4j " + command + ": no folder is made in " + root + "/ here: it would be inside the "
                + "folder of the " + owner + " in " + folder.toRealPath() + ", which holds " + holds + "; run softmax4j "
                + "from a folder outside it, or give --out DIR", refused.err().lines().findFirst().orElseThrow());
        assertFalse(Files.exists(folder.resolve(root)), "no folder made in it");
    }

    @Test
    void aSweepsFolderWithItsLockTakesAFileOfARunsNameBesideIt() throws IOException {
        assertShowWrites(folderOf("sweep").resolve(RunFolder.CURVES_FILE));
    }

    // dir/owner as a run ("run": its metrics.json) or a sweep ("sweep": its summary and the lock it held) leaves it
    private Path folderOf(String owner) throws IOException {
        Path folder = Files.createDirectory(dir.resolve(owner));
        if (owner.equals("run")) {
            Files.copy(TrainedModel.runDir().resolve(MetricsFiles.JSON_FILE), folder.resolve(MetricsFiles.JSON_FILE));
        } else {
            Files.writeString(folder.resolve(Sweep.JSON_FILE), "{}");
            Files.writeString(folder.resolve(RunLock.FILE_NAME), "");
        }
        return folder;
    }

    // show writes a grid of two images as out
    private static void assertShowWrites(Path out) throws IOException {
        CliRun shown = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--count", "2", "--out",
                out.toString());
        assertEquals(0, shown.exitCode(), shown.err());
        assertTrue(Files.size(out) > 0, "written");
    }

    @Test
    void aMetricsFileLargerThanAnyRunWritesIsNotReadToTellAndTheFolderIsTakenForARuns() throws IOException {
        Path big = Files.createDirectory(dir.resolve("big"));
        try (RandomAccessFile file = new RandomAccessFile(big.resolve(MetricsFiles.JSON_FILE).toFile(), "rw")) {
            // sparse: 3 GB claimed, no disk used; reading it whole would not fit in an array
            file.setLength(3L << 30);
        }
        Path out = big.resolve(RunFolder.CURVES_FILE);
        CliRun refused = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--out", out.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().startsWith("softmax4j show: --out " + out + " has the name of curves.png, a file of "
                + "the run in " + big), refused.err());
    }

    @Test
    void aFileBesideARunUnderAnotherNameIsWritten() throws IOException {
        Path run = run(RunFolder.CURVES_FILE);
        CliRun beside = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--count", "2", "--rows", "1",
                "--out", run.resolve("grid.png").toString());
        assertEquals(0, beside.exitCode(), beside.err());
        assertEquals("the run's own", Files.readString(run.resolve(RunFolder.CURVES_FILE)));
        CliRun sameNameElsewhere = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--count", "2",
                "--rows", "1", "--out", dir.resolve(RunFolder.CURVES_FILE).toString());
        assertEquals(0, sameNameElsewhere.exitCode(), "a run's file name is anyone's outside a run folder");
    }

    @Test
    void evaluateRefusesAChartThatIsTheModelItReads() throws IOException {
        Path model = Files.copy(TrainedModel.model(), dir.resolve("model.png"));
        byte[] before = Files.readAllBytes(model);
        CliRun refused = CliRun.of("evaluate", model.toString(), "--data-dir", RealData.dir().toString(), "--chart",
                model.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("softmax4j evaluate: --chart " + model + " is the MODEL that evaluate reads; choose another file "
                + "to write", refused.err().lines().findFirst().orElseThrow());
        assertArrayEquals(before, Files.readAllBytes(model));

        Path named = Files.copy(TrainedModel.model(), dir.resolve("risk-coverage.png"));
        CliRun byDefault = CliRun.of("evaluate", named.toString(), "--data-dir", RealData.dir().toString());
        assertEquals(2, byDefault.exitCode(), byDefault.err());
        assertEquals("softmax4j evaluate: the default --chart " + named + " is the MODEL that evaluate reads; choose "
                + "another file to write", byDefault.err().lines().findFirst().orElseThrow());
        assertArrayEquals(before, Files.readAllBytes(named));
    }

    @Test
    void showRefusesAnOutThatIsTheModelItReads() throws IOException {
        Path model = Files.copy(TrainedModel.model(), dir.resolve("model.png"));
        CliRun refused = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--model", model.toString(),
                "--out", model.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("softmax4j show: --out " + model + " is the --model that show reads; choose another file to write",
                refused.err().lines().findFirst().orElseThrow());
        assertArrayEquals(Files.readAllBytes(TrainedModel.model()), Files.readAllBytes(model));
    }

    @Test
    void predictRefusesToSaveAnInputsImageOverAnotherInput() throws IOException {
        Path shirt = dir.resolve("shirt.png");
        ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", shirt.toFile());
        Path seen = Files.writeString(dir.resolve("shirt-28x28.png"), "an input, not yet read");
        CliRun refused = CliRun.of("predict", TrainedModel.model().toString(), shirt.toString(), seen.toString(),
                "--save-input", dir.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertEquals("softmax4j predict: --save-input " + dir + " would save an input's image as " + seen + ", which "
                + "is an IMAGE to classify; choose another folder", refused.err().lines().findFirst().orElseThrow());
        assertEquals("", refused.out());
        assertEquals("an input, not yet read", Files.readString(seen));
    }

}

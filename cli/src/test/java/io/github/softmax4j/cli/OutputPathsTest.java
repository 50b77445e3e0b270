package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.softmax4j.data.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Path device = dir.resolve("null");
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
}

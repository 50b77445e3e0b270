package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems a careless or hostile user meets end in one line naming the file, the problem and the fix. */
class MessagesTest {
    @TempDir
    Path dir;

    private static void assertOneLine(String err) {
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    @Test
    void folderAndFifoGivenAsPicturesAreCalledWhatTheyAre() throws IOException, InterruptedException {
        Path folder = Files.createDirectory(dir.resolve("photos"));
        Path fifo = dir.resolve("pipe.png");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun run = CliRun.of("predict", TrainedModel.model().toString(), folder.toString(), fifo.toString());
        assertEquals(1, run.exitCode());
        List<String> lines = run.err().lines().toList();
        assertEquals(List.of("softmax4j predict: " + folder + ": is a folder, not a picture; give a picture file",
                "softmax4j predict: " + fifo + ": is not a regular file (a device, FIFO or socket); give a picture file"),
                lines);
    }

    @Test
    void evaluatePrintsItsTablesWhenTheChartCannotBeWritten() throws IOException, InterruptedException {
        Path model = Files.copy(TrainedModel.model(), dir.resolve("model.safetensors"));
        Path chart = dir.resolve("risk-coverage.png");
        assertEquals(0, new ProcessBuilder("mkfifo", chart.toString()).start().waitFor());
        CliRun run = CliRun.of("evaluate", model.toString(), "--data-dir", RealData.dir().toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("test accuracy: ") && run.out().contains("confusion (rows: true class"), run.out());
        assertTrue(run.out().contains("chart:   not written"), run.out());
        String last = run.err().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("softmax4j evaluate: chart not written, " + chart + ": exists and is not a "
                + "regular file"), run.err());
        assertTrue(last.endsWith("(--chart FILE writes it elsewhere)"), last);
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void classNamesWithTerminalEscapesArePrintedHarmless() throws IOException {
        Path model = dir.resolve("escapes.safetensors");
        List<String> names = new ArrayList<>(FashionMnist.DATA_SET.classNames());
        names.set(0, "\u001b[2J\u001b[31mT-shirt");
        ModelFile.save(model, new SavedModel(SoftmaxRegression.zeros(784, 10), names, PixelScaling.UNIT, 28, 28,
                Map.of()));
        CliRun run = CliRun.of("predict", model.toString(), "--test-index", "0", "--data-dir", RealData.dir().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\ufffd[31mT-shirt"), run.out());
        assertFalse(run.out().chars().anyMatch(c -> c < 0x20 && c != '\n'), run.out());
    }

    @Test
    void aNameTheLocaleCannotHoldIsABadOptionOnOneLine() throws IOException, InterruptedException {
        Path picture = dir.resolve("caf\u00e9.png");
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Softmax4jCli.class.getName(), "predict",
                TrainedModel.model().toString(), picture.toString());
        java.environment().put("LC_ALL", "C");
        java.environment().remove("LANG");
        java.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = java.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.waitFor(), err);
        String first = err.lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("softmax4j predict: ") && first.contains("cannot be used as a file name here")
                && first.contains("LC_ALL=C.UTF-8"), err);
        assertFalse(err.contains("Exception"), err);
    }
}

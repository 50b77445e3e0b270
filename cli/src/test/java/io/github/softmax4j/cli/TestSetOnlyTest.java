package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.IdxDataSet.Part;
import io.github.softmax4j.data.RealData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A folder holding only the two test files is enough for the commands that read only the test
 * set; train, which needs all four, names just the two it lacks. A folder named by
 * $FASHION_MNIST_DIR that does not exist is a bad option, as with --data-dir.
 */
class TestSetOnlyTest {
    private static final IdxDataSet DATA_SET = FashionMnist.DATA_SET;

    @TempDir
    Path dir;

    private Path testFiles;

    @BeforeEach
    void linkTheTestFiles() throws IOException {
        testFiles = Files.createDirectories(dir.resolve("test-files"));
        for (Part part : List.of(Part.TEST_IMAGES, Part.TEST_LABELS)) {
            Path source = DATA_SET.find(part, RealData.dir());
            Files.createSymbolicLink(testFiles.resolve(source.getFileName()), source);
        }
    }

    @Test
    void predictEvaluateAndShowOfTheTestSplitNeedOnlyTheTestFiles() throws IOException {
        Path model = Files.copy(TrainedModel.model(), dir.resolve("model.safetensors"));
        CliRun predict = CliRun.of("predict", model.toString(), "--test-index", "1", "--data-dir", testFiles.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        CliRun evaluate = CliRun.of("evaluate", model.toString(), "--data-dir", testFiles.toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.out().contains("test accuracy: "), evaluate.out());
        CliRun show = CliRun.of("show", "--split", "test", "--count", "2", "--data-dir", testFiles.toString(),
                "--out", dir.resolve("grid.png").toString());
        assertEquals(0, show.exitCode(), show.err());
    }

    @Test
    void trainNamesOnlyTheFilesItLacks() {
        Path out = dir.resolve("run");
        CliRun train = CliRun.of("train", "--data-dir", testFiles.toString(), "--out", out.toString());
        assertEquals(1, train.exitCode());
        assertEquals(1, train.err().lines().count(), train.err());
        assertTrue(train.err().contains(testFiles + " (from --data-dir) does not hold the Fashion-MNIST files "
                + "train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz; point --data-dir at the folder that holds "
                + "them"), train.err());
        assertFalse(train.err().contains("t10k-"), train.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aTestCommandNamesOnlyTheTestFileItLacks() throws IOException {
        Files.delete(testFiles.resolve(DATA_SET.file(Part.TEST_LABELS).gzipFileName()));
        CliRun evaluate = CliRun.of("evaluate", TrainedModel.model().toString(), "--data-dir", testFiles.toString());
        assertEquals(1, evaluate.exitCode());
        assertTrue(evaluate.err().contains("does not hold the Fashion-MNIST file t10k-labels-idx1-ubyte.gz; point "
                + "--data-dir at the folder that holds it"), evaluate.err());
        assertFalse(evaluate.err().contains("train-"), evaluate.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"predict", "board"})
    void aVariableNamingNoFolderIsABadOptionAsWithDataDir(String command) throws IOException, InterruptedException {
        Path nowhere = dir.resolve("nonexistent");
        List<String> args = command.equals("predict") ? List.of(TrainedModel.model().toString(), "--test-index", "1")
                : List.of(dir.toString(), "--port", "0");
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Softmax4jCli.class.getName(), command));
        java.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(java).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("FASHION_MNIST_DIR", nowhere.toString());
        Process process = builder.start();
        // a board that started anyway would serve until stopped
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        process.destroyForcibly();
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertTrue(ended, "still running: " + err);
        assertEquals(2, process.exitValue(), err);
        assertTrue(err.startsWith("softmax4j " + command + ": FASHION_MNIST_DIR " + nowhere + " does not exist; set "
                + "FASHION_MNIST_DIR to the folder that holds the Fashion-MNIST files, or unset it"), err);
        assertFalse(err.contains("Exception"), err);
    }
}

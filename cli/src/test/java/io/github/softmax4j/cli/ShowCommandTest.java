package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import io.github.softmax4j.viz.Pixels;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShowCommandTest {
    @TempDir
    Path dir;

    @Test
    void drawsTheDefault18ImagesInThreeRowsOfSix() throws IOException {
        Path out = dir.resolve("grid.png");
        CliRun run = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("picture: " + out, run.out().strip().lines().reduce((a, b) -> b).orElseThrow(), run.out());
        BufferedImage image = ImageIO.read(out.toFile());
        assertTrue(image.getWidth() > 6 * 112 && image.getWidth() < 7 * 112 + 200, "width " + image.getWidth());
        assertTrue(image.getHeight() > 3 * 112 && image.getHeight() < 4 * 112 + 100, "height " + image.getHeight());
    }

    @Test
    void manyImagesMakeAGridNotAStrip() throws IOException {
        Path out = dir.resolve("many.png");
        CliRun run = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--count", "200", "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertTrue(image.getWidth() < 4 * image.getHeight(), image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void drawsPredictionsOfASavedModel() throws IOException {
        String data = RealData.dir().toString();
        Path runDir = dir.resolve("run");
        assertEquals(0, CliRun.of("train", "--data-dir", data, "--epochs", "1", "--out", runDir.toString()).exitCode());
        Path out = dir.resolve("predicted.png");
        CliRun run = CliRun.of("show", "--data-dir", data, "--split", "test", "--count", "8", "--rows", "2",
                "--model", runDir.resolve("model.safetensors").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(ImageIO.read(out.toFile()).getWidth() > 4 * 112);
    }

    @Test
    void theTitleNamesTheDataSetAndTheImagesWithAModelAsWithout() throws IOException {
        String data = RealData.dir().toString();
        Path plain = dir.resolve("plain.png");
        assertEquals(0, CliRun.of("show", "--data-dir", data, "--split", "test", "--first", "100", "--count", "8",
                "--out", plain.toString()).exitCode());
        assertTitle("Fashion-MNIST test images 100 to 107", plain);
        Path predicted = dir.resolve("predicted.png");
        CliRun run = CliRun.of("show", "--data-dir", data, "--split", "test", "--count", "8", "--model",
                TrainedModel.model().toString(), "--out", predicted.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTitle("Fashion-MNIST test images 0 to 7: true class over predicted class (red: wrong)", predicted);
    }

    @Test
    void oneImageIsTitledInTheSingular() throws IOException {
        Path one = dir.resolve("one.png");
        CliRun run = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--count", "1", "--out",
                one.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTitle("Fashion-MNIST train image 0", one);
    }

    private static void assertTitle(String title, Path picture) throws IOException {
        BufferedImage text = Pixels.text(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), new Color(0x22, 0x22, 0x22),
                false);
        assertTrue(Pixels.contains(ImageIO.read(picture.toFile()), text, 0), picture + " is titled " + title);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--count|0|--count must be between 1 and 1000",
        "--rows|0|--rows must be between 1 and --count",
        "--first|-1|--first must be >= 0",
        "--split|validation|--split must be train or test, got validation",
        "--model|/no/such.safetensors|--model /no/such.safetensors does not exist; give a model",
    })
    void rejectsABadOptionWithExitCode2(String option, String value, String message) {
        CliRun run = CliRun.of("show", option, value, "--out", dir.resolve("x.png").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(message), run.err());
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @ParameterizedTest
    @CsvSource({"1, 10", "1000, 10", "9, 10", "101, 10", "1, 2"})
    void refusesAGridTooWideOrTooTallToViewBeforeReadingTheData(int rows, int fewest) {
        int count = fewest == 10 ? 1000 : 101;
        CliRun run = CliRun.of("show", "--data-dir", dir.resolve("none").toString(), "--count", String.valueOf(count),
                "--rows", String.valueOf(rows), "--out", dir.resolve("x.png").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j show: --rows must be between " + fewest + " and 100 for --count " + count + ", got "
                + rows + ": a grid has at most 100 images a row and 100 rows, so that its picture can be viewed",
                run.err().lines().findFirst().orElseThrow());
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void aGridAtTheLimitsIsDrawn() throws IOException {
        Path out = dir.resolve("wide.png");
        CliRun run = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--split", "test", "--count", "200",
                "--rows", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        BufferedImage picture = ImageIO.read(out.toFile());
        assertTrue(picture.getWidth() < 15_000 && picture.getWidth() > 100 * 112, "width " + picture.getWidth());
    }

    @Test
    void rejectsARangePastTheEndOfTheSplit() {
        CliRun run = CliRun.of("show", "--data-dir", RealData.dir().toString(), "--split", "test", "--first", "9995",
                "--count", "10", "--out", dir.resolve("x.png").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("goes past the 10000 images of the test split; keep --first + --count at most "
                + "10000"), run.err());
    }

    @Test
    void aCorruptModelIsOneLineAndExitCode1() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.safetensors"), "{}");
        CliRun run = CliRun.of("show", "--model", bad.toString(), "--out", dir.resolve("x.png").toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(bad.toString()), run.err());
    }
}

package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.eval.Predictions;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.viz.ConfusionChart;
import io.github.softmax4j.viz.ImageGrid;
import io.github.softmax4j.viz.Png;
import io.github.softmax4j.viz.Tiles;
import io.github.softmax4j.viz.WeightTemplates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures of a finished run, drawn at the same time: each is the same bytes as the picture
 * drawn alone, and a picture that cannot be written is the error only once every other is written.
 */
class RunPicturesTest {
    private static final List<String> NAMES = FashionMnist.DATA_SET.classNames();

    @TempDir
    Path dir;

    private static Dataset test() {
        Random random = new Random(3);
        byte[] pixels = new byte[100 * 784];
        random.nextBytes(pixels);
        int[] labels = random.ints(100, 0, 10).toArray();
        return new Dataset(pixels, labels, 784);
    }

    private static SavedModel model() {
        return new SavedModel(SoftmaxRegression.initialize(784, 10, 0.01f, 5), NAMES, PixelScaling.UNIT, 28, 28,
                Map.of());
    }

    private static void write(Path runDir, SavedModel model, Dataset test) throws IOException, InterruptedException {
        List<EpochStats> history = List.of(EpochStats.tested(1, 0.1f, 0.9, 0.7, 0.7, 0.1),
                EpochStats.tested(2, 0.1f, 0.6, 0.8, 0.75, 0.1));
        CurvesWriter curves = new CurvesWriter(runDir);
        curves.update(history);
        curves.close();
        RunPictures.write(runDir, model, test, Map.of("epochs", "2"), "After 2 epochs", history, curves,
                4, new PrintWriter(new StringWriter()));
    }

    @Test
    void picturesDrawnTogetherAreThePicturesDrawnAlone() throws IOException, InterruptedException {
        SavedModel model = model();
        Dataset test = test();
        Path run = Files.createDirectories(dir.resolve("run"));
        write(run, model, test);

        Path alone = Files.createDirectories(dir.resolve("alone"));
        Predictions predictions = Predictions.of(model.model(), test, model.pixelScaling());
        Png.write(ImageGrid.render("Test images: true class over predicted class (red: wrong)",
                Tiles.predictions(predictions, test, 0, RunPictures.PREDICTIONS, NAMES), RunPictures.COLUMNS),
                alone.resolve("predictions.png"));
        Png.write(ConfusionChart.render(predictions.confusion(), NAMES,
                "Confusion matrix, test set: % of each true class (row) predicted as each class (column)"),
                alone.resolve("confusion.png"));
        Png.write(WeightTemplates.render(model.model().weight(), NAMES, 28, 28), alone.resolve("templates.png"));
        Png.write(ImageGrid.render("Most confident mistakes on the test set",
                Tiles.mistakes(predictions, test, RunPictures.MISTAKES, NAMES), RunPictures.COLUMNS),
                alone.resolve("mistakes.png"));
        for (String picture : List.of("predictions.png", "confusion.png", "templates.png", "mistakes.png")) {
            assertArrayEquals(Files.readAllBytes(alone.resolve(picture)), Files.readAllBytes(run.resolve(picture)),
                    picture);
        }
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("</html>"));
        assertTrue(report.contains("<p class=\"caption\">Train loss, train accuracy and test accuracy after each of "
                + "the run's 2 epochs (d2l's Animator); the test accuracy ends at 0.7500.</p>"), "the curves' caption "
                + "describes this run");
    }

    @Test
    void aPictureThatCannotBeWrittenIsTheErrorAfterTheOthersAreWritten() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        // a folder where the picture should go: it cannot be moved into place
        Files.createDirectories(run.resolve("confusion.png").resolve("taken"));
        IOException e = assertThrows(IOException.class, () -> write(run, model(), test()));
        assertTrue(e.getMessage().contains("confusion.png"), e.getMessage());
        for (String picture : List.of("predictions.png", "templates.png", "mistakes.png")) {
            assertTrue(Files.size(run.resolve(picture)) > 0, picture);
        }
        assertTrue(Files.notExists(run.resolve("report.html")));
        // the curves were drawn to the end before the error came: nothing writes in the folder after it
        assertTrue(Files.size(run.resolve("curves.svg")) > 0, "curves.svg");
    }
}

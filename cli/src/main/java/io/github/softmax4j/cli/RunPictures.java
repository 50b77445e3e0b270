package io.github.softmax4j.cli;

import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.eval.ConfusionMatrix;
import io.github.softmax4j.eval.Predictions;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.viz.ConfusionChart;
import io.github.softmax4j.viz.ImageGrid;
import io.github.softmax4j.viz.Png;
import io.github.softmax4j.viz.Report;
import io.github.softmax4j.viz.Tiles;
import io.github.softmax4j.viz.TrainingCurves;
import io.github.softmax4j.viz.WeightTemplates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pictures and the report a finished run leaves in its folder: predictions.png,
 * confusion.png, templates.png, mistakes.png and report.html (which embeds them and curves.png).
 */
final class RunPictures {
    static final int PREDICTIONS = 24;
    static final int MISTAKES = 16;
    static final int COLUMNS = 8;

    private RunPictures() {
    }

    /**
     * Writes the pictures and report.html of {@code kept} on the {@code test} images into
     * {@code runDir}, titled with the model's own class names; prints the confusion table to
     * {@code out}. The four pictures are drawn at the same time, one per thread on up to
     * {@code threads} threads (the run's --threads), and {@code curves} draws its last curves on its own; the
     * report is written once all of them are, and the first picture in the report's order that
     * could not be written is the error.
     */
    static void write(Path runDir, SavedModel kept, Dataset test, Map<String, String> config, String summary,
                      List<EpochStats> history, CurvesWriter curves, int threads, PrintWriter out)
            throws IOException, InterruptedException {
        List<String> names = kept.classNames();
        Predictions predictions = Predictions.of(kept.model(), test, kept.pixelScaling());
        ConfusionMatrix confusion = predictions.confusion();
        ExecutorService drawing = Executors.newFixedThreadPool(Math.min(4, threads));
        List<Future<byte[]>> drawn = List.of(
                drawing.submit(() -> Png.write(ImageGrid.render("Test images: true class over predicted class (red: wrong)",
                        Tiles.predictions(predictions, test, 0, PREDICTIONS, names), COLUMNS),
                        runDir.resolve(RunFolder.PREDICTIONS_FILE))),
                drawing.submit(() -> Png.write(ConfusionChart.render(confusion, names,
                        "Confusion matrix, test set: % of each true class (row) predicted as each class (column)"),
                        runDir.resolve(RunFolder.CONFUSION_FILE))),
                drawing.submit(() -> Png.write(WeightTemplates.render(kept.model().weight(), names, kept.height(),
                        kept.width()), runDir.resolve(RunFolder.TEMPLATES_FILE))),
                drawing.submit(() -> Png.write(ImageGrid.render("Most confident mistakes on the test set",
                        Tiles.mistakes(predictions, test, MISTAKES, names), COLUMNS), runDir.resolve(RunFolder.MISTAKES_FILE))));
        drawing.shutdown();
        List<byte[]> pictures;
        try {
            pictures = results(drawn);
        } catch (IOException | RuntimeException e) {
            // the curves may still be drawing: let them end, so nothing is written in the folder after the error
            try {
                curves.finish();
            } catch (IOException curvesFailure) {
                e.addSuppressed(curvesFailure);
            }
            throw e;
        }
        byte[] grid = pictures.get(0);
        byte[] heatMap = pictures.get(1);
        byte[] templates = pictures.get(2);
        byte[] mistakes = pictures.get(3);
        curves.finish();
        byte[] curvesPng = Files.readAllBytes(runDir.resolve(RunFolder.CURVES_FILE));

        List<Report.Figure> figures = List.of(
                new Report.Figure("Training curves", TrainingCurves.caption(history), curvesPng),
                new Report.Figure("Predictions", "The first " + PREDICTIONS + " test images with the true class "
                        + "over the predicted one; wrong predictions are red.", grid),
                new Report.Figure("Confusion matrix", "Rows are the true class, columns the predicted class; each "
                        + "cell is the share of the row's images.", heatMap),
                new Report.Figure("Class templates", "Each class's " + kept.model().features() + " weights as a "
                        + kept.height() + "x" + kept.width() + " image: red pixels raise the class's score when bright, blue ones lower it.", templates),
                new Report.Figure("Most confident mistakes", "The wrong answers the model was surest of, with the "
                        + "probability it gave its answer and the test image's index.", mistakes));
        String html = Report.html(runDir.getFileName().toString(), summary, config, history, confusion, names, figures);
        AtomicFiles.write(runDir.resolve(RunFolder.REPORT_FILE), html.getBytes(StandardCharsets.UTF_8));

        out.println();
        out.println("confusion on the test set (rows: true class, columns: predicted class):");
        out.print(ConfusionChart.table(confusion, names));
    }

    /** Every picture's bytes once all are drawn; otherwise, after all have ended, the first one's error. */
    private static List<byte[]> results(List<Future<byte[]>> drawn) throws IOException, InterruptedException {
        List<byte[]> pictures = new ArrayList<>();
        Throwable failure = null;
        for (Future<byte[]> picture : drawn) {
            try {
                pictures.add(picture.get());
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause();
            }
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return pictures;
    }
}

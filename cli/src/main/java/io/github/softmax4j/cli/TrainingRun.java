package io.github.softmax4j.cli;

import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.DivergenceException;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.TrainConfig;
import io.github.softmax4j.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One training run in its folder, new or resumed: writes a checkpoint at once, trains the
 * remaining epochs, and after each one writes the checkpoint (first, atomically: it is what
 * --resume continues from), the metrics and,
 * now and then, the curves; at the end the model, the pictures and the report. If the loss
 * diverges, the model of the last good epoch is saved and the user is told what to do.
 */
final class TrainingRun {
    private final Path runDir;
    private final SavedModel start;
    private final TrainConfig config;
    private final List<EpochStats> history;
    private final Map<String, Object> described;
    private final int threads;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param start   the model to start from, with its classes and the training metadata to record
     * @param done    the epochs a resumed run already has (empty for a new run)
     */
    TrainingRun(Path runDir, SavedModel start, TrainConfig config, List<EpochStats> done, int threads,
                PrintWriter out, PrintWriter err) {
        this.runDir = runDir;
        this.start = start;
        this.config = config;
        this.history = new ArrayList<>(done);
        this.threads = threads;
        this.out = out;
        this.err = err;
        this.described = new LinkedHashMap<>(config.toMap());
        described.put("init", start.training().getOrDefault("init", "random"));
        described.put("threads", threads);
    }

    /** Trains and writes everything; returns the exit code. */
    int run(FashionMnist data) throws IOException, InterruptedException {
        SoftmaxRegression model = start.model().copy();
        Files.createDirectories(runDir);
        // a checkpoint before the first epoch too, so a run killed at any moment can be resumed
        new Checkpoint(withWeights(model), config, history).save(runDir);
        out.println("epoch  train loss  train acc  test acc    time");
        history.forEach(this::printRow);
        out.flush();
        CurvesWriter curves = new CurvesWriter(runDir);
        if (!history.isEmpty()) {
            curves.update(history);
        }
        try (Trainer trainer = new Trainer(config, threads, FashionMnist.FEATURES, FashionMnist.CLASSES)) {
            trainer.fit(model, data.train(), data.test(), history.size() + 1, stats -> {
                history.add(stats);
                printRow(stats);
                out.flush();
                curves.update(history);
                try {
                    new Checkpoint(withWeights(model), config, history).save(runDir);
                    MetricsFiles.write(runDir, described, history);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (DivergenceException e) {
            Path saved = saveModel(model);
            MetricsFiles.write(runDir, described, history);
            curves.finish();
            err.println("softmax4j train: " + DivergenceException.describe(e.loss()) + " in epoch " + e.epoch()
                    + " at --lr " + e.learningRate() + "; try a smaller --lr. " + (history.isEmpty() ? "The initial model"
                    : "The model after epoch " + history.get(history.size() - 1).epoch()) + " is saved in " + saved);
            return Softmax4jCli.EXIT_PROBLEM;
        }
        curves.close();
        Path modelPath = saveModel(model);
        RunPictures.write(runDir, model, data, config.pixelScaling(), described, history, curves, out);
        out.printf("%nmodel:   %s%nmetrics: %s, %s%nreport:  %s%n", modelPath, runDir.resolve("metrics.json"),
                runDir.resolve("metrics.csv"), runDir.resolve("report.html"));
        return 0;
    }

    private void printRow(EpochStats stats) {
        out.printf(Locale.ROOT, "%5d  %10.4f  %9.4f  %8.4f  %5.2f s%n", stats.epoch(), stats.trainLoss(),
                stats.trainAccuracy(), stats.testAccuracy(), stats.seconds());
    }

    private SavedModel withWeights(SoftmaxRegression model) {
        return new SavedModel(model, start.classNames(), start.pixelScaling(), start.height(), start.width(),
                start.training());
    }

    private Path saveModel(SoftmaxRegression model) throws IOException {
        Path path = runDir.resolve("model.safetensors");
        ModelFile.save(path, withWeights(model));
        return path;
    }
}

package io.github.softmax4j.cli;

import io.github.softmax4j.data.TrainTest;
import io.github.softmax4j.data.ValidationSplit;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.RunWriteException;
import io.github.softmax4j.experiment.StopRequest;
import io.github.softmax4j.experiment.TrainingJob;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.DivergenceException;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.SettingText;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One training run of {@code softmax4j train} in its folder, new or resumed: the folder is
 * written by {@link TrainingJob}; this prints a line per epoch, keeps the curves up to date, and
 * at the end draws the pictures and the report of the kept model, and only then marks the run
 * finished. If the loss diverges, the user is told what was kept and what to do.
 */
final class TrainingRun {
    /** The epochs before a resume printed again, the latest ones: enough to see where the run stands. */
    static final int RESUMED_ROWS = 10;

    private final Path runDir;
    private final Checkpoint start;
    private final int threads;
    private final PrintWriter out;
    private final PrintWriter err;

    /** @param start a fresh start ({@link TrainingJob#fresh}) or a loaded checkpoint */
    TrainingRun(Path runDir, Checkpoint start, int threads, PrintWriter out, PrintWriter err) {
        this.runDir = runDir;
        this.start = start;
        this.threads = threads;
        this.out = out;
        this.err = err;
    }

    /** Trains and writes everything; returns the exit code. */
    int run(TrainTest data, StopRequest stop) throws IOException, InterruptedException {
        TrainConfig config = start.config();
        boolean validated = config.validation() > 0;
        ValidationSplit split = validated ? split(data, config) : null;
        int trainExamples = validated ? split.train().size() : data.train().size();
        String init = start.model().training().getOrDefault("init", "random");
        Map<String, Object> described = new LinkedHashMap<>(config.toMap());
        described.put("train_examples", trainExamples);
        described.put("init", init);
        described.put("threads", threads);

        out.println(header(config));
        List<EpochStats> earlier = start.history();
        int shown = Math.min(earlier.size(), RESUMED_ROWS);
        if (shown < earlier.size()) {
            int hidden = earlier.size() - shown;
            out.printf("   ... %s in %s%n", hidden == 1 ? "epoch 1 is" : "epochs 1 to " + hidden + " are",
                    MetricsFiles.CSV_FILE);
        }
        earlier.subList(earlier.size() - shown, earlier.size()).forEach(stats -> printRow(config, stats));
        out.flush();
        CurvesWriter curves = new CurvesWriter(runDir);
        List<EpochStats> history = new ArrayList<>(start.history());
        if (!history.isEmpty()) {
            curves.update(history);
        }
        // the run is finished once its pictures and report are written too: a resume must not take it for
        // complete before then
        TrainingJob job = new TrainingJob(runDir, start, described).finishedByCaller();
        TrainingJob.Outcome outcome = job.run(validated ? split.train() : data.train(),
                validated ? split.validation() : null, data.test(), true, threads, stats -> {
                    history.add(stats);
                    printRow(config, stats);
                    out.flush();
                    curves.update(history);
                }, stop);
        RunMetrics metrics = outcome.metrics();
        if (outcome.interrupted()) {
            curves.finish();
            int done = metrics.epochs().size();
            err.println("softmax4j train: interrupted " + (done == 0 ? "before epoch 1" : "after epoch " + done)
                    + " of " + config.epochs() + "; continue with " + TrainCommand.resumeCommand(runDir));
            return Softmax4jCli.EXIT_INTERRUPTED;
        }
        Path modelPath = runDir.resolve(RunFolder.MODEL_FILE);
        if (outcome.divergence() != null) {
            curves.finish();
            DivergenceException e = outcome.divergence();
            err.println("softmax4j train: " + DivergenceException.describe(e.loss()) + " in epoch " + e.epoch()
                    + " at --lr " + SettingText.of(e.learningRate()) + "; try a smaller --lr"
                    + (config.initStd() > TrainConfig.defaults().initStd() ? " or --init-std (it is "
                    + SettingText.of(config.initStd()) + ")" : "") + ". " + (metrics.epochs().isEmpty()
                    ? "The initial model" : "The model after epoch " + keptEpoch(metrics)) + " is saved in "
                    + modelPath);
            return Softmax4jCli.EXIT_PROBLEM;
        }
        curves.close();
        if (metrics.epochs().size() < config.epochs()) {
            out.printf("%nstopped early after epoch %d: no better validation accuracy for %s%n",
                    metrics.latest().epoch(), epochs(config.earlyStopping()));
        }
        String summary = summary(metrics);
        if (metrics.selected() != null) {
            out.printf("%n%s%n", summary);
        }
        try {
            RunPictures.write(runDir, outcome.kept(), data.test(), ConfigWords.ofReport(config,
                    ConfigWords.init(init, config, start.history().size()), threads, trainExamples), summary,
                    metrics.epochs(), curves, threads, out);
            job.markFinished(outcome);
        } catch (IOException e) {
            // the run stays unfinished in metrics.json, so a resume draws what is missing and marks it finished;
            // the line names the file and the reason alone: moving elsewhere is not the remedy, the resume
            // writes into this folder
            err.println("softmax4j train: " + FileProblem.fault(e instanceof RunWriteException written
                    ? written.getCause() : e) + ". The model is saved in " + modelPath + "; once the cause is fixed, "
                    + TrainCommand.resumeCommand(runDir) + " draws the pictures and the report");
            return Softmax4jCli.EXIT_PROBLEM;
        }
        out.printf("%nmodel:   %s%nmetrics: %s, %s%nreport:  %s%n", modelPath, runDir.resolve(MetricsFiles.JSON_FILE),
                runDir.resolve(MetricsFiles.CSV_FILE), runDir.resolve(RunFolder.REPORT_FILE));
        return 0;
    }

    /** "1 epoch", "5 epochs". */
    static String epochs(int count) {
        return count + (count == 1 ? " epoch" : " epochs");
    }

    private static ValidationSplit split(TrainTest data, TrainConfig config) {
        return ValidationSplit.of(data.train(), config.validation(), config.seed());
    }

    private static int keptEpoch(RunMetrics metrics) {
        return metrics.selected() != null ? metrics.selected().epoch() : metrics.latest().epoch();
    }

    /** The run's result in one sentence, for the last line and the report. */
    static String summary(RunMetrics metrics) {
        RunMetrics.Selected selected = metrics.selected();
        if (selected != null) {
            return String.format(Locale.ROOT, "kept epoch %d of %d (best validation accuracy): val acc %.4f, "
                    + "test acc %.4f", selected.epoch(), metrics.latest().epoch(), selected.valAccuracy(),
                    selected.testAccuracy());
        }
        EpochStats last = metrics.latest();
        return String.format(Locale.ROOT, "After %s: test acc %.4f, train acc %.4f, train loss %.4f",
                epochs(last.epoch()), last.testAccuracy(), last.trainAccuracy(), last.trainLoss());
    }

    private static String header(TrainConfig config) {
        return "epoch" + (showRate(config) ? "        lr" : "") + "  train loss  train acc"
                + (config.validation() > 0 ? "  val loss  val acc" : "  test acc") + "    time";
    }

    // the rate column only when it changes from epoch to epoch
    private static boolean showRate(TrainConfig config) {
        return config.schedule().dependsOnLength();
    }

    private void printRow(TrainConfig config, EpochStats stats) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5d", stats.epoch()));
        if (showRate(config)) {
            row.append(String.format(Locale.ROOT, "  %8.5f", stats.learningRate()));
        }
        row.append(String.format(Locale.ROOT, "  %10.4f  %9.4f", stats.trainLoss(), stats.trainAccuracy()));
        row.append(stats.validated()
                ? String.format(Locale.ROOT, "  %8.4f  %7.4f", stats.valLoss(), stats.valAccuracy())
                : String.format(Locale.ROOT, "  %8.4f", stats.testAccuracy()));
        row.append(String.format(Locale.ROOT, "  %5.2f s", stats.seconds()));
        out.println(row);
    }
}

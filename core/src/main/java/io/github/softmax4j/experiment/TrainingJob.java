package io.github.softmax4j.experiment;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.eval.Metrics;
import io.github.softmax4j.math.Parallel;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.DivergenceException;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.Progress;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import io.github.softmax4j.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One training run into its run folder, new or resumed: the checkpoint first (so a run killed at
 * any moment can be resumed), then after every epoch the checkpoint and the metrics (status
 * running), and at the end the kept model as {@code model.safetensors} and the metrics with the
 * final status (finished: once the caller marks it so, when it has more to write, see {@link
 * #finishedByCaller}) and, for a validated run, the kept epoch. Asked to stop, it stops after the epoch
 * in progress and its files, and marks the run interrupted. The caller holds the folder's
 * {@link RunLock} for the job's life. The run folder is the interface to
 * everything that looks at training ({@code compare}, the board): this class writes it, and
 * {@link RunFolder} reads it.
 */
public final class TrainingJob {
    private final Path dir;
    private final Checkpoint start;
    private final Map<String, Object> described;
    private final boolean finishedByCaller;

    /**
     * @param dir       the run folder (created if missing)
     * @param start     where to start: a new run's initial model with empty history, or a loaded checkpoint
     * @param described the configuration as metrics.json records it (the config's fields and more)
     */
    public TrainingJob(Path dir, Checkpoint start, Map<String, Object> described) {
        this(dir, start, described, false);
    }

    private TrainingJob(Path dir, Checkpoint start, Map<String, Object> described, boolean finishedByCaller) {
        this.dir = dir;
        this.start = start;
        this.described = new LinkedHashMap<>(described);
        this.finishedByCaller = finishedByCaller;
    }

    /**
     * This job for a caller that writes more into the folder once training ends (train's pictures
     * and report): a run that ends with its model saved stays {@code running} in metrics.json until
     * the caller calls {@link #markFinished}, so a run stopped before then is never read as finished.
     */
    public TrainingJob finishedByCaller() {
        return new TrainingJob(dir, start, described, true);
    }

    /** Writes {@code outcome}'s final status into metrics.json, for a job made by {@link #finishedByCaller}. */
    public void markFinished(Outcome outcome) throws IOException {
        try {
            MetricsFiles.write(dir, outcome.metrics());
        } catch (IOException e) {
            throw new RunWriteException(dir, outcome.metrics().epochs().size(), e);
        }
    }

    /** A new run's starting point: {@code model} untrained, zero velocity. */
    public static Checkpoint fresh(SavedModel model, TrainConfig config) {
        SoftmaxRegression m = model.model();
        return new Checkpoint(model, config, List.of(), SoftmaxRegression.zeros(m.features(), m.classes()), m.copy());
    }

    /**
     * How a run ended.
     *
     * @param metrics    what metrics.json now holds (for a run that finished, once it is marked so: see
     *                   {@link #finishedByCaller})
     * @param kept       the kept model, as model.safetensors holds it
     * @param divergence why training stopped, if the loss diverged; else null
     */
    public record Outcome(RunMetrics metrics, SavedModel kept, DivergenceException divergence) {
        /** Whether a stop request ended the run before its last epoch (the kept model is then null). */
        public boolean interrupted() {
            return metrics.status() == RunStatus.INTERRUPTED;
        }
    }

    /** Leaves the epoch loop once a stop is requested; carries nothing. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * Trains the remaining epochs and writes the folder. {@code validation} null means the
     * chapter's way: test accuracy every epoch. With a validation split, the test set is
     * evaluated once, for the kept model, if {@code evaluateTest}; otherwise never. Once
     * {@code stop} is requested, the job stops after the epoch in progress, as soon as its
     * checkpoint and metrics are written. A failed write throws a {@link RunWriteException} that
     * says which checkpoint is intact.
     */
    public Outcome run(Dataset train, Dataset validation, Dataset test, boolean evaluateTest, int threads,
                       Consumer<EpochStats> listener, StopRequest stop) throws IOException {
        // a resumed run's folder holds the checkpoint it starts from, intact until the job replaces it
        int[] checkpointEpoch = {Files.isRegularFile(dir.resolve(Checkpoint.FILE_NAME)) ? start.progress().completed()
                : -1};
        try {
            return run(train, validation, test, evaluateTest, threads, listener, stop, checkpointEpoch);
        } catch (IOException e) {
            throw new RunWriteException(dir, checkpointEpoch[0], e);
        }
    }

    private Outcome run(Dataset train, Dataset validation, Dataset test, boolean evaluateTest, int threads,
                        Consumer<EpochStats> listener, StopRequest stop, int[] checkpointEpoch) throws IOException {
        TrainConfig config = start.config();
        Files.createDirectories(dir);
        Progress progress = start.progress();
        start.save(dir);
        checkpointEpoch[0] = progress.completed();
        MetricsFiles.write(dir, metrics(RunStatus.RUNNING, progress, null));
        try (Trainer trainer = new Trainer(config, threads, progress.model().features(), progress.model().classes())) {
            trainer.optimizer().restoreVelocity(start.velocity());
            DivergenceException divergence = null;
            boolean stopped = stop.requested() && progress.completed() < config.epochs();
            try {
                if (!stopped) {
                    trainer.fit(progress, train, validation, test, stats -> {
                        try {
                            checkpoint(progress, trainer).save(dir);
                            checkpointEpoch[0] = progress.completed();
                            MetricsFiles.write(dir, metrics(RunStatus.RUNNING, progress, null));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        listener.accept(stats);
                        if (stop.requested() && progress.completed() < config.epochs()) {
                            throw new Stopped();
                        }
                    });
                }
            } catch (DivergenceException e) {
                divergence = e;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (Stopped e) {
                stopped = true;
            }
            if (stopped) {
                RunMetrics metrics = metrics(RunStatus.INTERRUPTED, progress, null);
                MetricsFiles.write(dir, metrics);
                return new Outcome(metrics, null, null);
            }
            SavedModel kept = withWeights(progress.keptModel());
            ModelFile.save(dir.resolve(RunFolder.MODEL_FILE), kept);
            RunMetrics.Selected selected = null;
            if (progress.validated()) {
                double testAccuracy = Double.NaN;
                if (evaluateTest) {
                    try (Parallel pool = new Parallel(threads)) {
                        testAccuracy = Metrics.evaluateAccuracy(progress.keptModel(), test, config.pixelScaling(), pool);
                    }
                }
                EpochStats keptEpoch = progress.keptEpoch();
                selected = new RunMetrics.Selected(keptEpoch.epoch(), keptEpoch.valAccuracy(), testAccuracy);
            }
            RunMetrics metrics = metrics(divergence == null ? RunStatus.FINISHED : RunStatus.DIVERGED, progress,
                    selected);
            if (divergence != null || !finishedByCaller) {
                MetricsFiles.write(dir, metrics);
            }
            return new Outcome(metrics, kept, divergence);
        }
    }

    private Checkpoint checkpoint(Progress progress, Trainer trainer) {
        return new Checkpoint(withWeights(progress.model()), start.config(), progress.history(),
                trainer.optimizer().velocity(), progress.keptModel().copy());
    }

    // the training metadata records the configuration as it is now: an extended run has more epochs
    private SavedModel withWeights(SoftmaxRegression model) {
        SavedModel first = start.model();
        Map<String, String> training = new LinkedHashMap<>(first.training());
        training.putAll(start.config().toMetadata());
        return new SavedModel(model, first.classNames(), first.pixelScaling(), first.height(), first.width(),
                training);
    }

    private RunMetrics metrics(RunStatus status, Progress progress, RunMetrics.Selected selected) {
        return new RunMetrics(status, described, progress.history(), selected);
    }
}

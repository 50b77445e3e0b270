package io.github.softmax4j.experiment;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.ValidationSplit;
import io.github.softmax4j.eval.Metrics;
import io.github.softmax4j.math.Parallel;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains every run of a {@link SweepGrid} in this JVM, each into a normal run folder below the
 * sweep's folder, then ranks them on validation and evaluates the test set once, for the winner:
 * the best-scoring run of the best setting. Runs go {@code sideBySide} at a time, each on
 * {@code threads / sideBySide} threads. A run that already finished (or diverged) in the folder
 * is read back, not trained again, and one with a checkpoint continues from it, so an
 * interrupted sweep resumes where it stopped. The sweep folder is locked ({@link RunLock}) from
 * {@link #open} to {@link #close}, so a second writer is refused before either reads its data, and
 * each run folder while the sweep trains in it. Asked to stop, runs in progress stop
 * after their epoch in progress and no more start. Reports through {@link Listener}; prints nothing.
 */
public final class Sweep implements AutoCloseable {
    /** The sweep's results file. */
    public static final String JSON_FILE = "sweep.json";
    /** The sweep's ranked page, written when its runs are done. */
    public static final String PAGE_FILE = "sweep.html";
    /** The chart beside the sweep's page. */
    public static final String CHART_FILE = "sweep.png";
    /** The name of every file a sweep writes in its own folder (its runs write theirs in folders below it). */
    public static final List<String> FILES = List.of(JSON_FILE, SweepFiles.CSV_FILE, PAGE_FILE, CHART_FILE,
            RunLock.FILE_NAME);

    /** Whether {@code dir} holds a sweep: its sweep.json is there (as anything, even damaged). */
    public static boolean holdsSweep(Path dir) {
        return Files.exists(dir.resolve(JSON_FILE), LinkOption.NOFOLLOW_LINKS);
    }

    /** Told after each run, from the thread that ran it, one call at a time. */
    @FunctionalInterface
    public interface Listener {
        void runDone(Progress progress);
    }

    /**
     * After a run: how many are done of how many, that run, the best so far, and an estimate of
     * the seconds left.
     */
    public record Progress(int done, int total, RunResult run, RunResult best, double secondsLeft) {
    }

    /**
     * A finished sweep.
     *
     * @param runs    every run, in the grid's order
     * @param ranking the settings, best first
     * @param winner  the run the test set was evaluated for, with its test accuracy
     * @param finished how many runs have ended (finished or diverged); fewer than the grid's if
     *                 a stop request interrupted the sweep, which then ranks and tests nothing
     */
    public record Result(SweepGrid grid, List<RunResult> runs, List<Ranking.Entry> ranking, RunResult winner,
                         int finished) {
        /** Whether a stop request ended the sweep before every run had ended. */
        public boolean interrupted() {
            return finished < grid.runs().size();
        }
    }

    private final SweepGrid grid;
    private final Path dir;
    private final List<String> classNames;
    private final int height;
    private final int width;
    private final RunLock lock;
    private final Map<Long, ValidationSplit> splits = new ConcurrentHashMap<>();

    private Sweep(SweepGrid grid, Path dir, List<String> classNames, int height, int width, RunLock lock) {
        this.grid = grid;
        this.dir = dir;
        this.classNames = List.copyOf(classNames);
        this.height = height;
        this.width = width;
        this.lock = lock;
    }

    /**
     * A sweep of {@code grid} into {@code dir} (created if missing), for images of {@code height} x
     * {@code width} and these classes, holding the folder's lock until {@link #close}; an
     * IOException names the process that holds it. Open it before reading the data, so that a
     * second command on the folder is refused at once.
     */
    public static Sweep open(SweepGrid grid, Path dir, List<String> classNames, int height, int width)
            throws IOException {
        return new Sweep(grid, dir, classNames, height, width, RunLock.acquire(dir));
    }

    /**
     * Whether the sweep of {@code grid} in {@code dir} has nothing left to do: sweep.json records
     * its ranking, and every run has ended (finished or diverged) in its folder. A run whose
     * metrics.json is damaged has not: resuming continues it from its checkpoint.
     */
    public static boolean complete(Path dir, SweepGrid grid) throws IOException {
        if (!SweepFiles.recordsRanking(dir)) {
            return false;
        }
        for (SweepGrid.Run run : grid.runs()) {
            Path runDir = dir.resolve(run.name());
            if (!Files.isRegularFile(runDir.resolve(MetricsFiles.JSON_FILE))) {
                return false;
            }
            RunStatus status;
            try {
                status = RunFolder.read(runDir, dir).status();
            } catch (DamagedFileException damaged) {
                // the run is continued from its checkpoint, which writes its metrics.json again
                return false;
            }
            if (status != RunStatus.FINISHED && status != RunStatus.DIVERGED) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sweep folder that holds {@code runDir} as one of its grid's runs, if any: the folder
     * above it, when its sweep.json names a run of that name, as {@code runDir} names it where it
     * can. A sweep.json that cannot be read names none: the run folder is then taken for what it holds.
     */
    public static Optional<Path> holding(Path runDir) {
        Path run = runDir.toAbsolutePath().normalize();
        Path sweep = run.getParent();
        if (sweep == null || !Files.isRegularFile(sweep.resolve(JSON_FILE))) {
            return Optional.empty();
        }
        try {
            String name = run.getFileName().toString();
            boolean member = SweepFiles.readGrid(sweep).runs().stream().anyMatch(r -> r.name().equals(name));
            Path given = runDir.normalize().getParent();
            return member ? Optional.of(given != null ? given : sweep) : Optional.empty();
        } catch (IOException | IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    /**
     * Runs the sweep on {@code train} (split per seed) and tests the winner on {@code test}; a
     * folder that holds another grid's sweep.json is refused.
     */
    public Result run(Dataset train, Dataset test, int threads, int sideBySide, Listener listener, StopRequest stop)
            throws IOException, InterruptedException {
        if (Files.isRegularFile(dir.resolve(JSON_FILE)) && !SweepFiles.readGrid(dir).equals(grid)) {
            throw new IOException(dir + " holds another sweep's runs; choose a new folder");
        }
        List<SweepGrid.Run> runs = grid.runs();
        SweepFiles.write(dir, grid, List.of(), List.of(), null);
        int lanes = Math.max(1, Math.min(sideBySide, runs.size()));
        int threadsPerRun = Math.max(1, threads / lanes);
        RunResult[] results = new RunResult[runs.size()];
        List<RunResult> done = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(lanes, task -> {
            Thread thread = new Thread(task, "softmax4j-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    results[index] = stop.requested() ? null : train(runs.get(index), train, test, threadsPerRun,
                            stop);
                    if (results[index] == null) {
                        return null;
                    }
                    synchronized (done) {
                        done.add(results[index]);
                        double elapsed = (System.nanoTime() - start) / 1e9;
                        double left = elapsed / done.size() * (runs.size() - done.size());
                        listener.runDone(new Progress(done.size(), runs.size(), results[index], best(done), left));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (done.size() < runs.size()) {
            return new Result(grid, List.copyOf(done), List.of(), null, done.size());
        }
        List<RunResult> all = new ArrayList<>(List.of(results));
        List<Ranking.Entry> ranking = Ranking.rank(all);
        RunResult winner = testWinner(ranking, all, test, threads);
        if (winner != null) {
            all.replaceAll(run -> run.name().equals(winner.name()) ? winner : run);
        }
        SweepFiles.write(dir, grid, all, ranking, winner);
        return new Result(grid, List.copyOf(all), ranking, winner, all.size());
    }

    /** Releases the sweep's folder. */
    @Override
    public void close() {
        lock.close();
    }

    /** Trains one run, or reads it back if it has ended; null if a stop request interrupted it. */
    private RunResult train(SweepGrid.Run run, Dataset train, Dataset test, int threads, StopRequest stop)
            throws IOException {
        Path runDir = dir.resolve(run.name());
        try (RunLock runLock = RunLock.acquire(runDir)) {
            return trainLocked(run, runDir, train, test, threads, stop);
        }
    }

    private RunResult trainLocked(SweepGrid.Run run, Path runDir, Dataset train, Dataset test, int threads,
                                  StopRequest stop) throws IOException {
        if (Files.isRegularFile(runDir.resolve(MetricsFiles.JSON_FILE))) {
            try {
                RunFolder folder = RunFolder.read(runDir, dir);
                if (folder.status() == RunStatus.FINISHED || folder.status() == RunStatus.DIVERGED) {
                    return RunResult.of(folder);
                }
            } catch (DamagedFileException damaged) {
                // continued from its checkpoint like an unfinished run, the job writes its metrics.json again
            }
        }
        TrainConfig config = run.config();
        Checkpoint start = Files.isRegularFile(runDir.resolve(Checkpoint.FILE_NAME)) ? Checkpoint.load(runDir)
                : TrainingJob.fresh(initial(config), config);
        ValidationSplit split = splits.computeIfAbsent(config.seed(),
                seed -> ValidationSplit.of(train, config.validation(), seed));
        Map<String, Object> described = new LinkedHashMap<>(config.toMap());
        described.put("train_examples", split.train().size());
        described.put("init", "random");
        described.put("threads", threads);
        TrainingJob.Outcome outcome = new TrainingJob(runDir, start, described).run(split.train(),
                split.validation(), test, false, threads, stats -> { }, stop);
        return outcome.interrupted() ? null : RunResult.of(RunFolder.read(runDir, dir));
    }

    private SavedModel initial(TrainConfig config) {
        Map<String, String> training = config.toMetadata();
        training.put("init", "random");
        SoftmaxRegression model = SoftmaxRegression.initialize(height * width, classNames.size(), config.initStd(),
                config.seed());
        return new SavedModel(model, classNames, config.pixelScaling(), height, width, training);
    }

    private static RunResult best(List<RunResult> done) {
        RunResult best = null;
        for (RunResult result : done) {
            if (result.status() != RunStatus.DIVERGED && (best == null || result.score() > best.score())) {
                best = result;
            }
        }
        return best;
    }

    /** The winning setting's best run, its kept model evaluated on the test set and recorded in its folder. */
    private RunResult testWinner(List<Ranking.Entry> ranking, List<RunResult> all, Dataset test, int threads)
            throws IOException {
        if (ranking.isEmpty() || ranking.get(0).diverged()) {
            return null;
        }
        RunResult winner = null;
        for (RunResult result : all) {
            if (ranking.get(0).runs().contains(result.name()) && (winner == null || result.score() > winner.score())) {
                winner = result;
            }
        }
        Path runDir = dir.resolve(winner.name());
        SavedModel kept = ModelFile.load(runDir.resolve(RunFolder.MODEL_FILE));
        PixelScaling scaling = kept.pixelScaling();
        double testAccuracy;
        try (Parallel pool = new Parallel(threads)) {
            testAccuracy = Metrics.evaluateAccuracy(kept.model(), test, scaling, pool);
        }
        RunMetrics metrics = RunFolder.read(runDir, dir).metrics();
        MetricsFiles.write(runDir, metrics.with(metrics.status(), new RunMetrics.Selected(winner.keptEpoch(),
                winner.valAccuracy(), testAccuracy)));
        return RunResult.of(RunFolder.read(runDir, dir));
    }
}

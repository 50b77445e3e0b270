package io.github.softmax4j.cli;

import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.TerminalText;
import io.github.softmax4j.data.TrainTest;
import io.github.softmax4j.experiment.FolderInUseException;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.RunLock;
import io.github.softmax4j.experiment.RunWriteException;
import io.github.softmax4j.experiment.Sweep;
import io.github.softmax4j.experiment.TrainingJob;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.LearningRateSchedule;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import io.github.softmax4j.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code softmax4j train}: d2l §3.6 on Fashion-MNIST, writing a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train softmax regression on Fashion-MNIST (d2l defaults) and write a run folder: the model "
                + "(model.safetensors), the metrics (metrics.json, metrics.csv), the pictures (curves, predictions, "
                + "confusion, templates, mistakes) and report.html.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirOption data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Passes over the training set, 1 or more (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256", description = "Minibatch size, 1 up to the images that train the model (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.1", description = "Learning rate of SGD, above 0 (default: ${DEFAULT-VALUE}).")
    private float learningRate;

    @Option(names = "--init-std", paramLabel = "X", defaultValue = "0.01", converter = InitStdConverter.class,
            description = "Standard deviation of the initial weights, W ~ N(0, X^2), b = 0; 0 to 100 (default: ${DEFAULT-VALUE}).")
    private float initStd;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_SEED,
            description = "Fixes the initial weights and the shuffling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--pixels", paramLabel = "SCALING", defaultValue = "unit", converter = PixelScalingConverter.class,
            description = "unit: x/255; symmetric: (x/255 - 0.5)/0.5 (default: ${DEFAULT-VALUE}).")
    private PixelScaling pixels;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0",
            description = "SGD momentum, 0 <= M < 1: v = M v + g, w -= lr v, as PyTorch's SGD (default: ${DEFAULT-VALUE}).")
    private float momentum;

    @Option(names = "--weight-decay", paramLabel = "L", defaultValue = "0",
            description = "L2 penalty on the weights (not the bias), 0 or more: their gradient gains L w (default: ${DEFAULT-VALUE}).")
    private float weightDecay;

    @Option(names = "--lr-schedule", paramLabel = "SCHEDULE", defaultValue = "constant",
            converter = ScheduleConverter.class,
            description = "constant; cosine: lr (1 + cos(pi (e-1) / E)) / 2; step: lr 0.1^floor(3 (e-1) / E), "
                    + "for epoch e of E (default: ${DEFAULT-VALUE}).")
    private LearningRateSchedule schedule;

    @Option(names = "--validation", paramLabel = "N", defaultValue = "0",
            description = "Hold out N training images, 0 up to fewer than all of them (each class in proportion, chosen by the seed); report "
                    + "validation loss and accuracy every epoch, keep the epoch with the best validation accuracy "
                    + "and test only that model (default: ${DEFAULT-VALUE}, none).")
    private int validation;

    @Option(names = "--early-stopping", paramLabel = "P", defaultValue = "0",
            description = "Stop after P epochs without a better validation accuracy, P 0 or more; needs --validation "
                    + "(default: ${DEFAULT-VALUE}, never).")
    private int earlyStopping;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads, 1 or more (more than the processors are lowered to them); results do not depend on it (default: all cores).")
    private Integer threads;

    @Option(names = "--no-shuffle", description = "Visit the training examples in file order every epoch.")
    private boolean noShuffle;

    @Option(names = "--init", paramLabel = "MODEL", description = "Start from a saved model instead of random weights.")
    private Path initModel;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder to create, new or empty; missing folders on its path are "
            + "created (default: runs/<date>_<time>).")
    private Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its last completed epoch, with its own settings; with "
                    + "--epochs N, extend it to N epochs.")
    private Path resume;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int threadCount = Threads.count(spec, threads);
        checkPaths();
        TrainConfig config = resume == null ? config() : null;
        OutputFolder.Chosen chosen = OutputFolder.choose(spec, resume, out, "runs");
        Path runDir = chosen.dir();
        IdxDataSet dataSet = data.dataSet();
        RunLock lock = null;
        // a default folder this command made is removed again if nothing was written into it
        Runnable removeIfChosenHere = chosen.removeIfEmpty();
        Interruption interruption = Interruption.install(stderr, "softmax4j train: interrupted before training "
                + (resume == null ? "started; nothing was written" : "resumed; continue with " + resumeCommand(runDir)),
                removeIfChosenHere);
        try {
            // the folder is taken before the data is read: a second command on it is refused at once
            lock = RunLock.acquire(runDir);
            if (resume == null) {
                OutputFolder.requireNew(runDir);
            }
            Checkpoint begin;
            String init;
            if (resume == null) {
                init = ConfigWords.init(initModel == null ? "random" : initModel.toString(), config, 0);
                Map<String, String> training = config.toMetadata();
                training.put("init", initModel == null ? "random" : initModel.toString());
                SavedModel start = new SavedModel(initialModel(config, dataSet), dataSet.classNames(),
                        config.pixelScaling(), dataSet.height(), dataSet.width(), training);
                begin = TrainingJob.fresh(start, config);
            } else {
                begin = extended(Checkpoint.load(runDir));
                Optional<String> complete = complete(begin, runDir);
                if (complete.isPresent()) {
                    stderr.println("softmax4j train: " + complete.get());
                    return 0;
                }
                Optional<Path> sweep = Sweep.holding(runDir);
                if (sweep.isPresent()) {
                    throw new ParameterException(spec.commandLine(), "--resume " + runDir + " is a run of the sweep in "
                            + sweep.get() + ", which trains its runs; continue it with "
                            + SweepCommand.resumeCommand(sweep.get()));
                }
                config = begin.config();
                init = ConfigWords.init(begin.model().training().getOrDefault("init", "random"), config,
                        begin.history().size());
                int leftovers = AtomicFiles.removeLeftovers(runDir);
                stdout.printf("resume:  %s after epoch %d of %d%s%s%n", runDir, begin.history().size(), config.epochs(),
                        leftovers == 0 ? "" : " (removed " + leftovers + " unfinished temporary file"
                                + (leftovers == 1 ? "" : "s") + ")",
                        unreadableMetrics(runDir).map(why -> "; its " + MetricsFiles.JSON_FILE + " was " + why
                                + ", and is written again from the checkpoint").orElse(""));
            }
            TrainingRun run = new TrainingRun(runDir, begin, threadCount, stdout, stderr);
            // only a command that will train warms the kernels up, while the data is read
            Thread warmUp = startWarmUp(dataSet);
            TrainTest loaded = data.load();
            try {
                config.checkFits(loaded.train().size());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), (resume == null ? "" : "the run in " + resume
                        + " cannot continue: ") + OutputFolder.optionNames(e.getMessage()));
            }
            warmUp.join();
            stdout.println("config:  " + ConfigWords.line(ConfigWords.of(config, init, threadCount)));
            if (config.validation() > 0) {
                int training = loaded.train().size() - config.validation();
                stdout.printf("data:    %d %s the model, %d %s held out for validation%s%n", training,
                        training == 1 ? "image trains" : "images train", config.validation(),
                        config.validation() == 1 ? "is" : "are", config.earlyStopping() > 0 ? "; early stopping after "
                                + TrainingRun.epochs(config.earlyStopping()) + " without a better validation accuracy"
                                : "");
            }
            stdout.printf("run:     %s%n%n", runDir);
            stdout.flush();
            if (!interruption.guard()) {
                return Softmax4jCli.EXIT_INTERRUPTED;
            }
            return interruption.finished(run.run(loaded, interruption.stop()), "softmax4j train: stopped as the run "
                    + "finished; it is complete, nothing to continue: " + runDir);
        } catch (RunWriteException e) {
            stderr.println("softmax4j train: " + e.getMessage() + (e.checkpointEpoch() < 0 ? ""
                    : "; once the cause is fixed, continue with " + resumeCommand(runDir)));
            return Softmax4jCli.EXIT_PROBLEM;
        } catch (FolderInUseException e) {
            stderr.println("softmax4j train: " + OutputFolder.inUse(e, resume));
            return Softmax4jCli.EXIT_PROBLEM;
        } catch (IOException | UncheckedIOException e) {
            stderr.println("softmax4j train: " + FileProblem.describe(e));
            return Softmax4jCli.EXIT_PROBLEM;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println("softmax4j train: interrupted");
            return Softmax4jCli.EXIT_PROBLEM;
        } finally {
            if (lock != null) {
                lock.close();
            }
            removeIfChosenHere.run();
            // last: once closed, a waiting signal lets the JVM end, so every line above is out
            interruption.close();
        }
    }

    static String resumeCommand(Path runDir) {
        return Invocation.command() + " train --resume " + Invocation.quote(runDir);
    }

    /** The checkpoint with --epochs applied, when a run is extended; checks that it can be. */
    private Checkpoint extended(Checkpoint checkpoint) {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--epochs") || epochs == checkpoint.config().epochs()) {
            return checkpoint;
        }
        TrainConfig config = checkpoint.config();
        if (epochs < checkpoint.history().size()) {
            throw new ParameterException(spec.commandLine(), "--epochs " + epochs + " is fewer than the "
                    + checkpoint.history().size() + " epochs " + resume + " has already trained; give more to "
                    + "extend it");
        }
        Optional<Path> sweep = Sweep.holding(resume);
        if (sweep.isPresent()) {
            throw new ParameterException(spec.commandLine(), "--epochs cannot extend " + resume + ": it is a run of the "
                    + "sweep in " + sweep.get() + ", whose runs all train " + TrainingRun.epochs(config.epochs())
                    + " so that they compare fairly; start a new run instead: "
                    + newRun(checkpoint, Map.of("--epochs", String.valueOf(epochs))));
        }
        if (checkpoint.progress().patienceRunOut(config.earlyStopping())) {
            throw new ParameterException(spec.commandLine(), resume + " stopped early after epoch "
                    + checkpoint.history().size() + " (no better validation accuracy for "
                    + TrainingRun.epochs(config.earlyStopping()) + "), so more epochs would train nothing; "
                    + largerPatience(checkpoint, String.valueOf(epochs)));
        }
        if (config.schedule().dependsOnLength()) {
            throw new ParameterException(spec.commandLine(), "--epochs cannot extend " + resume + ": its "
                    + config.schedule().id() + " schedule sets each epoch's rate from the number of epochs, "
                    + config.epochs() + "; start a new run instead: "
                    + newRun(checkpoint, Map.of("--epochs", String.valueOf(epochs))));
        }
        try {
            config = config.withEpochs(epochs);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), OutputFolder.optionNames(e.getMessage()));
        }
        return new Checkpoint(checkpoint.model(), config, checkpoint.history(), checkpoint.velocity(),
                checkpoint.kept());
    }

    /**
     * Why a resumed run has nothing left to do, with how to train more; empty while it has epochs
     * to train or pictures to finish.
     */
    private static Optional<String> complete(Checkpoint checkpoint, Path runDir) {
        TrainConfig config = checkpoint.config();
        int trained = checkpoint.history().size();
        boolean patienceRunOut = checkpoint.progress().patienceRunOut(config.earlyStopping());
        if (trained < config.epochs() && !patienceRunOut || !markedFinished(runDir)) {
            return Optional.empty();
        }
        String patience = "no better validation accuracy for " + TrainingRun.epochs(config.earlyStopping());
        String done = trained < config.epochs()
                ? ": it stopped early after epoch " + trained + " of " + config.epochs() + " (" + patience + ")"
                : " after epoch " + trained + " of " + config.epochs();
        String more;
        Optional<Path> sweep = Sweep.holding(runDir);
        if (patienceRunOut) {
            more = "to train more, " + largerPatience(checkpoint, String.valueOf(config.epochs()));
        } else if (sweep.isPresent()) {
            more = "it is a run of the sweep in " + sweep.get() + ", whose runs all train "
                    + TrainingRun.epochs(config.epochs()) + " so that they compare fairly, so to train more, start a "
                    + "new run: " + newRun(checkpoint, Map.of("--epochs", "N")) + ", with N above " + config.epochs();
        } else if (config.schedule().dependsOnLength()) {
            more = "its " + config.schedule().id() + " schedule sets each epoch's rate from the number of epochs, so "
                    + "to train more, start a new run with a larger --epochs: "
                    + newRun(checkpoint, Map.of("--epochs", "N")) + ", with N above " + config.epochs();
        } else {
            more = "to train more, extend it: " + resumeCommand(runDir) + " --epochs N, with N above " + trained;
        }
        return Optional.of(runDir + " is complete" + done + ", so nothing was trained; " + more);
    }

    /** How to train a run that stopped early for longer: a new run that waits longer, for {@code epochs} epochs. */
    private static String largerPatience(Checkpoint checkpoint, String epochs) {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("--early-stopping", "P");
        changes.put("--epochs", epochs);
        return "start a new run with a larger --early-stopping: " + newRun(checkpoint, changes) + ", with P above "
                + checkpoint.config().earlyStopping();
    }

    private static String newRun(Checkpoint checkpoint, Map<String, String> changes) {
        return NewRunCommand.of(checkpoint.config(), checkpoint.model().training().getOrDefault("init", "random"),
                changes);
    }

    // metrics.json says finished only once the pictures and the report are written (see TrainingRun), so a
    // run stopped while drawing them, or after an extension's last epoch, is not complete and resuming draws
    // them; a sweep's runs are finished without a report, and resuming one adds none
    // why the run's metrics.json cannot be read, if it cannot
    private static Optional<String> unreadableMetrics(Path runDir) {
        try {
            MetricsFiles.fromJson(Files.readAllBytes(runDir.resolve(MetricsFiles.JSON_FILE)));
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.of("missing");
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("damaged (" + TerminalText.of(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static boolean markedFinished(Path runDir) {
        try {
            RunMetrics metrics = MetricsFiles.fromJson(Files.readAllBytes(runDir.resolve(MetricsFiles.JSON_FILE)));
            return metrics.status() == RunStatus.FINISHED;
        } catch (IOException | IllegalArgumentException unreadable) {
            // resuming rewrites metrics.json
            return false;
        }
    }

    /** Starts compiling the kernels on a small problem in the background (see {@link Trainer#warmUp}). */
    static Thread startWarmUp(IdxDataSet dataSet) {
        Thread warmUp = new Thread(() -> {
            try {
                Trainer.warmUp(dataSet.features(), dataSet.classes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return warmUp;
    }

    private SoftmaxRegression initialModel(TrainConfig config, IdxDataSet dataSet) throws IOException {
        if (initModel == null) {
            return SoftmaxRegression.initialize(dataSet.features(), dataSet.classes(), config.initStd(), config.seed());
        }
        SavedModel saved = Models.loadFor(initModel, dataSet);
        if (saved.pixelScaling() != config.pixelScaling()) {
            // allowed (it is a way to retrain), but its weights were fitted to the other scale
            spec.commandLine().getErr().println("softmax4j train: --pixels " + config.pixelScaling().id()
                    + (spec.commandLine().getParseResult().hasMatchedOption("--pixels") ? "" : " (the default)")
                    + " differs from the " + saved.pixelScaling().id() + " scaling (" + saved.pixelScaling().formula()
                    + ") that " + initModel + " was trained with, so it starts from a lower accuracy; --pixels "
                    + saved.pixelScaling().id() + " keeps its scaling");
        }
        return saved.model();
    }

    private TrainConfig config() {
        try {
            return new TrainConfig(learningRate, batchSize, epochs, seed, initStd, pixels, !noShuffle, momentum,
                    weightDecay, schedule, validation, earlyStopping);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), OutputFolder.optionNames(e.getMessage()));
        }
    }


    private void checkPaths() {
        data.validate();
        Models.requireFile(spec, initModel, "--init");
        if (resume == null) {
            return;
        }
        for (String option : List.of("--batch-size", "--lr", "--init-std", "--seed", "--pixels", "--no-shuffle",
                "--init", "--out", "--momentum", "--weight-decay", "--lr-schedule", "--validation", "--early-stopping")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), "--resume continues with the run's own settings and "
                        + "folder (only --epochs may extend it); leave out " + option);
            }
        }
        InputPaths.requireFolder(spec, resume, "--resume", "give the folder of a run softmax4j train started");
        if (!Files.isRegularFile(resume.resolve(Checkpoint.FILE_NAME))) {
            // a sweep's folder holds its grid, and its runs' checkpoints in folders of their own
            throw new ParameterException(spec.commandLine(), "--resume " + resume + " holds no "
                    + Checkpoint.FILE_NAME + (Files.isRegularFile(resume.resolve(Sweep.JSON_FILE))
                    ? "; it is a sweep's folder: continue the sweep with " + SweepCommand.resumeCommand(resume)
                    : "; give the folder of a run softmax4j train started"));
        }
        // a file the run writes again that cannot be replaced would end the run after its first epoch
        for (String name : RunFolder.FILES) {
            Path file = resume.resolve(name);
            if (!name.equals(Checkpoint.FILE_NAME) && !name.equals(RunLock.FILE_NAME)) {
                OutputFile.notReplaceable(file).ifPresent(what -> {
                    throw new ParameterException(spec.commandLine(), "--resume " + resume + ": " + file + " " + what
                            + ", which the run cannot replace; remove it (the run writes its " + name + " again) and "
                            + "resume again");
                });
            }
        }
    }

}

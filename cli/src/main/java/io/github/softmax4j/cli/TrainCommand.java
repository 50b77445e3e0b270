package io.github.softmax4j.cli;

import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxReader;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.TrainConfig;
import io.github.softmax4j.train.Trainer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--lr", paramLabel = "X", defaultValue = "0.1", description = "Learning rate of SGD (default: ${DEFAULT-VALUE}).")
    private float learningRate;

    @Option(names = "--init-std", paramLabel = "X", defaultValue = "0.01",
            description = "Standard deviation of the initial weights, W ~ N(0, X^2), b = 0 (default: ${DEFAULT-VALUE}).")
    private float initStd;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_SEED,
            description = "Fixes the initial weights and the shuffling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--pixels", paramLabel = "SCALING", defaultValue = "unit", converter = PixelScalingConverter.class,
            description = "unit: x/255; symmetric: (x/255 - 0.5)/0.5 (default: ${DEFAULT-VALUE}).")
    private PixelScaling pixels;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads; results do not depend on it (default: all cores).")
    private Integer threads;

    @Option(names = "--no-shuffle", description = "Visit the training examples in file order every epoch.")
    private boolean noShuffle;

    @Option(names = "--init", paramLabel = "MODEL", description = "Start from a saved model instead of random weights.")
    private Path initModel;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder to create (default: runs/<date>_<time>).")
    private Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its last completed epoch, with its own settings.")
    private Path resume;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int threadCount = threadCount();
        checkPaths();
        TrainConfig config = resume == null ? config() : null;
        Path runDir = resume != null ? resume : runDir();
        Thread warmUp = startWarmUp();
        try {
            TrainingRun run;
            String init;
            if (resume == null) {
                init = initModel != null ? initModel.toString() : "N(0, " + config.initStd() + "^2)";
                Map<String, String> training = new LinkedHashMap<>();
                config.toMap().forEach((key, value) -> training.put(key, String.valueOf(value)));
                training.put("init", initModel == null ? "random" : initModel.toString());
                SavedModel start = new SavedModel(initialModel(config), FashionMnist.CLASS_NAMES, config.pixelScaling(),
                        IdxReader.ROWS, IdxReader.COLS, training);
                run = new TrainingRun(runDir, start, config, List.of(), threadCount, stdout, stderr);
            } else {
                Checkpoint checkpoint = Checkpoint.load(runDir);
                config = checkpoint.config();
                init = "the checkpoint (" + checkpoint.model().training().getOrDefault("init", "random") + " at first)";
                int leftovers = AtomicFiles.removeLeftovers(runDir);
                stdout.printf("resume:  %s after epoch %d of %d%s%n", runDir, checkpoint.history().size(), config.epochs(),
                        leftovers == 0 ? "" : " (removed " + leftovers + " unfinished temporary file"
                                + (leftovers == 1 ? "" : "s") + ")");
                run = new TrainingRun(runDir, checkpoint.model(), config, checkpoint.history(), threadCount, stdout, stderr);
            }
            FashionMnist fashionMnist = data.load();
            warmUp.join();
            stdout.printf(Locale.ROOT, "config:  epochs %d, batch size %d, lr %s, init %s, seed %d, pixels %s (%s), "
                            + "shuffle %s, threads %d%n", config.epochs(), config.batchSize(), config.learningRate(),
                    init, config.seed(),
                    config.pixelScaling().id(), config.pixelScaling().formula(), config.shuffle() ? "on" : "off",
                    threadCount);
            stdout.printf("run:     %s%n%n", runDir);
            return run.run(fashionMnist);
        } catch (IOException | UncheckedIOException e) {
            stderr.println("softmax4j train: " + (e instanceof UncheckedIOException u ? u.getCause() : e).getMessage());
            return Softmax4jCli.EXIT_PROBLEM;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println("softmax4j train: interrupted");
            return Softmax4jCli.EXIT_PROBLEM;
        }
    }

    private static Thread startWarmUp() {
        Thread warmUp = new Thread(() -> {
            try {
                Trainer.warmUp(FashionMnist.FEATURES, FashionMnist.CLASSES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return warmUp;
    }

    private SoftmaxRegression initialModel(TrainConfig config) throws IOException {
        if (initModel == null) {
            return SoftmaxRegression.initialize(FashionMnist.FEATURES, FashionMnist.CLASSES, config.initStd(),
                    config.seed());
        }
        return Models.loadFashionMnist(initModel).model();
    }

    private TrainConfig config() {
        try {
            return new TrainConfig(learningRate, batchSize, epochs, seed, initStd, pixels, !noShuffle);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), optionMessage(e.getMessage()));
        }
    }

    /** Rewrites the record's field names in a validation message as the option names a user typed. */
    private static String optionMessage(String message) {
        return message.replace("learningRate", "--lr").replace("batchSize", "--batch-size")
                .replace("epochs", "--epochs").replace("initStd", "--init-std");
    }

    private int threadCount() {
        int available = Runtime.getRuntime().availableProcessors();
        if (threads == null) {
            return available;
        }
        if (threads < 1 || threads > 1024) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 1024, got " + threads);
        }
        return threads;
    }

    private void checkPaths() {
        data.validate();
        Models.requireFile(spec, initModel, "--init");
        if (resume == null) {
            return;
        }
        for (String option : List.of("--epochs", "--batch-size", "--lr", "--init-std", "--seed", "--pixels",
                "--no-shuffle", "--init", "--out")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), "--resume continues with the run's own settings and "
                        + "folder; leave out " + option);
            }
        }
        if (!Files.isRegularFile(resume.resolve(Checkpoint.FILE_NAME))) {
            throw new ParameterException(spec.commandLine(), "--resume " + resume + " holds no "
                    + Checkpoint.FILE_NAME + "; give the folder of a run softmax4j train started");
        }
    }

    private Path runDir() {
        if (out != null) {
            if (Files.isRegularFile(out) || Files.isDirectory(out) && !isEmptyDir(out)) {
                throw new ParameterException(spec.commandLine(), "--out " + out
                        + " already exists and is not an empty folder; choose a new folder");
            }
            Path existing = out.toAbsolutePath();
            while (!Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
                throw new ParameterException(spec.commandLine(), "--out " + out + " cannot be created: " + existing
                        + " is not a writable folder");
            }
            return out;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT));
        Path candidate = Path.of("runs", stamp);
        for (int suffix = 2; Files.exists(candidate); suffix++) {
            candidate = Path.of("runs", stamp + "-" + suffix);
        }
        return candidate;
    }

    private static boolean isEmptyDir(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}

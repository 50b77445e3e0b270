package io.github.softmax4j.cli;

import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxReader;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        TrainConfig config = config();
        int threadCount = threadCount();
        checkPaths();
        Path runDir = runDir();
        Thread warmUp = new Thread(() -> {
            try {
                Trainer.warmUp(FashionMnist.FEATURES, FashionMnist.CLASSES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        try {
            SoftmaxRegression model = initialModel(config);
            FashionMnist fashionMnist = data.load();
            warmUp.join();
            stdout.printf(Locale.ROOT, "config:  epochs %d, batch size %d, lr %s, init %s, seed %d, pixels %s (%s), "
                            + "shuffle %s, threads %d%n", config.epochs(), config.batchSize(), config.learningRate(),
                    initModel != null ? initModel : "N(0, " + config.initStd() + "^2)", config.seed(),
                    config.pixelScaling().id(), config.pixelScaling().formula(), config.shuffle() ? "on" : "off",
                    threadCount);
            stdout.printf("run:     %s%n%n", runDir);
            return train(model, fashionMnist, config, threadCount, runDir, stdout, stderr);
        } catch (IOException | UncheckedIOException e) {
            stderr.println("softmax4j train: " + (e instanceof UncheckedIOException u ? u.getCause() : e).getMessage());
            return Softmax4jCli.EXIT_PROBLEM;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println("softmax4j train: interrupted");
            return Softmax4jCli.EXIT_PROBLEM;
        }
    }

    private int train(SoftmaxRegression model, FashionMnist data, TrainConfig config, int threadCount, Path runDir,
                      PrintWriter stdout, PrintWriter stderr) throws IOException, InterruptedException {
        Map<String, Object> described = describe(config, threadCount);
        List<EpochStats> history = new ArrayList<>();
        stdout.println("epoch  train loss  train acc  test acc    time");
        stdout.flush();
        Files.createDirectories(runDir);
        CurvesWriter curves = new CurvesWriter(runDir);
        try (Trainer trainer = new Trainer(config, threadCount, FashionMnist.FEATURES, FashionMnist.CLASSES)) {
            trainer.fit(model, data.train(), data.test(), stats -> {
                history.add(stats);
                stdout.printf(Locale.ROOT, "%5d  %10.4f  %9.4f  %8.4f  %5.2f s%n", stats.epoch(), stats.trainLoss(),
                        stats.trainAccuracy(), stats.testAccuracy(), stats.seconds());
                stdout.flush();
                curves.update(history);
                try {
                    MetricsFiles.write(runDir, described, history);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (DivergenceException e) {
            saveModel(runDir, model, config);
            MetricsFiles.write(runDir, described, history);
            curves.finish();
            stderr.println("softmax4j train: the loss became NaN or infinite in epoch " + e.epoch() + " at --lr "
                    + e.learningRate() + "; try a smaller --lr. " + (history.isEmpty() ? "The initial model"
                    : "The model after epoch " + history.get(history.size() - 1).epoch()) + " is saved in "
                    + runDir.resolve("model.safetensors"));
            return Softmax4jCli.EXIT_PROBLEM;
        }
        Path modelPath = saveModel(runDir, model, config);
        curves.finish();
        RunPictures.write(runDir, model, data, config.pixelScaling(), described, history, stdout);
        stdout.printf("%nmodel:   %s%nmetrics: %s, %s%nreport:  %s%n", modelPath, runDir.resolve("metrics.json"),
                runDir.resolve("metrics.csv"), runDir.resolve("report.html"));
        return 0;
    }

    private Path saveModel(Path runDir, SoftmaxRegression model, TrainConfig config) throws IOException {
        Map<String, String> training = new LinkedHashMap<>();
        config.toMap().forEach((key, value) -> training.put(key, String.valueOf(value)));
        if (initModel != null) {
            training.put("init", initModel.toString());
        }
        Path path = runDir.resolve("model.safetensors");
        ModelFile.save(path, new SavedModel(model, FashionMnist.CLASS_NAMES, config.pixelScaling(), IdxReader.ROWS,
                IdxReader.COLS, training));
        return path;
    }

    private SoftmaxRegression initialModel(TrainConfig config) throws IOException {
        if (initModel == null) {
            return SoftmaxRegression.initialize(FashionMnist.FEATURES, FashionMnist.CLASSES, config.initStd(),
                    config.seed());
        }
        return Models.loadFashionMnist(initModel).model();
    }

    private Map<String, Object> describe(TrainConfig config, int threadCount) {
        Map<String, Object> described = new LinkedHashMap<>(config.toMap());
        described.put("init", initModel == null ? "random" : initModel.toString());
        described.put("threads", threadCount);
        return described;
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
    }

    private Path runDir() {
        if (out != null) {
            if (Files.isRegularFile(out) || Files.isDirectory(out) && !isEmptyDir(out)) {
                throw new ParameterException(spec.commandLine(), "--out " + out
                        + " already exists and is not an empty folder; choose a new folder");
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

package io.github.softmax4j.cli;

import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.TerminalText;
import io.github.softmax4j.data.TrainTest;
import io.github.softmax4j.experiment.DamagedFileException;
import io.github.softmax4j.experiment.FolderInUseException;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.RunResult;
import io.github.softmax4j.experiment.RunWriteException;
import io.github.softmax4j.experiment.Sweep;
import io.github.softmax4j.experiment.SweepFiles;
import io.github.softmax4j.experiment.SweepGrid;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.LearningRateSchedule;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code softmax4j sweep}: train a grid of settings in one JVM, rank them on validation, test the winner. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train every combination of the given settings (comma-separated lists) on a validation split, "
                + "each into a run folder, rank the settings by validation accuracy over the seeds, and evaluate "
                + "the test set once, for the winner. Writes sweep.json, sweep.csv, sweep.html and sweep.png.")
final class SweepCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataDirOption data;

    @Option(names = "--lr", paramLabel = "X", split = ",", defaultValue = "0.1",
            description = "Learning rates, each above 0 (default: ${DEFAULT-VALUE}).")
    private List<Float> learningRates;

    @Option(names = "--batch-size", paramLabel = "N", split = ",", defaultValue = "256",
            description = "Minibatch sizes, each 1 up to the images that train the model (default: ${DEFAULT-VALUE}).")
    private List<Integer> batchSizes;

    @Option(names = "--momentum", paramLabel = "M", split = ",", defaultValue = "0",
            description = "SGD momentums, each 0 <= M < 1 (default: ${DEFAULT-VALUE}).")
    private List<Float> momentums;

    @Option(names = "--weight-decay", paramLabel = "L", split = ",", defaultValue = "0",
            description = "L2 penalties on the weights, each 0 or more (default: ${DEFAULT-VALUE}).")
    private List<Float> weightDecays;

    @Option(names = "--lr-schedule", paramLabel = "SCHEDULE", split = ",", defaultValue = "constant",
            converter = ScheduleConverter.class, description = "constant, cosine, step (default: ${DEFAULT-VALUE}).")
    private List<LearningRateSchedule> schedules;

    @Option(names = "--pixels", paramLabel = "SCALING", split = ",", defaultValue = "unit",
            converter = PixelScalingConverter.class, description = "unit, symmetric (default: ${DEFAULT-VALUE}).")
    private List<PixelScaling> pixelScalings;

    @Option(names = "--init-std", paramLabel = "X", split = ",", defaultValue = "0.01",
            converter = InitStdConverter.class,
            description = "Standard deviations of the initial weights, each 0 to 100 (default: ${DEFAULT-VALUE}).")
    private List<Float> initStds;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs of every run, 1 or more (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "Seeds 1..N for every setting, N 1 or more; at most 10000 runs in all (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(names = "--validation", paramLabel = "N", defaultValue = "10000",
            description = "Training images held out to rank on, 1 up to fewer than all of them (default: ${DEFAULT-VALUE}).")
    private int validation;

    @Option(names = "--early-stopping", paramLabel = "P", defaultValue = "0",
            description = "Stop a run after P epochs without a better validation accuracy, P 0 or more (default: ${DEFAULT-VALUE}, never).")
    private int earlyStopping;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads in all, 1 or more (more than the processors are lowered to them) (default: all cores).")
    private Integer threads;

    @Option(names = "--side-by-side", paramLabel = "N",
            description = "Runs trained at once, sharing the threads, 1 to the threads (default: one per core).")
    private Integer sideBySide;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep folder to create, new or empty; missing folders on its path are "
            + "created (default: sweeps/<date>_<time>).")
    private Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the sweep in DIR: finished runs are kept, interrupted ones continue.")
    private Path resume;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        data.validate();
        int threadCount = Threads.count(spec, threads);
        int lanes = sideBySide == null ? threadCount : sideBySide;
        if (lanes < 1 || lanes > threadCount) {
            throw new ParameterException(spec.commandLine(), "--side-by-side must be between 1 and the "
                    + threadCount + " threads, got " + lanes);
        }
        OutputFolder.Chosen chosen = OutputFolder.choose(spec, resume, out, "sweeps");
        Path dir = chosen.dir();
        // a default folder this command made is removed again if nothing was written into it
        Runnable removeIfChosenHere = chosen.removeIfEmpty();
        Interruption interruption = Interruption.install(stderr, "softmax4j sweep: interrupted before training "
                + (resume == null ? "started; nothing was written" : "resumed; continue with " + resumeCommand(dir)),
                removeIfChosenHere);
        Sweep sweep = null;
        try {
            SweepGrid grid = resume != null ? resumedGrid() : grid();
            IdxDataSet dataSet = data.dataSet();
            // the folder is taken before the data is read: a second command on it is refused at once
            sweep = Sweep.open(grid, dir, dataSet.classNames(), dataSet.height(), dataSet.width());
            if (resume == null) {
                OutputFolder.requireNew(dir);
            }
            List<SweepGrid.Run> runs = grid.runs();
            // a sweep stopped while its page was drawn is finished by resuming it
            if (resume != null && Files.isRegularFile(dir.resolve(Sweep.PAGE_FILE)) && Sweep.complete(dir, grid)) {
                String complete = "softmax4j sweep: " + dir + " is complete: " + (runs.size() == 1 ? "its run"
                        : "all " + runs.size() + " runs") + " ended and " + (runs.size() == 1 ? "was" : "were")
                        + " ranked, so nothing was trained";
                if (!SweepFiles.recordsWinner(dir)) {
                    // as the sweep itself ended: no winner is a failure to report, not a sweep to extend
                    stderr.println(complete + ", but every setting diverged (the ranking is in " + dir.resolve(Sweep.PAGE_FILE)
                            + "); try smaller learning rates in a new sweep");
                    return Softmax4jCli.EXIT_PROBLEM;
                }
                stderr.println(complete + "; the ranking is in " + dir.resolve(Sweep.PAGE_FILE)
                        + "; to train more, start a new sweep with a larger --epochs"
                        + (grid.earlyStopping() > 0 ? " or --early-stopping" : ""));
                return 0;
            }
            Thread warmUp = TrainCommand.startWarmUp(dataSet);
            TrainTest loaded = data.load();
            for (SweepGrid.Run run : runs) {
                try {
                    run.config().checkFits(loaded.train().size());
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), OutputFolder.optionNames(e.getMessage()));
                }
            }
            if (resume != null) {
                printDamaged(stdout, dir, runs);
            }
            stdout.printf(Locale.ROOT, "sweep:   %s, %s (%s x %s) of %s, %d held out for validation, %d at a "
                            + "time on %d threads%n%n", dir, count(runs.size(), "run"), count(runs.size() / grid.seeds(),
                    "setting"), count(grid.seeds(), "seed"), count(grid.epochs(), "epoch"), grid.validation(),
                    Math.min(lanes, runs.size()), threadCount);
            stdout.flush();
            warmUp.join();
            if (!interruption.guard()) {
                return Softmax4jCli.EXIT_INTERRUPTED;
            }
            Sweep.Result result = sweep.run(loaded.train(), loaded.test(), threadCount, lanes,
                    progress -> {
                        printProgress(stdout, progress);
                        stdout.flush();
                    }, interruption.stop());
            if (result.interrupted()) {
                stdout.flush();
                stderr.println("softmax4j sweep: interrupted with " + result.finished() + " of " + runs.size()
                        + " runs finished (those in progress stopped after an epoch); continue with "
                        + resumeCommand(dir));
                return Softmax4jCli.EXIT_INTERRUPTED;
            }
            stdout.println();
            RankingOutput.print(stdout, result.ranking());
            stdout.println();
            if (result.winner() != null) {
                stdout.printf(Locale.ROOT, "winner:  %s, test acc %.4f (the test set evaluated once, for this run)%n",
                        result.winner().name(), result.winner().testAccuracy());
            } else {
                stdout.println("winner:  none; every setting diverged. Try smaller learning rates.");
            }
            List<RunFolder> folders = RunFolder.findAll(dir);
            RankingOutput.writePage(dir.resolve(Sweep.PAGE_FILE), dir.resolve(Sweep.CHART_FILE), "softmax4j sweep "
                    + dir.getFileName(), folders, result.ranking(), result.winner(), List.of());
            stdout.printf("files:   %s, %s, %s, %s%n", dir.resolve(Sweep.JSON_FILE), dir.resolve(SweepFiles.CSV_FILE),
                    dir.resolve(Sweep.PAGE_FILE), dir.resolve(Sweep.CHART_FILE));
            return interruption.finished(result.winner() != null ? 0 : Softmax4jCli.EXIT_PROBLEM, "softmax4j sweep: "
                    + "stopped as the sweep finished; it is complete, nothing to continue: " + dir);
        } catch (RunWriteException e) {
            stderr.println("softmax4j sweep: " + e.getMessage() + "; once the cause is fixed, continue with "
                    + resumeCommand(dir));
            return Softmax4jCli.EXIT_PROBLEM;
        } catch (DamagedFileException e) {
            stderr.println("softmax4j sweep: " + (e.file().endsWith(Sweep.JSON_FILE) ? TerminalText.of(e.file()
                    + " is damaged (" + e.reason() + "); ") + newSweep(dir) : FileProblem.describe(e)));
            return Softmax4jCli.EXIT_PROBLEM;
        } catch (FolderInUseException e) {
            stderr.println("softmax4j sweep: " + OutputFolder.inUse(e, resume));
            return Softmax4jCli.EXIT_PROBLEM;
        } catch (IOException e) {
            stderr.println("softmax4j sweep: " + FileProblem.describe(e));
            return Softmax4jCli.EXIT_PROBLEM;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println("softmax4j sweep: interrupted; continue with " + resumeCommand(dir));
            return Softmax4jCli.EXIT_PROBLEM;
        } finally {
            if (sweep != null) {
                sweep.close();
            }
            removeIfChosenHere.run();
            // last: once closed, a waiting signal lets the JVM end, so every line above is out
            interruption.close();
        }
    }

    // a run whose metrics.json is damaged is continued from its checkpoint, or trained again without one, as train
    // --resume says it for its run
    private static void printDamaged(PrintWriter stdout, Path dir, List<SweepGrid.Run> runs) {
        for (SweepGrid.Run run : runs) {
            Path runDir = dir.resolve(run.name());
            if (!Files.isRegularFile(runDir.resolve(MetricsFiles.JSON_FILE))) {
                continue;
            }
            try {
                RunFolder.read(runDir, dir);
            } catch (DamagedFileException e) {
                stdout.println("resume:  " + TerminalText.of(runDir + ": its " + MetricsFiles.JSON_FILE + " was damaged ("
                        + e.reason() + ")") + (Files.isRegularFile(runDir.resolve(Checkpoint.FILE_NAME))
                        ? ", and is written again from the checkpoint" : "; the run is trained again from the start"));
            } catch (IOException unreadable) {
                // the sweep itself names a file it cannot read, when it comes to it
            }
        }
    }

    static String resumeCommand(Path dir) {
        return Invocation.command() + " sweep --resume " + Invocation.quote(dir);
    }

    // a sweep whose sweep.json is damaged cannot be resumed: its grid is lost, so the user gives it again, in a
    // folder of its own beside this one (the runs of this one stay where they are), named as the user named this
    // one: relative to the current folder when given so (from inside the sweep, --resume . suggests ../<name>-2)
    private static String newSweep(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        String name = absolute.getFileName() == null ? "sweep" : absolute.getFileName().toString();
        Path beside = absolute.getParent() == null ? absolute : absolute.getParent();
        Path fresh = beside.resolve(name + "-2");
        for (int n = 3; Files.exists(fresh); n++) {
            fresh = beside.resolve(name + "-" + n);
        }
        Path shown = dir.isAbsolute() ? fresh : Path.of("").toAbsolutePath().relativize(fresh);
        return "start a new sweep with the settings you gave this one, in a new folder: " + Invocation.command()
                + " sweep --out " + Invocation.quote(shown) + " plus those settings (--lr, --batch-size, ...)";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void printProgress(PrintWriter out, Sweep.Progress progress) {
        RunResult run = progress.run();
        String figure = run.status() == RunStatus.DIVERGED ? "diverged"
                : String.format(Locale.ROOT, "val acc %.4f (epoch %d)", run.valAccuracy(), run.keptEpoch());
        String best = progress.best() == null ? "none yet" : String.format(Locale.ROOT, "%s %.4f",
                progress.best().name(), progress.best().valAccuracy());
        out.printf(Locale.ROOT, "[%3d/%d] %-28s %-26s %6.2f s   best: %s%s%n", progress.done(), progress.total(),
                run.name(), figure, run.seconds(), best, progress.done() == progress.total() ? ""
                        : "   " + timeLeft(progress.secondsLeft()));
    }

    /**
     * The estimate of the time left, as rough as it is: "less than 1 s left", "about 42 s left",
     * "about 3 min left", "about 1 h 5 min left".
     */
    static String timeLeft(double seconds) {
        if (seconds < 0.5) {
            return "less than 1 s left";
        }
        long rounded = Math.round(seconds);
        if (rounded < 60) {
            return "about " + rounded + " s left";
        }
        long minutes = Math.round(seconds / 60);
        if (minutes < 60) {
            return "about " + minutes + " min left";
        }
        return "about " + minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min") + " left";
    }

    private SweepGrid grid() {
        try {
            SweepGrid grid = new SweepGrid(learningRates, batchSizes, momentums, weightDecays, schedules, pixelScalings,
                    initStds, epochs, seeds, validation, earlyStopping);
            grid.runs();
            return grid;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), OutputFolder.optionNames(e.getMessage()));
        }
    }

    private SweepGrid resumedGrid() throws IOException {
        for (String option : List.of("--lr", "--batch-size", "--momentum", "--weight-decay", "--lr-schedule",
                "--pixels", "--init-std", "--epochs", "--seeds", "--validation", "--early-stopping", "--out")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), "--resume continues the sweep with its own grid "
                        + "and folder; leave out " + option);
            }
        }
        InputPaths.requireFolder(spec, resume, "--resume", "give the folder of a sweep softmax4j started");
        if (!Files.isRegularFile(resume.resolve(Sweep.JSON_FILE))) {
            Optional<Path> sweep = Sweep.holding(resume);
            throw new ParameterException(spec.commandLine(), "--resume " + resume + " holds no " + Sweep.JSON_FILE
                    + (sweep.isPresent() ? "; it is a run of the sweep in " + sweep.get() + ": continue the sweep with "
                    + resumeCommand(sweep.get()) : Files.isRegularFile(resume.resolve(Checkpoint.FILE_NAME))
                    ? "; it is the folder of a run: continue it with " + TrainCommand.resumeCommand(resume)
                    : "; give the folder of a sweep softmax4j started"));
        }
        return SweepFiles.readGrid(resume);
    }
}

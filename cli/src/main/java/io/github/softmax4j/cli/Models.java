package io.github.softmax4j.cli;

import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.RunLock;
import io.github.softmax4j.experiment.Sweep;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Loading a model file that commands use with the data set. */
final class Models {
    private Models() {
    }

    /** Rejects, as a bad option, a model path that is not a file; {@code name} is how the user gave it. */
    static void requireFile(CommandSpec spec, Path path, String name) {
        if (path != null && !Files.exists(path)) {
            notYetWritten(path).ifPresent(words -> {
                throw new ParameterException(spec.commandLine(), name + " " + path + " " + words);
            });
        }
        InputPaths.requireFile(spec, path, name, "give a model.safetensors that softmax4j train wrote in its run folder");
    }

    // a run writes its model.safetensors when its training ends: while it trains (RunLock.running decides, as for
    // compare and the board), the model is not missing but to come, and the checkpoint holds the latest epoch's
    private static Optional<String> notYetWritten(Path path) {
        Path file = path.getFileName();
        if (file == null || !file.toString().equals(RunFolder.MODEL_FILE)) {
            return Optional.empty();
        }
        Path dir = path.toAbsolutePath().getParent();
        RunMetrics metrics = null;
        if (Files.exists(dir.resolve(MetricsFiles.JSON_FILE))) {
            try {
                metrics = RunFolder.read(dir, dir).metrics();
            } catch (IOException damaged) {
                return Optional.empty();
            }
            if (metrics.status() != RunStatus.RUNNING) {
                return Optional.empty();
            }
        } else if (!RunLock.held(dir) || Files.exists(dir.resolve(Sweep.JSON_FILE))) {
            // a locked folder without metrics.json is a run reading its data; a sweep's folder holds no model
            return Optional.empty();
        }
        Path checkpoint = path.resolveSibling(Checkpoint.FILE_NAME);
        int done = metrics == null ? 0 : metrics.epochs().size();
        String waitOrCheckpoint = done > 0 && Files.isRegularFile(checkpoint)
                ? "wait for it, or give its checkpoint, " + checkpoint + ", the model after epoch " + done
                + (metrics.config().get("epochs") instanceof Number epochs ? " of " + epochs : "")
                : "wait for it, or for its first epoch to end and give its checkpoint, " + checkpoint;
        return Optional.of("does not exist yet: the run in " + (path.getParent() == null ? "the current folder"
                : path.getParent()) + " is training and writes its model when the training ends; " + waitOrCheckpoint);
    }

    /**
     * Loads {@code path} and checks that it classifies the data set's images into as many classes
     * as the data set has; the class names are the model's own.
     */
    static SavedModel loadFor(Path path, IdxDataSet dataSet) throws IOException {
        SavedModel saved = ModelFile.load(path);
        if (saved.classNames().size() != dataSet.classes() || saved.height() != dataSet.height()
                || saved.width() != dataSet.width()) {
            throw new IOException(path + ": not a " + dataSet.name() + " model (it classifies " + saved.height() + "x"
                    + saved.width() + " images into " + saved.classNames().size() + " classes, " + dataSet.name()
                    + " has " + dataSet.height() + "x" + dataSet.width() + " images in " + dataSet.classes()
                    + "); pass a model softmax4j trained");
        }
        return saved;
    }
}

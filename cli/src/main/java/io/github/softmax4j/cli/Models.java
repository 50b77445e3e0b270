package io.github.softmax4j.cli;

import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.TerminalText;
import io.github.softmax4j.experiment.Holder;
import io.github.softmax4j.experiment.PendingModel;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.train.MetricsFiles;
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
            RunFolder.pendingModel(path).ifPresent(pending -> {
                throw new ParameterException(spec.commandLine(), name + " " + path + " " + toCome(path, pending));
            });
        }
        InputPaths.requireFile(spec, path, name, "give a model.safetensors that softmax4j train wrote in its run folder");
    }

    // the model is not missing but to come, and the checkpoint holds the latest epoch's
    private static String toCome(Path path, PendingModel pending) {
        String folder = path.getParent() == null ? "the current folder" : path.getParent().toString();
        String checkpoint = pending.checkpointEpoch() > 0 ? "wait for it, or give its checkpoint, "
                + pending.checkpoint() + ", the model after epoch " + pending.checkpointEpoch()
                + (pending.epochs().isPresent() ? " of " + pending.epochs().getAsInt() : "")
                : "wait for it, or for its first epoch to end and give its checkpoint, " + pending.checkpoint();
        if (pending.holder() == Holder.STARTING) {
            return "does not exist yet: " + folder + " is held by a train or sweep still reading its data; a run "
                    + "writes its model there when its training ends (a sweep, in its runs' folders): " + checkpoint;
        }
        return "does not exist yet: the run in " + folder + " is training and writes its model when the training ends; "
                + checkpoint;
    }

    /**
     * The line to print before using {@code path} when it is the model of a run that diverged in its
     * first epoch from a random start, as the board says it: usable, but untrained.
     */
    static Optional<String> untrainedNote(String command, Path path) {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !RunFolder.MODEL_FILE.equals(String.valueOf(path.getFileName()))
                || !Files.isRegularFile(dir.resolve(MetricsFiles.JSON_FILE))) {
            return Optional.empty();
        }
        try {
            if (RunFolder.read(dir, dir).metrics().untrainedModel()) {
                // the folder as the user gave it, as the model is
                String folder = path.getParent() == null ? "the current folder" : path.getParent().toString();
                return Optional.of("softmax4j " + command + ": note: the run in " + TerminalText.of(folder)
                        + " diverged in its first epoch, so " + TerminalText.of(path.toString()) + " is its untrained "
                        + "starting model (right about one time in ten); train it again with a smaller --lr");
            }
        } catch (IOException | RuntimeException unreadable) {
            // a folder that is not a readable run says nothing about the model
        }
        return Optional.empty();
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

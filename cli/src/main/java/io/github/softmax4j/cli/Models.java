package io.github.softmax4j.cli;

import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.experiment.Holder;
import io.github.softmax4j.experiment.PendingModel;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

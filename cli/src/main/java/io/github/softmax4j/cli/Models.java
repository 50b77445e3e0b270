package io.github.softmax4j.cli;

import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** Loading a model file that commands use with the data set. */
final class Models {
    private Models() {
    }

    /** Rejects, as a bad option, a model path that is not a file; {@code name} is how the user gave it. */
    static void requireFile(CommandSpec spec, Path path, String name) {
        InputPaths.requireFile(spec, path, name, "give a model.safetensors that softmax4j train wrote in its run folder");
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

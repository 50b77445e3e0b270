package io.github.softmax4j.cli;

import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxReader;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Loading a model file that commands use with Fashion-MNIST. */
final class Models {
    private Models() {
    }

    /** Rejects, as a bad option, a model path that is not a file; {@code name} is how the user gave it. */
    static void requireFile(CommandSpec spec, Path path, String name) {
        if (path != null && !Files.isRegularFile(path)) {
            throw new ParameterException(spec.commandLine(), name + " " + path + " is not a file");
        }
    }

    /** Loads {@code path} and checks it classifies 28x28 images into the ten Fashion-MNIST classes. */
    static SavedModel loadFashionMnist(Path path) throws IOException {
        SavedModel saved = ModelFile.load(path);
        if (!saved.classNames().equals(FashionMnist.CLASS_NAMES)
                || saved.height() != IdxReader.ROWS || saved.width() != IdxReader.COLS) {
            throw new IOException(path + ": not a Fashion-MNIST model (its classes are " + saved.classNames()
                    + " on " + saved.height() + "x" + saved.width() + " images); pass a model softmax4j trained");
        }
        return saved;
    }
}

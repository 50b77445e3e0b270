package io.github.softmax4j.cli;

import io.github.softmax4j.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --data-dir} option that every command reading Fashion-MNIST shares, and the loading. */
final class DataDirOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder with the four Fashion-MNIST files (default: $FASHION_MNIST_DIR, the user cache, "
                    + "/usr/share/datasets/fashion-mnist, else download).")
    private Path dataDir;

    /** Rejects a --data-dir that is not a folder, as a bad option. */
    void validate() {
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new ParameterException(command.commandLine(), "--data-dir " + dataDir + " is not a folder");
        }
    }

    /** The folder the user named, or null to search. */
    Path dir() {
        return dataDir;
    }

    /** Finds (downloading if need be), verifies and loads the data set, saying on stdout where it came from. */
    FashionMnist load() throws IOException {
        return DataLoader.standard().load(dataDir, command.commandLine().getOut(), command.commandLine().getErr());
    }

    /** As {@link #load()}, but says where the data came from on stderr, leaving stdout to machine output. */
    FashionMnist loadQuietly() throws IOException {
        return DataLoader.standard().load(dataDir, command.commandLine().getErr(), command.commandLine().getErr());
    }
}

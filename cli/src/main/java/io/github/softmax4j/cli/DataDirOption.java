package io.github.softmax4j.cli;

import io.github.softmax4j.data.DataLocator;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.TrainTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --data-dir} option that every command reading the data set shares, and the loading. */
final class DataDirOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder with the Fashion-MNIST files (default: $FASHION_MNIST_DIR, the user cache, "
                    + "/usr/share/datasets/fashion-mnist, else download); the first that holds the files the "
                    + "command reads, all four to train, the two test files to evaluate.")
    private Path dataDir;

    /** The data set the commands work on. */
    IdxDataSet dataSet() {
        return FashionMnist.DATA_SET;
    }

    /** {@link #validate(CommandSpec, Path, IdxDataSet, String)} for this option and its data set's files. */
    void validate() {
        validate(command, dataDir, dataSet(), dataSet().name() + " files");
    }

    /**
     * Rejects {@code dataDir}, given as --data-dir, if it is not a folder, as a bad option that says
     * to give the folder that holds {@code files}; without --data-dir, the same for the folder in
     * the data set's environment variable ($FASHION_MNIST_DIR), which the user set as deliberately.
     * For a command with a --data-dir of its own, such as board, which never downloads.
     */
    static void validate(CommandSpec spec, Path dataDir, IdxDataSet dataSet, String files) {
        InputPaths.requireFolder(spec, dataDir, "--data-dir", "give the folder that holds the " + files);
        if (dataDir == null) {
            requireVariableFolder(spec, dataSet);
        }
    }

    private static void requireVariableFolder(CommandSpec spec, IdxDataSet dataSet) {
        String variable = dataSet.where().envVar();
        InputPaths.requireFolder(spec, DataLocator.standard(dataSet).environmentDir(), variable,
                "set " + variable + " to the folder that holds the " + dataSet.name() + " files, or unset it");
    }

    /** Finds (downloading if need be), verifies and loads the data set, saying on stdout where it came from. */
    TrainTest load() throws IOException {
        return DataLoader.standard(command.qualifiedName(), dataSet()).load(dataDir, command.commandLine().getOut(),
                command.commandLine().getErr());
    }

    /**
     * Only the test images, saying where they came from on stdout, or on stderr when {@code quietly}
     * (stdout is then left to machine output).
     */
    Dataset loadTest(boolean quietly) throws IOException {
        PrintWriter err = command.commandLine().getErr();
        return DataLoader.standard(command.qualifiedName(), dataSet()).loadTest(dataDir,
                quietly ? err : command.commandLine().getOut(), err);
    }
}

package io.github.softmax4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The files and folders a command reads, checked before anything is done, as bad options told
 * the same way by every command: the option or parameter, the path as given, what is wrong
 * ("does not exist", "is a folder, not a file", ...) and what to do.
 */
final class InputPaths {
    private InputPaths() {
    }

    /**
     * Rejects {@code path} unless it is a regular file (or a link to one); {@code name} is how the
     * user gave it ({@code MODEL}, {@code --init}) and {@code todo} says what to give instead.
     * A null path (the option left out) passes.
     */
    static void requireFile(CommandSpec spec, Path path, String name, String todo) {
        if (path != null && !Files.isRegularFile(path)) {
            throw new ParameterException(spec.commandLine(), name + " " + path + " "
                    + (Files.isDirectory(path) ? "is a folder, not a file" : wrongKind(path, "file")) + "; " + todo);
        }
    }

    /** As {@link #requireFile}, for a folder. */
    static void requireFolder(CommandSpec spec, Path path, String name, String todo) {
        if (path != null && !Files.isDirectory(path)) {
            throw new ParameterException(spec.commandLine(), name + " " + path + " "
                    + (Files.isRegularFile(path) ? "is a file, not a folder" : wrongKind(path, "folder")) + "; " + todo);
        }
    }

    // a path that is not there, or something else: a device, a FIFO, a link to nothing
    private static String wrongKind(Path path, String kind) {
        return Files.exists(path) ? "is not a " + kind : "does not exist";
    }
}

package io.github.softmax4j.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A file an option names for a command to write. It may be new, a regular file (replaced
 * atomically) or a symbolic link to one (the file it points to is replaced, the link stays);
 * anything else that exists there, such as a folder, /dev/null, a FIFO or a broken link, is a bad
 * option, so a command never replaces it.
 */
final class OutputFile {
    private OutputFile() {
    }

    /** Rejects {@code file}, given as {@code option}, if it exists and is not a regular file or a link to one. */
    static void check(CommandSpec spec, Path file, String option) {
        if (file == null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(file)) {
            return;
        }
        String what = Files.isDirectory(file) ? "is a folder" : Files.isSymbolicLink(file)
                ? "is a symbolic link to something that is not a regular file"
                : "is not a regular file (a device, FIFO or socket)";
        throw new ParameterException(spec.commandLine(), option + " " + file + " " + what
                + "; give the name of a new or regular file, such as out.png");
    }
}

package io.github.softmax4j.cli;

import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.data.TerminalText;
import io.github.softmax4j.experiment.RunLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file problem as the one line a person reads: the file, what is wrong with it, and what to do.
 * The JDK reports many of them with the path alone ({@code /proc/x}) or with the name of a
 * temporary file; every command prints its problems through {@link #describe}.
 */
final class FileProblem {
    private FileProblem() {
    }

    /**
     * The line for {@code problem}, without the command's prefix; a file name's control characters
     * (escape codes, carriage returns) show as U+FFFD, so that printing it never drives the terminal.
     */
    static String describe(Throwable problem) {
        return TerminalText.of(line(problem));
    }

    /**
     * The file and what is wrong with it, without what to do about it ({@code runs/x/curves.png: No
     * space left on device}), for a line that gives its own advice; control characters as U+FFFD.
     */
    static String fault(Throwable problem) {
        Throwable cause = problem instanceof UncheckedIOException unchecked ? unchecked.getCause() : problem;
        if (cause instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : fs instanceof AccessDeniedException ? "permission denied" : "cannot be written";
            return TerminalText.of(AtomicFiles.targetOf(Path.of(fs.getFile())) + ": " + reason);
        }
        return describe(problem);
    }

    private static String line(Throwable problem) {
        if (problem instanceof UncheckedIOException unchecked) {
            return line(unchecked.getCause());
        }
        if (problem instanceof InvalidPathException invalid) {
            return line(invalid);
        }
        if (problem instanceof FileSystemException fs && fs.getFile() != null) {
            return line(fs);
        }
        String message = problem.getMessage();
        return message == null || message.isBlank() ? problem.getClass().getSimpleName() : message;
    }

    private static String line(InvalidPathException invalid) {
        String reason = invalid.getReason().toLowerCase(Locale.ROOT);
        if (reason.contains("unmappable") || reason.contains("malformed")) {
            return "'" + invalid.getInput() + "' cannot be used as a file name here: the locale cannot spell its "
                    + "letters outside ASCII; run with a UTF-8 locale such as LC_ALL=C.UTF-8, or rename it";
        }
        return "'" + invalid.getInput() + "' cannot be used as a file name (" + reason + "); rename it";
    }

    // a lock is the command's own file: its folder, the run's or sweep's, is what cannot be written; a file that is
    // there but cannot be read is an input, which cannot be put elsewhere; anything else is an output
    private static String denied(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().equals(RunLock.FILE_NAME)
                && file.getParent() != null) {
            return file.getParent() + ": permission denied; the command writes into this folder, so check that its "
                    + "permissions let you write it";
        }
        if (!Files.notExists(file) && !Files.isDirectory(file) && !Files.isReadable(file)) {
            return file + ": permission denied; check that its permissions and its folders' let you read it";
        }
        return file + ": permission denied; check its permissions and its folder's, or choose another place";
    }

    private static String line(FileSystemException fs) {
        String file = AtomicFiles.targetOf(Path.of(fs.getFile())).toString();
        if (fs instanceof NoSuchFileException) {
            return file + ": " + (fs.getReason() != null ? fs.getReason()
                    : "no such file or folder, or it cannot be created there; check the path");
        }
        if (fs instanceof AccessDeniedException) {
            return denied(Path.of(file));
        }
        if (fs instanceof NotDirectoryException) {
            return file + ": is not a folder; give a folder";
        }
        if (fs instanceof DirectoryNotEmptyException) {
            return file + ": the folder is not empty; choose a new folder";
        }
        if (fs instanceof FileAlreadyExistsException) {
            return file + ": already exists; choose another name";
        }
        if (fs instanceof FileSystemLoopException) {
            return file + ": its symbolic links go round in a loop; give the real path";
        }
        String reason = fs.getReason() == null ? "cannot be read or written" : fs.getReason();
        String lower = reason.toLowerCase(Locale.ROOT);
        String todo = lower.contains("read-only") ? "; choose a folder that can be written"
                : lower.contains("is a directory") ? "; give a file, not a folder"
                : lower.contains("not a directory") ? "; a part of the path is a file, not a folder"
                : lower.contains("no space") ? "; free some space or choose another disk"
                : lower.contains("not a regular file") ? "; give the name of a regular file or of a new one"
                : "; check the path";
        return file + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile()) + ": " + reason + todo;
    }
}

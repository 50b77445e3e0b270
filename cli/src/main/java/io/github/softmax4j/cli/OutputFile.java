package io.github.softmax4j.cli;

import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.experiment.Holder;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.Sweep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A file an option names for a command to write. It may be new, a regular file (replaced
 * atomically) or a symbolic link to one (the file it points to is replaced, the link stays);
 * anything else that exists there, such as a folder, /dev/null, a FIFO or a broken link, is a bad
 * option, so a command never replaces it. Folders on its way that do not exist yet are created
 * when it is written; one that is a file, or a folder that cannot be written, is a bad option,
 * found before the command does any work. The name must end in the extension of the one format
 * the command writes, so a PNG never lands in a file called x.jpg.
 */
final class OutputFile {
    private OutputFile() {
    }

    /**
     * Rejects {@code file}, given as {@code option}, if its name does not end in {@code extension}
     * (the command writes one format, {@code format}, whatever the name says), if it exists and is
     * not a regular file or a link to one, or if its folder cannot be written.
     */
    static void check(CommandSpec spec, Path file, String option, String extension, String format) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " is a folder; give the name of a "
                    + "file in it, such as " + file.resolve("out" + extension));
        }
        Path name = file.getFileName();
        if (name != null && name.toString().equalsIgnoreCase(extension)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + " has no name before its "
                    + extension + "; give one, such as out" + extension);
        }
        if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": " + spec.name() + " writes "
                    + format + "; give a name ending in " + extension);
        }
        requireFolders(spec, file, option);
        requireNotRunFile(spec, file, option);
        requireWritable(spec, file, option);
        notReplaceable(file).ifPresent(what -> {
            throw new ParameterException(spec.commandLine(), option + " " + file + " " + what
                    + "; give the name of a new or regular file, such as out" + extension);
        });
    }

    /**
     * What keeps {@code file} from being written, replaced atomically: it is a folder, a device, FIFO
     * or socket, or a symbolic link to something that is not a regular file; empty when it is new, a
     * regular file or a link to one.
     */
    static Optional<String> notReplaceable(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.isDirectory(file) ? "is a folder" : Files.isSymbolicLink(file)
                ? "is a symbolic link to something that is not a regular file"
                : "is not a regular file (a device, FIFO or socket)");
    }

    /**
     * Rejects {@code path}, given as {@code option}, if it, or a folder on its way, has the name of a
     * file a run writes ({@link RunFolder#FILES}) in a folder that holds a run, or of a file a sweep
     * writes ({@link Sweep#FILES}) in a folder that holds a sweep: writing it would replace that file
     * (curves, a model, a report), which nothing but its run or sweep can write again, or keep the run
     * from writing it. A file beside a run under another name, or in a folder below it, is allowed.
     */
    static void requireNotRunFile(CommandSpec spec, Path path, String option) {
        requireNotRunFile(spec, path, option, path.toString());
    }

    /** As {@link #requireNotRunFile(CommandSpec, Path, String)}, telling {@code path} as {@code said}. */
    static void requireNotRunFile(CommandSpec spec, Path path, String option, String said) {
        for (Path part = path.toAbsolutePath().normalize(); part.getParent() != null; part = part.getParent()) {
            Path folder = part.getParent();
            String name = part.getFileName().toString();
            String owner = RunFolder.FILES.contains(name) && RunFolder.holdsRun(folder) ? "run"
                    : Sweep.FILES.contains(name) && Sweep.holdsSweep(folder) ? "sweep" : null;
            if (owner != null) {
                String clash = Files.exists(part, LinkOption.NOFOLLOW_LINKS) ? " would replace " + name + " of the "
                        : " has the name of " + name + ", a file of the ";
                throw new ParameterException(spec.commandLine(), option + " " + said + clash + owner + " in "
                        + shown(path, folder) + "; choose a name that no " + owner + " writes, or another folder");
            }
        }
    }

    /**
     * Rejects {@code path}, given as {@code option}, if it is the file {@code input}, which the command
     * reads as {@code inputName}: writing it would replace what the command was given.
     */
    static void requireNotInput(CommandSpec spec, Path path, String option, Path input, String inputName) {
        if (path != null && input != null && sameFile(path, input)) {
            throw new ParameterException(spec.commandLine(), option + " " + path + " is the " + inputName + " that "
                    + spec.name() + " reads; choose another file to write");
        }
    }

    /** Whether {@code a} and {@code b} are one file: the same path, or both existing and one file. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            // one of them does not exist (or cannot be looked at): writing one does not replace the other
            return false;
        }
    }

    /**
     * Rejects the file {@code path}, given as {@code option}, if the nearest of the folders above it
     * that exists cannot be written, or the file, or the folders on its way, could not be created
     * there ({@link #requireCreatable}).
     */
    static void requireWritable(CommandSpec spec, Path path, String option) {
        requireWritable(spec, path, option, true);
    }

    private static void requireWritable(CommandSpec spec, Path path, String option, boolean file) {
        Path above = nearestExisting(path.toAbsolutePath().getParent());
        if (above == null || !Files.isDirectory(above)) {
            return;
        }
        if (!Files.isWritable(above)) {
            throw new ParameterException(spec.commandLine(), option + " " + path + " cannot be created: "
                    + shown(path, above) + " is not a writable folder; choose another folder");
        }
        requireCreatable(spec, path, option, above, file);
    }

    /**
     * Rejects the folder {@code dir}, given as {@code option}, if it exists and cannot be written,
     * or if it does not exist and the nearest of the folders above it that exists cannot be
     * written. A writable folder passes whatever the folders above it are: only it is written.
     */
    static void requireWritableFolder(CommandSpec spec, Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            requireWritable(spec, dir, option, false);
        } else if (!Files.isWritable(dir)) {
            throw new ParameterException(spec.commandLine(), option + " " + dir + " is not a writable folder; "
                    + "choose another folder");
        } else {
            requireCreatable(spec, dir, option, dir.toAbsolutePath(), false);
        }
    }

    /**
     * Rejects {@code path}, given as {@code option}, if what it needs cannot be created in
     * {@code above}, the nearest existing folder on its way: the access rights say yes for root in
     * /proc and /sys, where creating fails, and a name can be too long for the file system. So a
     * file as long as the longest name to be made there (the folders on the way, and the temporary
     * file a file is written to first) is created there and removed at once. It is named as a
     * temporary file is ({@code .<random hex>....part}), so a command killed in that moment leaves a
     * file that says what it is, and that {@code train --resume} clears in a run folder.
     */
    private static void requireCreatable(CommandSpec spec, Path path, String option, Path above, boolean file) {
        Path absolute = path.toAbsolutePath().normalize();
        Path made = above.toAbsolutePath().normalize();
        Path missing = absolute.startsWith(made) ? made.relativize(absolute) : Path.of("");
        String longest = "";
        int longestBytes = 0;
        for (int i = 0; i < missing.getNameCount(); i++) {
            String name = missing.getName(i).toString();
            boolean last = i == missing.getNameCount() - 1;
            int needed = file && last ? AtomicFiles.tempNameBytes(name) : name.getBytes(StandardCharsets.UTF_8).length;
            if (needed > longestBytes) {
                longest = last ? "" : name;
                longestBytes = needed;
            }
        }
        try {
            probe(above, longestBytes);
        } catch (IOException e) {
            String reason = reason(e);
            if (reason != null && reason.toLowerCase(Locale.ROOT).contains("name too long")) {
                // a file is written under a temporary name first, some 23 bytes longer than its own
                int added = longestBytes - path.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
                throw new ParameterException(spec.commandLine(), option + " " + path + ": " + (!longest.isEmpty()
                        ? "the folder name " + longest + " is too long for the file system there"
                        : added > 0 ? "its name is too long for the file system there, with the " + added
                        + " bytes added to it while it is written (" + longestBytes + " bytes in all)"
                        : "its name is too long for the file system there") + "; choose a shorter name");
            }
            throw new ParameterException(spec.commandLine(), option + " " + path + (made.equals(absolute) ? ""
                    : " cannot be created: " + shown(path, above)) + " is not a writable folder (" + reason
                    + "); choose another folder");
        }
    }

    /**
     * Rejects the default output {@code file} (no --out given), which goes into the current folder,
     * if nothing can be created there: checked as --out is, by its access rights and by creating a
     * file, before any work, with advice that fits an option the user did not give.
     */
    static void requireDefaultWritable(CommandSpec spec, Path file) {
        Path folder = Path.of("").toAbsolutePath();
        Optional<String> reason = !Files.isWritable(folder) ? Optional.of("")
                : cannotCreateIn(folder).map(why -> " (" + why + ")");
        if (reason.isPresent()) {
            throw new ParameterException(spec.commandLine(), file + ", the default --out, cannot be created: "
                    + folder + " is not a writable folder" + reason.get() + "; run softmax4j from a folder you can "
                    + "write, or give --out FILE");
        }
    }

    /**
     * Why nothing can be created in the existing folder {@code folder}, found by creating a file
     * there and removing it at once ({@link #requireCreatable}); empty when a file could be created.
     */
    static Optional<String> cannotCreateIn(Path folder) {
        try {
            probe(folder, 0);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(reason(e)));
        }
    }

    // creates a file of a name {@code bytes} long (or a little longer) in {@code folder}, named as a temporary file is,
    // and removes it
    private static void probe(Path folder, int bytes) throws IOException {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        String probe = "." + hex + "x".repeat(Math.max(0, bytes - hex.length() - ".part".length() - 1)) + ".part";
        Files.delete(Files.createFile(folder.resolve(probe)));
    }

    // why a file could not be created, in a few words
    private static String reason(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "nothing can be created in it"
                : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
    }

    /**
     * Rejects {@code given}, named by {@code option}, if what is written for it goes into the folder
     * of a run or sweep that is training (its lock held, {@link #inUse}): {@code folder}, or the
     * nearest folder above it that exists, where the missing ones would be made. That folder
     * belongs to the training; {@code todo} says where to write instead.
     */
    static void requireNotInUse(CommandSpec spec, String option, Path given, Path folder, String todo) {
        Path existing = nearestExisting(folder.toAbsolutePath().normalize());
        Optional<String> holder = existing == null ? Optional.empty() : inUse(existing);
        if (holder.isEmpty()) {
            return;
        }
        String where = existing.equals(given.toAbsolutePath().normalize()) ? " is"
                : " goes into " + shown(given, existing) + ",";
        throw new ParameterException(spec.commandLine(), option + " " + given + where + " " + holder.get() + "; "
                + todo);
    }

    /**
     * "in use by" what holds {@code folder} now, named as its files tell it (the run, the sweep, or a
     * train or sweep still reading its data); empty when nothing holds it. The folder belongs to
     * its writer: nothing else is written into it.
     */
    static Optional<String> inUse(Path folder) {
        return Holder.of(folder).map(holder -> "in use by " + switch (holder) {
            case RUN -> "the run training there";
            case SWEEP -> "the sweep training there";
            case STARTING -> "the train or sweep starting there";
        });
    }

    // the folder as the user wrote it when it is part of the given path, else its full path
    static Path shown(Path given, Path folder) {
        for (Path part = given.getParent(); part != null; part = part.getParent()) {
            if (part.toAbsolutePath().equals(folder)) {
                return part;
            }
        }
        return folder;
    }

    /**
     * Rejects {@code path}, given as {@code option}, if the nearest of the folders above it that
     * exists is not a folder ({@code README.md/x.png}); the ones that do not exist yet pass, since
     * writing creates them.
     */
    static void requireFolders(CommandSpec spec, Path path, String option) {
        Path above = nearestExisting(path.getParent());
        if (above != null && !Files.isDirectory(above)) {
            throw new ParameterException(spec.commandLine(), option + " " + path + ": " + above + " is "
                    + (Files.isRegularFile(above) ? "a file" : "something else") + ", not a folder; choose another "
                    + "folder");
        }
    }

    /** {@code path} or the nearest of the folders above it that exists; null if none does. */
    static Path nearestExisting(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }
}

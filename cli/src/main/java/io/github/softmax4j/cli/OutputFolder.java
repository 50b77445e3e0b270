package io.github.softmax4j.cli;

import io.github.softmax4j.data.TerminalText;
import io.github.softmax4j.experiment.FolderInUseException;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.RunLock;
import io.github.softmax4j.experiment.Sweep;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The folder a run or a sweep writes into: {@code --out}, or a new dated folder such as runs/<date>_<time>. */
final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * The folder a command writes into, and what removes it again when the command ends before
     * writing anything into it: nothing, unless this command made the folder.
     */
    record Chosen(Path dir, Runnable removeIfEmpty) {
    }

    /**
     * The line refusing a folder that another command holds: a resume has no other folder to go
     * to, so it is told to wait for that command or stop it; control characters as U+FFFD.
     */
    static String inUse(FolderInUseException refused, Path resume) {
        return TerminalText.of(resume == null ? refused.getMessage()
                : refused.refusal("wait for it to end, or stop it and resume again"));
    }

    /**
     * The folder of a train or sweep: {@code resume} as given; else {@code given} (the --out),
     * without its "." and ".." parts, if it is a new or empty folder that can be created outside any
     * run's or sweep's folder, else a bad option (a new one, made when the command takes its lock, is
     * removed again by {@link Chosen#removeIfEmpty} with the folders made above it if nothing was
     * written into it); else a new folder {@code <root>/<date>_<time>}, created here,
     * with a suffix -2, -3... if that is taken, which {@link Chosen#removeIfEmpty} removes again
     * (with its root, if made here too) if nothing was written into it.
     */
    static Chosen choose(CommandSpec spec, Path resume, Path given, String root) {
        if (resume != null) {
            return new Chosen(resume, () -> { });
        }
        if (given == null) {
            return dated(spec, root);
        }
        // x/y/../z is the folder x/z: the folders made are those of the path written without "..", so no folder y
        // is made on the way, and x/z is what the run's messages name
        Path out = given.normalize().toString().isEmpty() ? given : given.normalize();
        OutputFile.requireFolders(spec, out, "--out");
        OutputFile.requireNotRunFile(spec, out, "--out");
        requireNotWithinRunOrSweep(spec, out);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + (Files.isRegularFile(out)
                    ? " is a file, not a folder" : " is not a folder") + "; choose a new folder");
        }
        if (Files.isDirectory(out) && !holdsOnlyTheLock(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out
                    + " already exists and is not an empty folder; choose a new folder");
        }
        OutputFile.requireWritableFolder(spec, out, "--out");
        if (Files.isDirectory(out)) {
            return new Chosen(out, () -> { });
        }
        // the folder, and those above it that are missing, are made when the command takes its lock
        Path existing = OutputFile.nearestExisting(out.toAbsolutePath());
        return new Chosen(out, () -> removeMade(out.toAbsolutePath(), existing));
    }

    /**
     * Rejects an --out inside a run's folder or a sweep's: a run's folder holds that run alone, and
     * a sweep's folders are its runs, so the board would not find a run put inside a run's, and would
     * take one put inside a sweep's for one of the sweep's runs.
     */
    private static void requireNotWithinRunOrSweep(CommandSpec spec, Path out) {
        enclosing(out).ifPresent(folder -> {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is inside " + folder
                    + "; choose a folder outside it");
        });
    }

    // the run's or sweep's folder that out would be inside, told with what it holds, if any
    private static Optional<String> enclosing(Path out) {
        for (Path folder = out.toAbsolutePath().normalize().getParent(); folder != null; folder = folder.getParent()) {
            String owner = Sweep.holdsSweep(folder) ? "sweep" : RunFolder.holdsRun(folder) ? "run" : null;
            if (owner != null) {
                return Optional.of("the folder of the " + owner + " in " + OutputFile.shown(out, folder)
                        + ", which holds " + ("run".equals(owner) ? "that run alone" : "the sweep's runs alone"));
            }
        }
        return Optional.empty();
    }

    // removes the folder dir made up to existing, the folder above it that was there before, if nothing was written
    private static void removeMade(Path dir, Path existing) {
        removeIfEmpty(dir);
        if (Files.exists(dir)) {
            return;
        }
        for (Path made = dir.getParent(); made != null && !made.equals(existing); made = made.getParent()) {
            try {
                Files.delete(made);
            } catch (IOException e) {
                // another command wrote into it meanwhile, or it cannot be removed; either way it stays
                return;
            }
        }
    }

    /**
     * A new folder {@code <root>/<date>_<time>}, created here, with a suffix -2, -3... if that is
     * taken, removed again with its root, if made here too, if nothing is written into it; a root
     * that cannot be written is a bad option.
     */
    private static Chosen dated(CommandSpec spec, String root) {
        requireWritable(spec, Path.of(root));
        // run from inside a run's or a sweep's folder, the default folder would be inside it too
        enclosing(Path.of(root, "new")).ifPresent(folder -> {
            throw new ParameterException(spec.commandLine(), "no folder is made in " + root + "/ here: it would be "
                    + "inside " + folder + "; run softmax4j from a folder outside it, or give --out DIR");
        });
        Path existing = OutputFile.nearestExisting(Path.of(root).toAbsolutePath());
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT));
        Path candidate = Path.of(root, stamp);
        for (int suffix = 2; !claimed(candidate); suffix++) {
            candidate = Path.of(root, stamp + "-" + suffix);
        }
        Path made = candidate;
        return new Chosen(made, () -> removeMade(made.toAbsolutePath(), existing));
    }

    // the default folder (runs, sweeps) is checked as --out is, by its access rights and by creating a file in it,
    // before any work, and named as the user sees it printed: relative to the current folder
    private static void requireWritable(CommandSpec spec, Path root) {
        Path existing = OutputFile.nearestExisting(root);
        String where = existing == null ? "the current folder " + Path.of("").toAbsolutePath() : existing.toString();
        Path folder = existing == null ? Path.of("").toAbsolutePath() : existing;
        Optional<String> reason = !Files.isDirectory(folder) || !Files.isWritable(folder) ? Optional.of("")
                : OutputFile.cannotCreateIn(folder).map(why -> " (" + why + ")");
        if (reason.isPresent()) {
            throw new ParameterException(spec.commandLine(), "no folder can be created in " + root + "/: " + where
                    + " is not a writable folder" + reason.get() + "; run softmax4j from a folder you can write, or "
                    + "give --out DIR");
        }
    }

    // creating the folder claims its name, so commands started in the same second get folders of
    // their own; a folder that cannot be created is left to the first write, which names the problem
    private static boolean claimed(Path candidate) {
        try {
            Files.createDirectories(candidate.getParent());
            Files.createDirectory(candidate);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Refuses the new folder {@code dir}, just locked, if it holds more than its lock file: two
     * commands may choose the same new folder at once, and the one that locks it second finds the
     * other's files.
     */
    static void requireNew(Path dir) throws IOException {
        if (!holdsOnlyTheLock(dir)) {
            throw new IOException(dir + " already holds files, written since this command started; choose a new "
                    + "folder");
        }
    }

    /**
     * Removes a folder {@link #choose} made when the command ended before writing anything into it
     * but the lock file of its run, unless another command holds it now (one that took the folder
     * this command was refused, or took it once this command let it go).
     */
    static void removeIfEmpty(Path dir) {
        try {
            if (Files.isDirectory(dir) && holdsOnlyTheLock(dir) && !RunLock.heldByAnother(dir)) {
                Files.deleteIfExists(dir.resolve(RunLock.FILE_NAME));
                Files.delete(dir);
            }
        } catch (IOException e) {
            // an empty folder left behind is harmless, and the command's own message matters more
        }
    }

    // a lock file alone is what a run that stopped before writing anything leaves (a full disk, kill -9); if its run
    // is still alive, taking the lock refuses the folder. A folder that cannot be listed does not count as empty.
    private static boolean holdsOnlyTheLock(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(RunLock.FILE_NAME));
        } catch (IOException e) {
            return false;
        }
    }

    /** Rewrites the configuration's field names in a validation message as the options a user typed. */
    static String optionNames(String message) {
        return message.replace("learningRate", "--lr").replace("batchSize", "--batch-size")
                .replace("epochs", "--epochs").replace("initStd", "--init-std").replace("weightDecay", "--weight-decay")
                .replace("momentum", "--momentum").replace("earlyStopping", "--early-stopping")
                .replace("validation", "--validation").replace("seeds", "--seeds");
    }
}

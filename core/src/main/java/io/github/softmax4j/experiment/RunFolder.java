package io.github.softmax4j.experiment;

import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A run folder as those who look at training read it: its name (its path below the folder being
 * looked at, with '/') and its metrics. A run folder is any folder holding a metrics.json.
 *
 * @param dir     the folder
 * @param name    its path relative to the root it was found under, '/'-separated
 * @param metrics what its metrics.json holds
 */
public record RunFolder(Path dir, String name, RunMetrics metrics) {
    /** The kept model's file name in a run folder. */
    public static final String MODEL_FILE = "model.safetensors";
    /** The training curves in a run folder, redrawn as epochs end, as a PNG and as an SVG. */
    public static final String CURVES_FILE = "curves.png";
    /** The training curves as an SVG. */
    public static final String CURVES_SVG_FILE = "curves.svg";
    /** The finished run's grid of test images, true class over predicted class. */
    public static final String PREDICTIONS_FILE = "predictions.png";
    /** The finished run's confusion matrix as a picture. */
    public static final String CONFUSION_FILE = "confusion.png";
    /** The finished run's weights drawn as one image per class. */
    public static final String TEMPLATES_FILE = "templates.png";
    /** The finished run's most confident mistakes on the test set. */
    public static final String MISTAKES_FILE = "mistakes.png";
    /** The finished run's report, written after everything else the run writes. */
    public static final String REPORT_FILE = "report.html";
    /** The name of every file a run writes in its folder: no other command writes a file of these names there. */
    public static final List<String> FILES = List.of(MODEL_FILE, Checkpoint.FILE_NAME, MetricsFiles.JSON_FILE,
            MetricsFiles.CSV_FILE, CURVES_FILE, CURVES_SVG_FILE, PREDICTIONS_FILE, CONFUSION_FILE, TEMPLATES_FILE,
            MISTAKES_FILE, REPORT_FILE, RunLock.FILE_NAME);

    /**
     * Whether {@code dir} holds a run, finished or not, so that the files of {@link #FILES} there are
     * the run's: its checkpoint is there (as anything, even damaged), or a metrics.json that reads as
     * a run's. Another program's metrics.json (a common name) does not make a folder a run's; one that
     * cannot be read, is not a file, or is larger than any run writes cannot be told apart cheaply, and
     * is taken for a run's, so that an output refuses rather than replaces.
     */
    public static boolean holdsRun(Path dir) {
        if (Files.exists(dir.resolve(Checkpoint.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        Path metrics = dir.resolve(MetricsFiles.JSON_FILE);
        if (!Files.exists(metrics, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            if (!Files.isRegularFile(metrics) || Files.size(metrics) > MetricsFiles.MAX_BYTES) {
                return true;
            }
            MetricsFiles.parse(Files.readAllBytes(metrics));
            return true;
        } catch (IllegalArgumentException notARuns) {
            return false;
        } catch (IOException unreadable) {
            return true;
        }
    }

    /**
     * Reads the run folder {@code dir}, naming it relative to {@code root}; a metrics.json that
     * cannot be read as one is a {@link DamagedFileException}.
     */
    public static RunFolder read(Path dir, Path root) throws IOException {
        Path file = dir.resolve(MetricsFiles.JSON_FILE);
        byte[] json = Files.readAllBytes(file);
        try {
            // a run training holds its folder's lock: one that says running but whose lock is free was stopped (its
            // process id may be another live process's by now, or a copied folder's)
            RunMetrics metrics = MetricsFiles.fromJson(json, pid -> RunLock.running(dir, pid));
            return new RunFolder(dir, name(dir, root), metrics);
        } catch (IllegalArgumentException e) {
            throw new DamagedFileException(file, e.getMessage(), "resuming the run writes it again (train --resume, "
                    + "or sweep --resume for a sweep's run); or remove the run's folder", e);
        }
    }

    /** The name of the run folder {@code dir} found under {@code root}: its path relative to it, '/'-separated. */
    public static String name(Path dir, Path root) {
        Path relative = root.toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize());
        String name = relative.toString().replace(java.io.File.separatorChar, '/');
        return name.isEmpty() ? dir.toAbsolutePath().normalize().getFileName().toString() : name;
    }

    /**
     * {@code runs} with those named alike (copies of one run, or runs in folders of one name, such as
     * {@code a/run} and {@code b/run} given one by one) each named by as few of its path's last parts
     * as tell it from the others: {@code a/run} and {@code b/run}; the others keep their names.
     */
    public static List<RunFolder> namedApart(List<RunFolder> runs) {
        List<String> names = namedApart(runs.stream().map(RunFolder::dir).toList(),
                runs.stream().map(RunFolder::name).toList());
        List<RunFolder> named = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            named.add(new RunFolder(runs.get(i).dir(), names.get(i), runs.get(i).metrics()));
        }
        return named;
    }

    /**
     * {@code names} of the folders {@code dirs}, those alike each replaced by as few of its folder's
     * last parts as tell it from the others (see {@link #namedApart(List)}); the others kept.
     */
    public static List<String> namedApart(List<Path> dirs, List<String> names) {
        Map<String, List<Integer>> alike = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            alike.computeIfAbsent(names.get(i), name -> new ArrayList<>()).add(i);
        }
        List<String> named = new ArrayList<>(names);
        for (List<Integer> places : alike.values()) {
            if (places.size() > 1) {
                List<String> told = apart(places.stream().map(dirs::get).toList());
                for (int k = 0; k < places.size(); k++) {
                    named.set(places.get(k), told.get(k));
                }
            }
        }
        return named;
    }

    /**
     * Names for {@code dirs}, each the fewest last parts of its absolute path ('/'-separated) that
     * tell it from the others: {@code /work/a/run} and {@code /work/b/run} are {@code a/run} and
     * {@code b/run}; the whole path where nothing shorter does.
     */
    public static List<String> apart(List<Path> dirs) {
        List<Path> paths = dirs.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
        int longest = paths.stream().mapToInt(Path::getNameCount).max().orElse(1);
        List<String> names = List.of();
        for (int parts = 1; parts <= Math.max(1, longest); parts++) {
            int count = parts;
            names = paths.stream().map(path -> tail(path, count)).toList();
            if (new HashSet<>(names).size() == names.size()) {
                break;
            }
        }
        return names;
    }

    // the last parts of a path, '/'-separated: tail(/work/a/run, 2) is "a/run"
    private static String tail(Path path, int parts) {
        int from = Math.max(0, path.getNameCount() - parts);
        return path.getNameCount() == 0 ? path.toString()
                : path.subpath(from, path.getNameCount()).toString().replace(java.io.File.separatorChar, '/');
    }

    /** Every run folder at or below {@code root}, sorted by name; the first that cannot be read throws. */
    public static List<RunFolder> findAll(Path root) throws IOException {
        return findAll(root, leftOut -> {
            throw leftOut.problem();
        });
    }

    /**
     * A folder below the root that is, or may be, a run folder but cannot be read as one: its
     * metrics.json damaged ({@link DamagedFileException}), unreadable or not a file, or the folder
     * itself unreadable.
     *
     * @param dir     the folder
     * @param reason  what is wrong, in a few words: {@code metrics.json: permission denied}
     * @param problem the problem, with the file it concerns
     */
    public record LeftOut(Path dir, String reason, IOException problem) {
        /** Whether the run's metrics.json is damaged, which resuming the run mends. */
        public boolean damaged() {
            return problem instanceof DamagedFileException;
        }
    }

    /** What to do with a folder left out. */
    @FunctionalInterface
    public interface LeftOutHandler {
        void accept(LeftOut leftOut) throws IOException;
    }

    /**
     * Every run folder at or below {@code root} that can be read, sorted by name; each that cannot
     * (see {@link LeftOut}) goes to {@code leftOut} instead, so that one unreadable run never hides the rest.
     * Which folders are left out, and why, is {@link #leftOut(Path)}'s rule, applied to each folder of the tree.
     */
    public static List<RunFolder> findAll(Path root, LeftOutHandler leftOut) throws IOException {
        List<Path> dirs = new ArrayList<>();
        List<LeftOut> problems = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                Optional<LeftOut> unread = unopened(dir, null);
                unread.ifPresent(problems::add);
                if (unread.isEmpty() && Files.isRegularFile(dir.resolve(MetricsFiles.JSON_FILE))) {
                    dirs.add(dir);
                }
                // listed but not searched: its names are known, nothing about them, so the folder is left out
                // once, not each name in it as a file that failed
                return Files.isExecutable(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            // a folder that cannot be opened may be a run (chmod 700 by another user): never the end of the walk
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException problem) {
                unopened(file, problem).ifPresentOrElse(problems::add, () -> dirs.add(file));
                return FileVisitResult.CONTINUE;
            }
        });
        for (LeftOut problem : problems) {
            leftOut.accept(problem);
        }
        List<RunFolder> runs = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                runs.add(read(dir, root));
            } catch (IOException e) {
                leftOut.accept(unread(dir, e));
            }
        }
        runs.sort(Comparator.comparing(RunFolder::name));
        return runs;
    }

    /**
     * Why {@link #findAll(Path, LeftOutHandler)} leaves out {@code dir}, looking at that folder
     * alone: it cannot be opened or searched, its metrics.json is a folder, or its metrics.json
     * cannot be read or is damaged. Empty for a run folder that can be read and for a folder that
     * is no run folder (nothing below it is looked at).
     */
    public static Optional<LeftOut> leftOut(Path dir) {
        Path metrics = dir.resolve(MetricsFiles.JSON_FILE);
        if (!Files.isRegularFile(metrics)) {
            // a folder that may be read opens (asked of the file system, which is cheaper than opening it); one
            // that may not is opened, for what the file system says
            IOException opening = null;
            if (!Files.isReadable(dir)) {
                try {
                    Files.newDirectoryStream(dir).close();
                } catch (IOException e) {
                    opening = e;
                }
            }
            return unopened(dir, opening);
        }
        try {
            read(dir, dir);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(unread(dir, e));
        }
    }

    // why dir is left out before its metrics.json is read, opened (opening null) or not (opening the failure):
    // not opened and showing no metrics.json file, listed but not searched, or its metrics.json a folder
    private static Optional<LeftOut> unopened(Path dir, IOException opening) {
        Path metrics = dir.resolve(MetricsFiles.JSON_FILE);
        if (opening != null) {
            return Files.isRegularFile(metrics) ? Optional.empty()
                    : Optional.of(new LeftOut(dir, "folder: " + reason(opening), opening));
        }
        if (!Files.isExecutable(dir)) {
            return Optional.of(new LeftOut(dir, "folder: permission denied", new AccessDeniedException(dir.toString())));
        }
        if (Files.isDirectory(metrics)) {
            return Optional.of(new LeftOut(dir, MetricsFiles.JSON_FILE + " is a folder, not a file",
                    new FileSystemException(metrics.toString(), null, "is a folder, not a file")));
        }
        return Optional.empty();
    }

    // the run folder dir left out for what reading its metrics.json threw
    private static LeftOut unread(Path dir, IOException problem) {
        return problem instanceof DamagedFileException damaged ? new LeftOut(dir, damaged.reason(), damaged)
                : new LeftOut(dir, MetricsFiles.JSON_FILE + ": " + reason(problem), problem);
    }

    // what the file system said, in a few words and without the path: permission denied
    private static String reason(IOException problem) {
        if (problem instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (problem instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
    }

    /**
     * What is to come in place of {@code model}, a run's model.safetensors that does not exist, if
     * a command that may write it holds its folder: a run training there (its metrics.json says
     * running, {@link RunLock#running} deciding as for every reader), or a train or sweep still
     * reading its data. Empty for any other file name, for a run that ended or was stopped, for a
     * damaged metrics.json, and for a sweep's folder (a sweep writes no model of its own).
     */
    public static Optional<PendingModel> pendingModel(Path model) {
        Path file = model.getFileName();
        if (file == null || !file.toString().equals(MODEL_FILE)) {
            return Optional.empty();
        }
        Path dir = model.toAbsolutePath().getParent();
        Path checkpoint = model.resolveSibling(Checkpoint.FILE_NAME);
        if (!Files.exists(dir.resolve(MetricsFiles.JSON_FILE))) {
            return Holder.of(dir).filter(holder -> holder == Holder.STARTING)
                    .map(holder -> new PendingModel(holder, checkpoint, 0, OptionalInt.empty()));
        }
        RunMetrics metrics;
        try {
            metrics = read(dir, dir).metrics();
        } catch (IOException damaged) {
            return Optional.empty();
        }
        if (metrics.status() != RunStatus.RUNNING) {
            return Optional.empty();
        }
        int done = Files.isRegularFile(checkpoint) ? metrics.epochs().size() : 0;
        OptionalInt epochs = metrics.config().get("epochs") instanceof Number n ? OptionalInt.of(n.intValue())
                : OptionalInt.empty();
        return Optional.of(new PendingModel(Holder.RUN, checkpoint, done, epochs));
    }

    /** The run's status. */
    public RunStatus status() {
        return metrics.status();
    }
}

package io.github.softmax4j.experiment;

import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    /** Every run folder at or below {@code root}, sorted by name; the first damaged one throws. */
    public static List<RunFolder> findAll(Path root) throws IOException {
        return findAll(root, damaged -> {
            throw damaged;
        });
    }

    /** What to do with a run folder whose metrics.json is damaged. */
    @FunctionalInterface
    public interface DamagedHandler {
        void accept(DamagedFileException damaged) throws IOException;
    }

    /**
     * Every run folder at or below {@code root} that can be read, sorted by name; those whose
     * metrics.json is damaged go to {@code damaged} instead.
     */
    public static List<RunFolder> findAll(Path root, DamagedHandler damaged) throws IOException {
        List<Path> dirs = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (Files.isRegularFile(dir.resolve(MetricsFiles.JSON_FILE))) {
                    dirs.add(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        List<RunFolder> runs = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                runs.add(read(dir, root));
            } catch (DamagedFileException e) {
                damaged.accept(e);
            }
        }
        runs.sort(Comparator.comparing(RunFolder::name));
        return runs;
    }

    /** The run's status. */
    public RunStatus status() {
        return metrics.status();
    }
}

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

    /** Reads the run folder {@code dir}, naming it relative to {@code root}. */
    public static RunFolder read(Path dir, Path root) throws IOException {
        Path file = dir.resolve(MetricsFiles.JSON_FILE);
        try {
            return new RunFolder(dir, name(dir, root), MetricsFiles.fromJson(Files.readAllBytes(file)));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a softmax4j metrics file (" + e.getMessage() + ")", e);
        }
    }

    private static String name(Path dir, Path root) {
        Path relative = root.toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize());
        String name = relative.toString().replace(java.io.File.separatorChar, '/');
        return name.isEmpty() ? dir.toAbsolutePath().normalize().getFileName().toString() : name;
    }

    /** Every run folder at or below {@code root}, sorted by name. */
    public static List<RunFolder> findAll(Path root) throws IOException {
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
            runs.add(read(dir, root));
        }
        runs.sort(Comparator.comparing(RunFolder::name));
        return runs;
    }

    /** The run's status. */
    public RunStatus status() {
        return metrics.status();
    }
}

package io.github.softmax4j.data;

import io.github.softmax4j.data.IdxDataSet.Part;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a data set's files, in this order: an explicitly given folder (the {@code --data-dir}
 * option); the folder in the data set's environment variable (for Fashion-MNIST,
 * {@code FASHION_MNIST_DIR}); the user cache ({@code $XDG_CACHE_HOME/softmax4j/<name>}, else
 * {@code $HOME/.cache/softmax4j/<name>}); the folder its system package installs (for
 * Fashion-MNIST, {@code /usr/share/datasets/fashion-mnist}). A place counts when it holds the
 * files the command needs: all four to train, the two test files to evaluate a model. A folder
 * the user named (the option or the variable) must exist and hold them; the others are skipped
 * when they do not.
 */
public final class DataLocator {
    private final IdxDataSet dataSet;
    private final Map<String, String> env;
    private final Path cacheDir;
    private final Path packageDir;

    /** A locator over the given environment, cache folder and package folder (tests pass their own). */
    public DataLocator(IdxDataSet dataSet, Map<String, String> env, Path cacheDir, Path packageDir) {
        this.dataSet = dataSet;
        this.env = Map.copyOf(env);
        this.cacheDir = cacheDir;
        this.packageDir = packageDir;
    }

    /** The locator for this process: its environment, the user's cache and the package's folder. */
    public static DataLocator standard(IdxDataSet dataSet) {
        Map<String, String> env = System.getenv();
        return new DataLocator(dataSet, env, cacheDir(dataSet, env, System.getProperty("user.home")),
                dataSet.where().packageDir());
    }

    /**
     * {@code $XDG_CACHE_HOME/softmax4j/<name>}, else {@code $HOME/.cache/softmax4j/<name>}; Java's
     * {@code user.home}, which comes from the password file and not from {@code $HOME}, only when
     * {@code HOME} is unset.
     */
    public static Path cacheDir(IdxDataSet dataSet, Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        String home = env.get("HOME");
        Path base = isSet(xdg) ? Path.of(xdg) : Path.of(isSet(home) ? home : userHome).resolve(".cache");
        return base.resolve("softmax4j").resolve(dataSet.where().cacheName());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The cache folder, where downloads go. */
    public Path cacheDir() {
        return cacheDir;
    }

    /** The first folder that holds the four files: {@code find(explicitDir, Part.ALL)}. */
    public Optional<DataSource> find(Path explicitDir) throws FileNotFoundException {
        return find(explicitDir, Part.ALL);
    }

    /**
     * The first folder that holds the files of {@code parts} (a command that reads only the test
     * set needs only those two), or empty if none does (the caller may then download into
     * {@link #cacheDir()}).
     *
     * @param explicitDir the folder the user named, or null
     * @throws FileNotFoundException if a folder the user named (the option or the variable) does not
     *                               exist or lacks some of the files, naming the ones it lacks
     */
    public Optional<DataSource> find(Path explicitDir, Set<Part> parts) throws FileNotFoundException {
        if (explicitDir != null) {
            return Optional.of(require(explicitDir, "--data-dir", parts));
        }
        Path fromEnv = environmentDir();
        if (fromEnv != null) {
            return Optional.of(require(fromEnv, dataSet.where().envVar(), parts));
        }
        if (dataSet.missingIn(cacheDir, parts).isEmpty()) {
            return Optional.of(new DataSource(cacheDir, "user cache"));
        }
        if (dataSet.missingIn(packageDir, parts).isEmpty()) {
            return Optional.of(new DataSource(packageDir, "package " + dataSet.where().packageName()));
        }
        return Optional.empty();
    }

    /** The folder the data set's environment variable names, or null when it is unset or blank. */
    public Path environmentDir() {
        String fromEnv = env.get(dataSet.where().envVar());
        return isSet(fromEnv) ? Path.of(fromEnv) : null;
    }

    private DataSource require(Path dir, String origin, Set<Part> parts) throws FileNotFoundException {
        if (!Files.isDirectory(dir)) {
            String todo = "the folder that holds the " + dataSet.name() + " files " + dataSet.names(parts);
            String problem = Files.exists(dir) ? " is not a folder; " : " does not exist; ";
            throw new FileNotFoundException(origin + " " + dir + problem
                    + (origin.equals("--data-dir") ? "point it at " + todo : "set it to " + todo + ", or unset it"));
        }
        List<Part> missing = dataSet.missingIn(dir, parts);
        if (!missing.isEmpty()) {
            boolean one = missing.size() == 1;
            throw new FileNotFoundException(dir + " (from " + origin + ") does not hold the " + dataSet.name()
                    + (one ? " file " : " files ") + dataSet.names(missing) + "; point " + origin
                    + " at the folder that holds " + (one ? "it" : "them"));
        }
        return new DataSource(dir, origin);
    }
}

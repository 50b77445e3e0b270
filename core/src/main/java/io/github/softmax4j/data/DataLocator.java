package io.github.softmax4j.data;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a data set's files, in this order: an explicitly given folder (the {@code --data-dir}
 * option); the folder in the data set's environment variable (for Fashion-MNIST,
 * {@code FASHION_MNIST_DIR}); the user cache ({@code $XDG_CACHE_HOME/softmax4j/<name>}, else
 * {@code $HOME/.cache/softmax4j/<name>}); the folder its system package installs (for
 * Fashion-MNIST, {@code /usr/share/datasets/fashion-mnist}). A folder the user named explicitly
 * must hold the files; the others are skipped when they do not.
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

    /**
     * The first folder that holds the four files, or empty if none does (the caller may then
     * download into {@link #cacheDir()}).
     *
     * @param explicitDir the folder the user named, or null
     * @throws FileNotFoundException if a folder the user named does not hold the files
     */
    public Optional<DataSource> find(Path explicitDir) throws FileNotFoundException {
        if (explicitDir != null) {
            return Optional.of(require(explicitDir, "--data-dir"));
        }
        String envVar = dataSet.where().envVar();
        String fromEnv = env.get(envVar);
        if (isSet(fromEnv)) {
            return Optional.of(require(Path.of(fromEnv), envVar));
        }
        if (dataSet.isPresentIn(cacheDir)) {
            return Optional.of(new DataSource(cacheDir, "user cache"));
        }
        if (dataSet.isPresentIn(packageDir)) {
            return Optional.of(new DataSource(packageDir, "package " + dataSet.where().packageName()));
        }
        return Optional.empty();
    }

    private DataSource require(Path dir, String origin) throws FileNotFoundException {
        if (!dataSet.isPresentIn(dir)) {
            throw new FileNotFoundException(dir + " (from " + origin + ") does not hold the " + dataSet.name()
                    + " files " + dataSet.expectedNames() + "; point " + origin + " at the folder that does");
        }
        return new DataSource(dir, origin);
    }
}

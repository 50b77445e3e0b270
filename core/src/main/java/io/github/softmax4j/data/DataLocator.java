package io.github.softmax4j.data;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Fashion-MNIST files, in this order: an explicitly given folder (the {@code --data-dir}
 * option); the folder in the environment variable {@code FASHION_MNIST_DIR}; the user cache
 * ({@code $XDG_CACHE_HOME/softmax4j/fashion-mnist}, else {@code ~/.cache/softmax4j/fashion-mnist});
 * the Debian package {@code dataset-fashion-mnist} ({@code /usr/share/datasets/fashion-mnist}).
 * A folder the user named explicitly must hold the files; the others are skipped when empty.
 */
public final class DataLocator {
    /** The environment variable that names a data folder. */
    public static final String ENV_VAR = "FASHION_MNIST_DIR";
    /** Where the Debian and Ubuntu package dataset-fashion-mnist installs the files. */
    public static final Path PACKAGE_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private final Map<String, String> env;
    private final Path cacheDir;
    private final Path packageDir;

    /** A locator over the given environment, cache folder and package folder (tests pass their own). */
    public DataLocator(Map<String, String> env, Path cacheDir, Path packageDir) {
        this.env = Map.copyOf(env);
        this.cacheDir = cacheDir;
        this.packageDir = packageDir;
    }

    /** The locator for this process: its environment, the user's cache and the package folder. */
    public static DataLocator standard() {
        Map<String, String> env = System.getenv();
        return new DataLocator(env, defaultCacheDir(env, Path.of(System.getProperty("user.home"))), PACKAGE_DIR);
    }

    /** {@code $XDG_CACHE_HOME/softmax4j/fashion-mnist}, or {@code ~/.cache/softmax4j/fashion-mnist}. */
    public static Path defaultCacheDir(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("softmax4j").resolve("fashion-mnist");
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
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(require(Path.of(fromEnv), ENV_VAR));
        }
        if (FashionMnist.isPresentIn(cacheDir)) {
            return Optional.of(new DataSource(cacheDir, "user cache"));
        }
        if (FashionMnist.isPresentIn(packageDir)) {
            return Optional.of(new DataSource(packageDir, "package dataset-fashion-mnist"));
        }
        return Optional.empty();
    }

    private static DataSource require(Path dir, String origin) throws FileNotFoundException {
        if (!FashionMnist.isPresentIn(dir)) {
            throw new FileNotFoundException(dir + " (from " + origin + ") does not hold the Fashion-MNIST files "
                    + FashionMnist.expectedNames() + "; point " + origin + " at the folder that does");
        }
        return new DataSource(dir, origin);
    }
}

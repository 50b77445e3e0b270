package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real Fashion-MNIST files for tests that need them: found as a user's run would find them
 * (without downloading). Tests are skipped when the data is absent, except when the environment
 * variable CI is "true", where its absence is a failure.
 */
public final class RealData {
    private static TrainTest loaded;

    private RealData() {
    }

    /** The folder holding the four files. */
    public static Path dir() {
        Optional<DataSource> found;
        try {
            found = DataLocator.standard(FashionMnist.DATA_SET).find(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.isEmpty()) {
            String hint = "Fashion-MNIST not found; install it with 'apt-get install dataset-fashion-mnist'";
            if ("true".equals(System.getenv("CI"))) {
                fail(hint + " (required when CI=true)");
            }
            assumeTrue(false, hint);
        }
        return found.get().dir();
    }

    /** The loaded, verified data set, read once per test JVM. */
    public static synchronized TrainTest load() {
        if (loaded == null) {
            try {
                loaded = FashionMnist.load(dir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }
}

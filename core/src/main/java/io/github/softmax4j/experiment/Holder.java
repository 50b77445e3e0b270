package io.github.softmax4j.experiment;

import io.github.softmax4j.train.MetricsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What holds a folder's lock ({@link RunLock#held}) now, as the folder's files tell it: a sweep
 * (its sweep.json written), a run (its metrics.json written), or a train or sweep that has taken
 * the folder and is still reading its data (nothing written yet, so which of the two is not known).
 */
public enum Holder {
    /** A sweep, training its runs in folders of their own below this one. */
    SWEEP,
    /** A run, training in this folder. */
    RUN,
    /** A train or sweep that took the folder and reads its data before it writes anything. */
    STARTING;

    /** What holds {@code dir} now; empty when nothing does. */
    public static Optional<Holder> of(Path dir) {
        if (!RunLock.held(dir)) {
            return Optional.empty();
        }
        if (Files.isRegularFile(dir.resolve(Sweep.JSON_FILE))) {
            return Optional.of(SWEEP);
        }
        return Optional.of(Files.isRegularFile(dir.resolve(MetricsFiles.JSON_FILE)) ? RUN : STARTING);
    }
}

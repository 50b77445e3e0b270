package io.github.softmax4j.experiment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run's metrics.json or a sweep's sweep.json that cannot be read as one (cut short, edited by
 * hand, another program's file): which file, what is wrong in a few words, and what to do.
 */
public final class DamagedFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    DamagedFileException(Path file, String reason, String remedy, Throwable cause) {
        super(file + " is damaged (" + reason + "); " + remedy, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }

    /** What is wrong with it, in a few words: {@code not valid JSON at line 1, column 2}. */
    public String reason() {
        return reason;
    }
}

package io.github.softmax4j.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data file is not the IDX file it should be: malformed, truncated, corrupt, or another data set.
 * The message names the file, what was expected, what was found and, where there is one, the fix.
 */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public IdxFormatException(Path path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    /** The file that was rejected. */
    public Path path() {
        return path;
    }
}

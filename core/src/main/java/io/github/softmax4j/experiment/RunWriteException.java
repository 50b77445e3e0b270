package io.github.softmax4j.experiment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writing a run folder failed (a full disk, a folder made read-only): what went wrong, and which
 * checkpoint the folder still holds whole, to continue from once the cause is fixed.
 */
public final class RunWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path dir;
    private final int checkpointEpoch;

    RunWriteException(Path dir, int checkpointEpoch, IOException cause) {
        super("writing " + dir + " failed (" + cause.getMessage() + "); " + (checkpointEpoch < 0
                ? "it holds no checkpoint yet" : "its checkpoint after epoch " + checkpointEpoch + " is intact"), cause);
        this.dir = dir;
        this.checkpointEpoch = checkpointEpoch;
    }

    /** The run folder. */
    public Path dir() {
        return dir;
    }

    /** The epoch the folder's intact checkpoint was written after (0: before the first), or -1 if none is. */
    public int checkpointEpoch() {
        return checkpointEpoch;
    }
}

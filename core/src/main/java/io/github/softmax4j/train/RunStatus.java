package io.github.softmax4j.train;

import java.util.Locale;

/** Where a training run is in its life, as its metrics file records it. */
public enum RunStatus {
    /** Training; the metrics file grows by an epoch at a time. */
    RUNNING,
    /** All epochs done (or stopped early), the model saved. */
    FINISHED,
    /** The loss diverged; the model of the last good epoch is saved. */
    DIVERGED,
    /** Stopped before the end without diverging: killed, interrupted, or its process is gone. */
    INTERRUPTED;

    /** The lower-case name the files use. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code id}; throws IllegalArgumentException for an unknown one. */
    public static RunStatus fromId(String id) {
        for (RunStatus status : values()) {
            if (status.id().equals(id)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + id + "'");
    }
}

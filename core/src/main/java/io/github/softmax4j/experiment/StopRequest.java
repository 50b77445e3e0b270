package io.github.softmax4j.experiment;

/**
 * A request, from any thread, that training stop at its next safe point: once the epoch in
 * progress and its files are written, so the run folder is left resumable.
 */
public final class StopRequest {
    private volatile boolean requested;

    /** Asks training to stop; it stops after the epoch in progress. */
    public void request() {
        requested = true;
    }

    /** Whether a stop was asked for. */
    public boolean requested() {
        return requested;
    }
}

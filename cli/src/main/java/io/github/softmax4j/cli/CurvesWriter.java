package io.github.softmax4j.cli;

import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.viz.Png;
import io.github.softmax4j.viz.TrainingCurves;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Rewrites curves.png and curves.svg in a run folder as epochs complete, so a long run can be
 * watched by reopening the file. Drawing happens on a background thread and at most once per
 * {@link #INTERVAL_NANOS} (an epoch takes a fraction of a second, drawing the chart about as
 * long, and on two cores drawing after every epoch would slow training down by half); it always
 * shows the latest epoch. {@link #finish} draws the final state and reports any failure.
 */
final class CurvesWriter {
    /** The least time between two drawings while training: one second. */
    static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Path png;
    private final Path svg;
    private final Thread thread;
    private List<EpochStats> pending;
    private boolean closed;
    private long lastDrawn = System.nanoTime();
    private IOException failure;

    CurvesWriter(Path runDir) {
        this.png = runDir.resolve(RunFolder.CURVES_FILE);
        this.svg = runDir.resolve(RunFolder.CURVES_SVG_FILE);
        this.thread = new Thread(this::run, "curves");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Asks for the curves of {@code history} (a snapshot is taken). */
    synchronized void update(List<EpochStats> history) {
        pending = List.copyOf(history);
        notifyAll();
    }

    /** Takes no more updates and draws the latest curves now, without waiting for the interval. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Closes and waits until the latest curves are written; throws what went wrong if writing failed. */
    void finish() throws IOException, InterruptedException {
        close();
        thread.join();
        if (failure != null) {
            throw failure;
        }
    }

    private void run() {
        while (true) {
            List<EpochStats> history;
            synchronized (this) {
                while (!closed && (pending == null || System.nanoTime() - lastDrawn < INTERVAL_NANOS)) {
                    try {
                        long waitNanos = pending == null ? 0 : INTERVAL_NANOS - (System.nanoTime() - lastDrawn);
                        wait(pending == null ? 0 : Math.max(1, waitNanos / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (pending == null) {
                    return;
                }
                history = pending;
                pending = null;
                lastDrawn = System.nanoTime();
            }
            try {
                Png.write(TrainingCurves.render(history), png);
                AtomicFiles.write(svg, TrainingCurves.svg(history).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                failure = e;
                return;
            }
        }
    }
}

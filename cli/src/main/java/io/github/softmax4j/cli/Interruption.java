package io.github.softmax4j.cli;

import io.github.softmax4j.experiment.StopRequest;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * What Ctrl-C (SIGINT) and SIGTERM do to a command that trains. The JVM's shutdown asks training
 * to stop at its next safe point and waits until the command has written the epoch in progress,
 * left the folder resumable and said how to continue; the JVM then exits with 130 (SIGINT) or 143
 * (SIGTERM), as a process ended by the signal does. Before {@link #guard()} (checking options,
 * loading data: nothing written yet) the JVM stops at once, after one line saying so.
 */
final class Interruption implements AutoCloseable {
    private final StopRequest stop = new StopRequest();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::stopAndWait, "softmax4j-interruption");
    private final PrintWriter err;
    private final String beforeTraining;
    private final Runnable undo;
    private boolean guarding;

    private Interruption(PrintWriter err, String beforeTraining, Runnable undo) {
        this.err = err;
        this.beforeTraining = beforeTraining;
        this.undo = undo;
    }

    /**
     * Starts listening for the signals; a signal before {@link #guard()} runs {@code undo} (which
     * removes what the command made so far) and prints {@code beforeTraining}.
     */
    static Interruption install(PrintWriter err, String beforeTraining, Runnable undo) {
        Interruption interruption = new Interruption(err, beforeTraining, undo);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /** What training watches. */
    StopRequest stop() {
        return stop;
    }

    /**
     * From now until {@link #close()}, a signal waits for the command; returns false if one
     * already came, and the command should stop before writing anything.
     */
    synchronized boolean guard() {
        guarding = !stop.requested();
        return guarding;
    }

    private void stopAndWait() {
        synchronized (this) {
            stop.request();
            if (!guarding) {
                undo.run();
                err.println(beforeTraining);
                err.flush();
                return;
            }
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns {@code status}, the command's own once it has done all its work; if that is success
     * and a signal came meanwhile (while the last files were written, too late to stop anything),
     * first prints {@code complete}: the JVM still ends with the signal's status, and the user is
     * told that nothing was lost.
     */
    int finished(int status, String complete) {
        if (status == 0 && stop.requested()) {
            err.println(complete);
            err.flush();
        }
        return status;
    }

    /** The command has said its last word: a waiting shutdown may go on, and the signals work as before. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the command has finished
        }
    }
}

package io.github.softmax4j.cli;

import io.github.softmax4j.math.Parallel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --threads} rule that training commands share: all available processors by default,
 * and never more. More threads than processors only take turns on the same cores and wait for
 * each other, so a larger value is lowered to the number of processors, with a note on stderr
 * that names the command; results do not depend on the thread count, so nothing else changes.
 */
final class Threads {
    private Threads() {
    }

    /** The most threads training uses here: the processors available to Java, at most {@link Parallel#MAX_THREADS}. */
    static int cap() {
        return Math.min(Runtime.getRuntime().availableProcessors(), Parallel.MAX_THREADS);
    }

    /** The thread count {@code requested} asks for (null: {@link #cap()}); below 1 is a bad option. */
    static int count(CommandSpec spec, Integer requested) {
        int cap = cap();
        if (requested == null) {
            return cap;
        }
        if (requested < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be > 0, got " + requested);
        }
        if (requested > cap) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": --threads " + requested + " is more than the "
                    + cap + " processors available; using " + cap);
            return cap;
        }
        return requested;
    }
}

package io.github.softmax4j.board;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * A run's status, read tolerantly from metrics.json. A {@code "status"} field is believed, except
 * that "running" with a training process that is gone means interrupted. Runs written before the
 * field existed are finished when their model file exists, running when metrics.json changed
 * within the last minute, and interrupted otherwise.
 */
final class RunStatus {
    static final String RUNNING = "running";
    static final String FINISHED = "finished";
    static final String DIVERGED = "diverged";
    static final String INTERRUPTED = "interrupted";
    /** How long after its last epoch a run without a status still counts as running. */
    static final Duration QUIET_LIMIT = Duration.ofMinutes(1);

    private static final Set<String> KNOWN = Set.of(RUNNING, FINISHED, DIVERGED, INTERRUPTED);

    private RunStatus() {
    }

    /**
     * @param metrics  the parsed metrics.json
     * @param hasModel whether model.safetensors exists
     * @param written  when metrics.json was last written
     * @param alive    whether a process id belongs to a living process
     */
    static String of(JsonNode metrics, boolean hasModel, Instant written, Instant now, LongPredicate alive) {
        String declared = metrics.path("status").asText("");
        if (RUNNING.equals(declared)) {
            JsonNode pid = metrics.path("pid");
            return pid.canConvertToLong() && !alive.test(pid.asLong()) ? INTERRUPTED : RUNNING;
        }
        if (KNOWN.contains(declared)) {
            return declared;
        }
        if (hasModel) {
            return FINISHED;
        }
        return Duration.between(written, now).compareTo(QUIET_LIMIT) < 0 ? RUNNING : INTERRUPTED;
    }

    /** Whether {@code pid} is a living process on this machine. */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

package io.github.softmax4j.board;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import io.github.softmax4j.train.MetricsFiles;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A run's status, read tolerantly from metrics.json. A {@code "status"} field is believed, except
 * that "running" of a run that is not training means interrupted, by the rule compare follows too
 * ({@link io.github.softmax4j.experiment.RunLock#running}: the folder's lock, else the process id). Runs written before the
 * field existed are finished when their model file exists, running when metrics.json changed
 * within the last minute, and interrupted otherwise.
 */
final class RunStatus {
    static final String RUNNING = "running";
    static final String FINISHED = "finished";
    static final String DIVERGED = "diverged";
    static final String INTERRUPTED = "interrupted";
    /** Not a status metrics.json declares: the board's word for a run whose metrics.json it cannot read. */
    static final String DAMAGED = "damaged";
    /** Not a status metrics.json declares: the board's word for a run folder it may not read ({@code compare}'s). */
    static final String UNREADABLE = "unreadable";
    /** How long after its last epoch a run without a status still counts as running. */
    static final Duration QUIET_LIMIT = Duration.ofMinutes(1);

    private static final Set<String> KNOWN = Set.of(RUNNING, FINISHED, DIVERGED, INTERRUPTED);

    private RunStatus() {
    }

    /**
     * @param metrics  the parsed metrics.json
     * @param hasModel whether model.safetensors exists
     * @param written  when metrics.json was last written
     * @param training whether the run, saying running with a process id (empty if none), is training
     */
    static String of(JsonNode metrics, boolean hasModel, Instant written, Instant now, MetricsFiles.Training training) {
        String declared = metrics.path("status").asText("");
        if (RUNNING.equals(declared)) {
            JsonNode pid = metrics.path("pid");
            return training.test(pid.canConvertToLong() ? OptionalLong.of(pid.asLong()) : OptionalLong.empty())
                    ? RUNNING : INTERRUPTED;
        }
        if (KNOWN.contains(declared)) {
            return declared;
        }
        if (hasModel) {
            return FINISHED;
        }
        return Duration.between(written, now).compareTo(QUIET_LIMIT) < 0 ? RUNNING : INTERRUPTED;
    }
}

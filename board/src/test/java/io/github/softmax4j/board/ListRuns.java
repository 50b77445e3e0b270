package io.github.softmax4j.board;

import io.github.softmax4j.experiment.RunLock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Prints the runs a board over the folder {@code args[0]} lists, as {@code GET /api/runs} answers:
 * for a test that reads a folder as a user held to its permissions, in a JVM of its own.
 */
public final class ListRuns {
    private ListRuns() {
    }

    public static void main(String[] args) throws IOException {
        RunIndex index = new RunIndex(Path.of(args[0]), new EventHub(), Clock.systemUTC(), RunLock::running);
        index.refresh();
        System.out.println(Http.JSON.writeValueAsString(index.runs().values()));
    }
}

package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class InterruptionTest {
    private final StringWriter err = new StringWriter();

    private Interruption guarded() {
        Interruption interruption = Interruption.install(new PrintWriter(err, true), "not reached", () -> { });
        assertEquals(true, interruption.guard());
        return interruption;
    }

    @Test
    void aSignalThatCameAsTheCommandFinishedIsToldToBeHarmless() {
        try (Interruption interruption = guarded()) {
            // what the signal's shutdown does first: training, already past its last epoch, is asked to stop
            interruption.stop().request();
            assertEquals(0, interruption.finished(0, "complete, nothing to continue"));
        }
        assertEquals("complete, nothing to continue", err.toString().strip());
    }

    @Test
    void withoutASignalOrWhenTheCommandFailedOrStoppedNothingMoreIsSaid() {
        try (Interruption interruption = guarded()) {
            assertEquals(0, interruption.finished(0, "complete"));
            interruption.stop().request();
            assertEquals(Softmax4jCli.EXIT_INTERRUPTED, interruption.finished(Softmax4jCli.EXIT_INTERRUPTED, "complete"));
            assertEquals(Softmax4jCli.EXIT_PROBLEM, interruption.finished(Softmax4jCli.EXIT_PROBLEM, "complete"));
        }
        assertEquals("", err.toString());
    }
}

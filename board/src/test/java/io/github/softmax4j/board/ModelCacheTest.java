package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.model.Classifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {
    @TempDir
    Path root;

    private Run run() {
        RunIndex index = new RunIndex(root, new EventHub(), Clock.systemUTC(), (folder, pid) -> true);
        index.refresh();
        return index.runs().get("a");
    }

    @Test
    void loadsAModelOnceAndAgainWhenItsFileChanges() throws Exception {
        RunFolders.writeMetrics(root.resolve("a"), 1, false, Map.of());
        RunFolders.writeModel(root.resolve("a"), 1);
        ModelCache cache = new ModelCache();
        Classifier first = cache.classifier(run());
        assertSame(first, cache.classifier(run()));
        RunFolders.writeModel(root.resolve("a"), 2);
        Classifier second = cache.classifier(run());
        assertNotSame(first, second);
        assertEquals(RunFolders.model(2).model().weight()[0], second.model().model().weight()[0]);
    }

    @Test
    void aRunStillTrainingClassifiesWithItsCheckpoint() throws Exception {
        RunFolders.writeMetrics(root.resolve("a"), 1, false, Map.of("status", "running"));
        Files.move(RunFolders.writeModel(root.resolve("a"), 4), root.resolve("a/checkpoint.safetensors"));
        assertEquals("checkpoint.safetensors", run().model());
        assertEquals(RunFolders.model(4).model().weight()[3],
                new ModelCache().classifier(run()).model().model().weight()[3]);
    }

    @Test
    void aRunStillTrainingWithoutAModelYetIsToldToWait() throws IOException {
        RunFolders.writeMetrics(root.resolve("a"), 0, false, Map.of("status", "running"));
        HttpProblem none = assertThrows(HttpProblem.class, () -> new ModelCache().classifier(run()));
        assertEquals(409, none.status());
        assertEquals("Run a has no model yet; wait until it has trained an epoch or pick another run",
                none.getMessage());
    }

    @Test
    void aRunNotTrainingWithoutAModelIsToldItWillNotHaveOne() throws IOException {
        RunFolders.writeMetrics(root.resolve("a"), 0, false, Map.of("status", "interrupted"));
        HttpProblem none = assertThrows(HttpProblem.class, () -> new ModelCache().classifier(run()));
        assertEquals(409, none.status());
        assertEquals("Run a is interrupted and has neither model.safetensors nor checkpoint.safetensors, so it will "
                + "not have a model (nor can it be resumed); train it again or pick another run", none.getMessage());
    }

    @Test
    void aRunWithoutAModelOrWithABrokenOneIsAnswered() throws IOException {
        RunFolders.writeMetrics(root.resolve("a"), 1, false, Map.of());
        HttpProblem none = assertThrows(HttpProblem.class, () -> new ModelCache().classifier(run()));
        assertEquals(409, none.status());
        Files.writeString(root.resolve("a/model.safetensors"), "not a model");
        HttpProblem broken = assertThrows(HttpProblem.class, () -> new ModelCache().classifier(run()));
        assertEquals(422, broken.status());
        assertTrue(broken.getMessage().startsWith("The model of run a cannot be read"), broken.getMessage());
    }
}

package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.experiment.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIndexTest {
    @TempDir
    Path root;

    private final EventHub hub = new EventHub();
    private final BlockingQueue<Event> events = hub.open().orElseThrow();

    private RunIndex index() {
        return new RunIndex(root, hub, Clock.fixed(Instant.now(), ZoneOffset.UTC), (folder, pid) -> true);
    }

    private List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
    }

    @Test
    void findsRunsAtAnyDepthAndSweepsWithTheirRuns() throws IOException {
        RunFolders.writeMetrics(root.resolve("a"), 2, false, Map.of());
        RunFolders.writeMetrics(root.resolve("grid/lr-0.1"), 1, true, Map.of("status", "finished"));
        RunFolders.writeMetrics(root.resolve("grid/lr-0.3"), 1, true, Map.of("status", "diverged"));
        Files.writeString(root.resolve("grid/sweep.json"), "{\"ranking\": [{\"val_acc_mean\": 0.8}]}");
        RunFolders.writeMetrics(root.resolve(".hidden/x"), 1, false, Map.of());
        RunFolders.writeMetrics(root.resolve("1/2/3/too-deep"), 1, false, Map.of());
        Files.createDirectories(root.resolve("empty"));
        RunIndex index = index();
        index.refresh();
        assertEquals(List.of("a", "grid/lr-0.1", "grid/lr-0.3"), List.copyOf(index.runs().keySet()));
        assertEquals("grid", index.runs().get("grid/lr-0.1").sweep());
        assertNull(index.runs().get("a").sweep());
        assertEquals("diverged", index.runs().get("grid/lr-0.3").status());
        Sweep grid = index.sweeps().get("grid");
        assertEquals(List.of("grid/lr-0.1", "grid/lr-0.3"), grid.runs());
        assertEquals(0.8, grid.summary().get("ranking").get(0).get("val_acc_mean").asDouble());
    }

    @Test
    void aCopiedRunThatSaysRunningWithALivingProcessIdIsInterruptedAsCompareSaysIt() throws IOException {
        Map<String, Object> running = Map.of("status", "running", "pid", ProcessHandle.current().pid());
        Path copied = RunFolders.writeMetrics(root.resolve("copied"), 1, false, running).getParent();
        Files.writeString(copied.resolve(RunLock.FILE_NAME), "1\n");
        Path training = RunFolders.writeMetrics(root.resolve("training"), 1, false, running).getParent();
        try (RunLock writer = RunLock.acquire(training)) {
            RunIndex index = new RunIndex(root, hub, Clock.systemUTC(), RunLock::running);
            index.refresh();
            assertEquals("interrupted", index.runs().get("copied").status());
            assertEquals(RunStatus.INTERRUPTED, io.github.softmax4j.experiment.RunFolder.read(copied, root).status()
                    .id());
            assertEquals("running", index.runs().get("training").status());
        }
    }

    @Test
    void publishesNewRunsEachNewEpochStatusChangesAndRemovals() throws IOException {
        RunFolders.writeMetrics(root.resolve("a"), 1, false, Map.of("status", "running"));
        RunIndex index = index();
        index.refresh();
        assertEquals(List.of("run"), drain().stream().map(Event::type).toList());

        RunFolders.writeMetrics(root.resolve("a"), 3, false, Map.of("status", "running"));
        index.refresh();
        List<Event> epochs = drain();
        assertEquals(List.of("epoch", "epoch"), epochs.stream().map(Event::type).toList());
        JsonNode second = new ObjectMapper().readTree(epochs.get(0).data());
        assertEquals("a", second.get("run").asText());
        assertEquals(2, second.get("epoch").get("epoch").asInt());

        index.refresh();
        assertTrue(drain().isEmpty(), "nothing changed, nothing published");

        RunFolders.writeMetrics(root.resolve("a"), 3, false, Map.of("status", "finished"));
        index.refresh();
        List<Event> finished = drain();
        assertEquals(List.of("run"), finished.stream().map(Event::type).toList());
        assertEquals("finished", new ObjectMapper().readTree(finished.get(0).data()).get("status").asText());

        Files.delete(root.resolve("a/metrics.json"));
        index.refresh();
        assertEquals(List.of(new Event("removed", "{\"run\":\"a\"}")), drain());
        assertTrue(index.runs().isEmpty());
    }

    @Test
    void aFileThatIsNotJsonIsListedAsDamagedUntilItIsWhole() throws IOException {
        Files.createDirectories(root.resolve("broken"));
        Files.writeString(root.resolve("broken/metrics.json"), "{\"config\": {");
        RunIndex index = index();
        index.refresh();
        assertEquals("damaged", index.runs().get("broken").status());
        assertEquals("not valid JSON at line 1, column 13", index.runs().get("broken").damaged());
        RunFolders.writeMetrics(root.resolve("broken"), 1, false, Map.of());
        index.refresh();
        assertNull(index.runs().get("broken").damaged());
        assertEquals(1, index.runs().get("broken").epochs().size());
    }

    @Test
    void theFolderItselfCanBeARun() throws IOException {
        Path run = RunFolders.writeMetrics(root.resolve("only"), 4, false, Map.of()).getParent();
        RunIndex index = new RunIndex(run, hub, Clock.systemUTC(), (folder, pid) -> true);
        index.refresh();
        assertEquals(List.of("only"), List.copyOf(index.runs().keySet()));
        assertEquals(4, index.runs().get("only").epochs().size());
    }

    @Test
    void aSlowStreamIsEndedRatherThanGrowingWithoutBound() {
        for (int i = 0; i < 2000; i++) {
            hub.publish(new Event("epoch", "{}"));
        }
        assertEquals(List.of(Event.END), drain());
    }
}

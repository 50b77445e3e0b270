package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunLock;
import io.github.softmax4j.experiment.RunResult;
import io.github.softmax4j.experiment.SweepFiles;
import io.github.softmax4j.experiment.SweepGrid;
import io.github.softmax4j.train.LearningRateSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Files.writeString(root.resolve("grid/sweep.json"), "{" + RunFolders.gridField()
                + "\"ranking\": [{\"val_acc_mean\": 0.8}]}");
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
    void runFoldersDeeperThanItLooksAreNamedNotShown() throws IOException {
        RunFolders.writeMetrics(root.resolve("1/2/3/too-deep"), 1, false, Map.of());
        RunFolders.writeMetrics(root.resolve("1/2/3"), 1, false, Map.of());
        RunFolders.writeMetrics(root.resolve("x/y/z/deep"), 1, false, Map.of());
        RunFolders.writeMetrics(root.resolve("x/y/z/.hidden"), 1, false, Map.of());
        RunFolders.writeMetrics(root.resolve("x/y/z/w/deeper"), 1, false, Map.of());
        Instant[] now = {Instant.now()};
        RunIndex index = new RunIndex(root, hub, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        }, (folder, pid) -> true);
        index.refresh();
        assertEquals(List.of("1/2/3"), List.copyOf(index.runs().keySet()), "a run folder holds no runs");
        assertEquals(new Folder(3, List.of("x/y/z/deep")), index.folder());
        assertEquals(List.of(new Event("folder", "{\"max_depth\":3,\"too_deep\":[\"x/y/z/deep\"]}")),
                drain().stream().filter(event -> event.type().equals("folder")).toList());
        index.refresh();
        assertTrue(drain().isEmpty(), "nothing changed, nothing published");
        Files.delete(root.resolve("x/y/z/deep/metrics.json"));
        now[0] = now[0].plus(RunIndex.TOO_DEEP_KEPT).minusMillis(1);
        index.refresh();
        assertTrue(drain().isEmpty(), "the deepest level is not listed again on every reading");
        RunFolders.writeMetrics(root.resolve("p/q/r/new"), 1, false, Map.of());
        index.refresh();
        assertEquals(new Folder(3, List.of("p/q/r/new", "x/y/z/deep")), index.folder(),
                "a folder new at the deepest level is listed at once");
        drain();
        now[0] = now[0].plusMillis(1);
        index.refresh();
        assertEquals(List.of(new Event("folder", "{\"max_depth\":3,\"too_deep\":[\"p/q/r/new\"]}")), drain());
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
    void theLargestSweepASweepWritesIsRead() throws IOException {
        // as many settings as a sweep may hold, each of one seed, their values as long as numbers print
        List<Float> tenths = List.of(0.1234567f, 0.2345678f, 0.3456789f, 0.4567891f, 0.5678912f, 0.6789123f,
                0.7891234f, 0.8912345f, 0.9123456f, 0.9876543f);
        SweepGrid grid = new SweepGrid(tenths, List.of(1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010),
                tenths, tenths, List.of(new LearningRateSchedule.Cosine()), List.of(PixelScaling.SYMMETRIC),
                List.of(0.0123456f), 100, 1, 10000, 100);
        assertEquals(SweepGrid.MAX_RUNS, grid.runs().size());
        List<RunResult> results = new ArrayList<>();
        for (SweepGrid.Run run : grid.runs()) {
            Map<String, Object> settings = new LinkedHashMap<>(run.config().toMap());
            settings.remove("seed");
            results.add(new RunResult(run.name(), settings, 1, io.github.softmax4j.train.RunStatus.FINISHED, 100,
                    0.8123456789012345, 0.5123456789012345, Double.NaN, 1234.5678901234));
        }
        SweepFiles.write(root.resolve("largest"), grid, results, Ranking.rank(results), results.get(0));
        RunIndex index = index();
        index.refresh();
        Sweep largest = index.sweeps().get("largest");
        assertNull(largest.damaged(), "the board reads what a sweep writes, " + Files.size(root.resolve(
                "largest/sweep.json")) + " bytes");
        assertEquals(SweepGrid.MAX_RUNS, largest.summary().get("ranking").size());
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

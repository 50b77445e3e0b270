package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.experiment.DamagedFileException;
import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.RunResult;
import io.github.softmax4j.experiment.SweepFiles;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs and sweeps that did not end well, through the API: a run that diverged before its first
 * epoch ended, a metrics.json and a sweep.json that are damaged, and settings worded as the
 * command line words them.
 */
class OddRunsTest {
    @TempDir
    Path dir;

    private BoardClient client;

    @BeforeEach
    void start() throws IOException {
        Map<String, Object> diverged = TrainConfig.defaults().withLearningRate(1e7f).withEpochs(2).withValidation(5000)
                .toMap();
        writeRun(dir.resolve("sw/lr1e7-seed1"), "diverged", diverged);
        RunFolders.writeModel(dir.resolve("sw/lr1e7-seed1"), 1);
        Map<String, Object> fine = TrainConfig.defaults().withEpochs(2).withValidation(5000).toMap();
        List<RunResult> results = new ArrayList<>();
        results.add(new RunResult("lr0.1-seed1", withoutSeed(fine), 1, RunStatus.FINISHED, 2, 0.8286, 0.54, 0.81, 0.2));
        results.add(new RunResult("lr1e7-seed1", withoutSeed(diverged), 1, RunStatus.DIVERGED, 0, Double.NaN,
                Double.NaN, Double.NaN, 0));
        SweepFiles.write(dir.resolve("sw"), RunFolders.sweepGrid(), results, Ranking.rank(results),
                results.get(0));
        RunFolders.writeMetrics(dir.resolve("broken-sweep/run"), 2, true, Map.of("status", "finished"));
        Files.writeString(dir.resolve("broken-sweep/sweep.json"), "{bad");
        RunFolders.writeMetrics(dir.resolve("run"), 2, false, Map.of());
        RunFolders.writeModel(dir.resolve("run"), 2);
        Files.writeString(dir.resolve("run/metrics.json"), "{\"status\": \"finis");
        client = new BoardClient(dir, null);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    // a sweep records each setting without the seed, which it lists apart
    private static Map<String, Object> withoutSeed(Map<String, Object> config) {
        Map<String, Object> settings = new LinkedHashMap<>(config);
        settings.remove("seed");
        return settings;
    }

    private static void writeRun(Path folder, String status, Map<String, Object> config) throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", status);
        document.put("config", config);
        document.put("epochs", List.of());
        Files.writeString(folder.resolve("metrics.json"), new ObjectMapper().writeValueAsString(document));
    }

    @Test
    void aRunWhoseMetricsAreDamagedIsListedAsDamagedWithTheReasonCompareGives() {
        HttpResponse<String> response = client.get("/api/runs/run");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode run = BoardClient.json(response);
        assertEquals("damaged", run.get("status").asText());
        DamagedFileException compare = assertThrows(DamagedFileException.class,
                () -> RunFolder.read(dir.resolve("run"), dir));
        assertEquals(compare.reason(), run.get("damaged").asText());
        assertEquals("not valid JSON at line 1, column 18", run.get("damaged").asText());
        assertFalse(run.get("can_classify").asBoolean(), "what its model is, the damaged file would have said");
        assertTrue(BoardClient.json(client.get("/api/runs")).findValuesAsText("name").contains("run"));
        HttpResponse<String> predict = client.post("/api/runs/run/predict", new byte[] {1});
        assertEquals(409, predict.statusCode());
        assertTrue(BoardClient.json(predict).get("error").asText().contains("metrics.json is damaged"),
                predict.body());
    }

    @Test
    void aFileIsDamagedForTheBoardExactlyWhenItIsForTheCommandsWithTheirReason(@TempDir Path runs) throws IOException {
        RunFolders.writeMetrics(runs.resolve("paused"), 2, false, Map.of("status", "paused"));
        RunFolders.writeModel(runs.resolve("paused"), 2);
        Map<String, Object> untimed = new LinkedHashMap<>(RunFolders.epoch(1));
        untimed.remove("seconds");
        RunFolders.writeEpochs(runs.resolve("untimed"), List.of(untimed));
        RunFolders.writeMetrics(runs.resolve("no-grid/run"), 2, true, Map.of("status", "finished"));
        Files.writeString(runs.resolve("no-grid/sweep.json"), "{}");
        RunFolders.writeMetrics(runs.resolve("odd-grid/run"), 2, true, Map.of("status", "finished"));
        Files.writeString(runs.resolve("odd-grid/sweep.json"), "{\"grid\": 5, \"ranking\": 7}");
        try (BoardClient board = new BoardClient(runs, null)) {
            for (String name : List.of("paused", "untimed")) {
                JsonNode run = BoardClient.json(board.get("/api/runs/" + name));
                DamagedFileException compare = assertThrows(DamagedFileException.class,
                        () -> RunFolder.read(runs.resolve(name), runs));
                assertEquals("damaged", run.get("status").asText(), name);
                assertEquals(compare.reason(), run.get("damaged").asText(), name);
                assertFalse(run.get("can_classify").asBoolean(), name);
            }
            assertEquals("unknown run status 'paused'",
                    BoardClient.json(board.get("/api/runs/paused")).get("damaged").asText());
            for (String name : List.of("no-grid", "odd-grid")) {
                JsonNode sweep = BoardClient.json(board.get("/api/sweeps/" + name));
                DamagedFileException resume = assertThrows(DamagedFileException.class,
                        () -> SweepFiles.readGrid(runs.resolve(name)));
                assertEquals(resume.reason(), sweep.get("damaged").asText(), name);
                assertTrue(sweep.get("summary").isNull(), name);
            }
            assertEquals("it records no grid",
                    BoardClient.json(board.get("/api/sweeps/no-grid")).get("damaged").asText());
        }
    }

    @Test
    void aDamagedSweepFileIsSaidToBeDamaged() throws IOException {
        JsonNode sweep = BoardClient.json(client.get("/api/sweeps/broken-sweep"));
        assertEquals("not valid JSON at line 1, column 2", sweep.get("damaged").asText());
        assertTrue(sweep.get("summary").isNull());
        assertEquals(List.of("broken-sweep/run"), List.of(sweep.get("runs").get(0).asText()));
        assertTrue(BoardClient.json(client.get("/api/sweeps/sw")).get("damaged").isNull());
    }

    @Test
    void aRunThatDivergedInItsFirstEpochIsNotOfferedAndHasNoCurves() {
        JsonNode run = BoardClient.json(client.get("/api/runs/sw/lr1e7-seed1"));
        assertEquals("diverged", run.get("status").asText());
        assertEquals("model.safetensors", run.get("model").asText());
        assertFalse(run.get("can_classify").asBoolean(), "its model is the untrained start");
        assertTrue(run.get("diverged_at_once").asBoolean());
        assertTrue(run.get("started_from").isNull());
        HttpResponse<String> curves = client.get("/api/runs/sw/lr1e7-seed1/files/curves.png");
        assertEquals(404, curves.statusCode());
        String said = BoardClient.json(curves).get("error").asText();
        assertTrue(said.contains("diverged in its first epoch") && said.contains("no curves")
                && !said.contains("yet"), said);
        HttpResponse<String> confusion = client.get("/api/runs/sw/lr1e7-seed1/confusion");
        assertEquals(409, confusion.statusCode());
        assertTrue(BoardClient.json(confusion).get("error").asText().contains("diverged in its first epoch"),
                confusion.body());
    }

    @Test
    void aRunThatDivergedAtOnceFromAModelHoldsThatModelAndClassifies() throws IOException {
        Map<String, Object> config = new LinkedHashMap<>(TrainConfig.defaults().withLearningRate(1e7f).toMap());
        config.put("init", "runs/a/model.safetensors");
        writeRun(dir.resolve("from-a"), "diverged", config);
        RunFolders.writeModel(dir.resolve("from-a"), 4);
        try (BoardClient board = new BoardClient(dir, null)) {
            JsonNode run = BoardClient.json(board.get("/api/runs/from-a"));
            assertTrue(run.get("diverged_at_once").asBoolean());
            assertEquals("runs/a/model.safetensors", run.get("started_from").asText());
            assertTrue(run.get("can_classify").asBoolean(), "its model file is the model it started from");
            HttpResponse<String> predict = board.post("/api/runs/from-a/predict",
                    BoardApiTest.png(BoardApiTest.shirt(), "png"));
            assertEquals(200, predict.statusCode(), predict.body());
            HttpResponse<String> curves = board.get("/api/runs/from-a/files/curves.png");
            assertEquals(404, curves.statusCode());
            assertTrue(BoardClient.json(curves).get("error").asText().contains("diverged in its first epoch"));
        }
        config.put("init", "random");
        writeRun(dir.resolve("from-a"), "diverged", config);
        try (BoardClient board = new BoardClient(dir, null)) {
            JsonNode run = BoardClient.json(board.get("/api/runs/from-a"));
            assertTrue(run.get("started_from").isNull());
            assertFalse(run.get("can_classify").asBoolean(), "random weights, untrained");
        }
    }

    @Test
    void settingsAreWordedAsTheCommandLineWordsThemWhatIsOffLeftOut() {
        JsonNode summary = BoardClient.json(client.get("/api/sweeps/sw")).get("summary");
        JsonNode diverged = summary.get("ranking").get(1).get("settings");
        assertEquals("1e7", diverged.get("lr").asText());
        assertEquals("256", diverged.get("batch size").asText());
        assertEquals("5000", diverged.get("validation").asText());
        for (String off : List.of("momentum", "weight decay", "lr schedule", "early stopping", "shuffle")) {
            assertFalse(diverged.has(off), off + " is off and left out: " + diverged);
        }
        assertFalse(diverged.has("learning_rate"), "no name from metrics.json");
        assertEquals("0.1", summary.get("winner").get("settings").get("lr").asText());
        JsonNode run = BoardClient.json(client.get("/api/runs/sw/lr1e7-seed1")).get("settings");
        assertEquals("1e7", run.get("lr").asText());
        assertEquals("42", run.get("seed").asText());
        assertEquals("0.01", run.get("init std").asText());
    }
}

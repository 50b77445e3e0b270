package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFilesTest {
    @TempDir
    Path dir;

    private static final List<EpochStats> EPOCHS = List.of(EpochStats.tested(1, 0.1f, 0.75, 0.7, 0.72, 0.5),
            EpochStats.tested(2, 0.05f, 0.5, 0.8, 0.81, 0.25));
    private static final List<EpochStats> VALIDATED = List.of(
            new EpochStats(1, 0.1f, 0.75, 0.7, 0.6, 0.71, Double.NaN, 0.5),
            new EpochStats(2, 0.1f, 0.5, 0.8, 0.55, 0.79, Double.NaN, 0.25));

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
    }

    @Test
    void jsonHoldsTheStatusConfigAndOneEntryPerEpoch() throws IOException {
        MetricsFiles.write(dir, new RunMetrics(RunStatus.RUNNING, TrainConfig.defaults().toMap(), EPOCHS, null));
        JsonNode json = json();
        assertEquals("running", json.get("status").asText());
        assertEquals(ProcessHandle.current().pid(), json.get("pid").asLong());
        assertEquals(256, json.get("config").get("batch_size").asInt());
        assertEquals(0.1, json.get("config").get("learning_rate").asDouble(), 1e-7);
        JsonNode second = json.get("epochs").get(1);
        assertEquals(2, second.get("epoch").asInt());
        assertEquals("0.05", second.get("lr").asText());
        assertEquals(0.5, second.get("train_loss").asDouble());
        assertEquals(0.8, second.get("train_acc").asDouble());
        assertEquals(0.81, second.get("test_acc").asDouble());
        assertEquals(0.25, second.get("seconds").asDouble());
        assertFalse(second.has("val_acc"));
        assertFalse(json.has("selected"));
    }

    @Test
    void aValidatedRunHasValidationFiguresAndItsSelection() throws IOException {
        RunMetrics metrics = new RunMetrics(RunStatus.FINISHED, TrainConfig.defaults().toMap(), VALIDATED,
                new RunMetrics.Selected(2, 0.79, 0.78));
        MetricsFiles.write(dir, metrics);
        JsonNode json = json();
        assertEquals("finished", json.get("status").asText());
        assertFalse(json.has("pid"));
        assertEquals(0.55, json.get("epochs").get(1).get("val_loss").asDouble());
        assertFalse(json.get("epochs").get(1).has("test_acc"));
        assertEquals(2, json.get("selected").get("epoch").asInt());
        assertEquals(0.78, json.get("selected").get("test_acc").asDouble());

        RunMetrics read = MetricsFiles.fromJson(Files.readAllBytes(dir.resolve("metrics.json")));
        assertEquals(metrics.epochs(), read.epochs());
        assertEquals(metrics.selected(), read.selected());
        assertEquals(RunStatus.FINISHED, read.status());
    }

    @Test
    void aSelectionWithoutTestAccuracyWritesNull() throws IOException {
        MetricsFiles.write(dir, new RunMetrics(RunStatus.FINISHED, TrainConfig.defaults().toMap(), VALIDATED,
                new RunMetrics.Selected(2, 0.79, Double.NaN)));
        assertTrue(json().get("selected").get("test_acc").isNull());
        assertTrue(Double.isNaN(MetricsFiles.fromJson(Files.readAllBytes(dir.resolve("metrics.json")))
                .selected().testAccuracy()));
    }

    @Test
    void csvHasAHeaderAndTheSameColumnsWithUnmeasuredCellsEmpty() throws IOException {
        MetricsFiles.write(dir, new RunMetrics(RunStatus.FINISHED, TrainConfig.defaults().toMap(), EPOCHS, null));
        assertEquals(List.of("epoch,lr,train_loss,train_acc,val_loss,val_acc,test_acc,seconds",
                "1,0.1,0.75,0.7,,,0.72,0.5000", "2,0.05,0.5,0.8,,,0.81,0.2500"),
                Files.readAllLines(dir.resolve("metrics.csv")));
    }
}

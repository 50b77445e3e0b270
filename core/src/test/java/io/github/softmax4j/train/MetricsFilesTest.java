package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static final List<EpochStats> EPOCHS = List.of(new EpochStats(1, 0.75, 0.7, 0.72, 0.5),
            new EpochStats(2, 0.5, 0.8, 0.81, 0.25));

    @Test
    void jsonHoldsTheConfigAndOneEntryPerEpoch() throws IOException {
        MetricsFiles.write(dir, TrainConfig.defaults().toMap(), EPOCHS);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertEquals(256, json.get("config").get("batch_size").asInt());
        assertEquals(0.1, json.get("config").get("learning_rate").asDouble(), 1e-7);
        JsonNode second = json.get("epochs").get(1);
        assertEquals(2, second.get("epoch").asInt());
        assertEquals(0.5, second.get("train_loss").asDouble());
        assertEquals(0.8, second.get("train_acc").asDouble());
        assertEquals(0.81, second.get("test_acc").asDouble());
        assertEquals(0.25, second.get("seconds").asDouble());
    }

    @Test
    void csvHasAHeaderAndTheSameColumns() throws IOException {
        MetricsFiles.write(dir, TrainConfig.defaults().toMap(), EPOCHS);
        List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals(List.of("epoch,train_loss,train_acc,test_acc,seconds", "1,0.75,0.7,0.72,0.5000",
                "2,0.5,0.8,0.81,0.2500"), lines);
    }
}

package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model with finite but huge weights (±3e38) gets true probabilities, never NaN. */
class HugeModelTest {
    @TempDir
    Path dir;

    private Path hugeModel() throws IOException {
        float[] weight = new float[10 * 784];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (i / 784 + i) % 2 == 0 ? 3e38f : -3e38f;
        }
        Path model = dir.resolve("huge.safetensors");
        ModelFile.save(model, new SavedModel(SoftmaxRegression.of(weight, new float[10], 784, 10),
                FashionMnist.DATA_SET.classNames(), PixelScaling.UNIT, 28, 28, Map.of()));
        return model;
    }

    @Test
    void predictPrintsNumbersNotNaN() throws IOException {
        Path model = hugeModel();
        String data = RealData.dir().toString();
        CliRun text = CliRun.of("predict", model.toString(), "--test-index", "0", "--data-dir", data);
        assertEquals(0, text.exitCode(), text.err());
        assertFalse(text.out().contains("NaN"), text.out());
        CliRun json = CliRun.of("predict", model.toString(), "--test-index", "0", "--json", "--data-dir", data);
        JsonNode line = new ObjectMapper().readTree(json.out());
        assertTrue(line.get("probability").isNumber(), json.out());
        double sum = 0;
        for (JsonNode scored : line.get("top")) {
            sum += scored.get("probability").asDouble();
        }
        assertTrue(sum <= 1 + 1e-9 && line.get("probability").asDouble() > 0, json.out());
    }

    @Test
    void evaluateAnswersEveryImageAtThresholdZero() throws IOException {
        CliRun run = CliRun.of("evaluate", hugeModel().toString(), "--json", "--chart", dir.resolve("rc.png").toString(),
                "--data-dir", RealData.dir().toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode first = new ObjectMapper().readTree(run.out()).get("risk_coverage").get(0);
        assertEquals(1.0, first.get("coverage").asDouble(), run.out());
        assertTrue(first.get("accuracy").isNumber() && first.get("accuracy").asDouble() < 1, run.out());
        assertFalse(run.out().contains("NaN"), run.out());
    }
}

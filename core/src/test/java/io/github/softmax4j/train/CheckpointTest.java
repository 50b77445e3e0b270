package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.ModelFormatException;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    private static SavedModel model(Map<String, String> training) {
        return new SavedModel(SoftmaxRegression.initialize(4, 2, 0.3f, 9), List.of("a", "b"), PixelScaling.SYMMETRIC,
                2, 2, training);
    }

    private static Map<String, String> training(TrainConfig config) {
        Map<String, String> training = new LinkedHashMap<>();
        config.toMap().forEach((key, value) -> training.put(key, String.valueOf(value)));
        training.put("init", "random");
        return training;
    }

    @Test
    void keepsWeightsConfigurationAndHistoryExactly() throws IOException {
        TrainConfig config = new TrainConfig(0.3f, 17, 9, 123456789012L, 0.02f, PixelScaling.SYMMETRIC, false);
        List<EpochStats> history = List.of(new EpochStats(1, 0.7870689017121156, 0.7483166666666666, 0.7715, 0.25),
                new EpochStats(2, 1.0 / 3, 2.0 / 3, 0.1, 1e-9));
        SavedModel saved = model(training(config));
        new Checkpoint(saved, config, history).save(dir);

        Checkpoint loaded = Checkpoint.load(dir);
        assertEquals(config, loaded.config());
        assertEquals(history, loaded.history());
        assertTrue(saved.model().sameParameters(loaded.model().model()));
        assertEquals("random", loaded.model().training().get("init"));
    }

    @Test
    void aPlainModelFileIsNotACheckpoint() throws IOException {
        ModelFile.save(dir.resolve(Checkpoint.FILE_NAME), model(training(TrainConfig.defaults())));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Checkpoint.load(dir));
        assertTrue(e.getMessage().contains("is a model but not a checkpoint"), e.getMessage());
    }

    @Test
    void damagedHistoryIsReported() throws IOException {
        Map<String, String> training = training(TrainConfig.defaults());
        training.put("history", "[{\"epoch\": 1}]");
        ModelFile.save(dir.resolve(Checkpoint.FILE_NAME), model(training));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Checkpoint.load(dir));
        assertTrue(e.getMessage().contains("checkpoint metadata is damaged (epoch figures lack train_loss)"),
                e.getMessage());
    }
}

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
import java.util.ArrayList;
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
        Map<String, String> training = config.toMetadata();
        training.put("init", "random");
        return training;
    }

    @Test
    void keepsWeightsVelocityKeptModelConfigurationAndHistoryExactly() throws IOException {
        TrainConfig config = TrainConfig.defaults().withLearningRate(0.3f).withBatchSize(17).withEpochs(9)
                .withSeed(123456789012L).withInitStd(0.02f).withPixelScaling(PixelScaling.SYMMETRIC).withShuffle(false)
                .withMomentum(0.9f).withWeightDecay(1e-4f).withSchedule(new LearningRateSchedule.Cosine())
                .withValidation(5).withEarlyStopping(3);
        List<EpochStats> history = List.of(
                new EpochStats(1, 0.3f, 0.7870689017121156, 0.7483166666666666, 0.61, 0.8, Double.NaN, 0.25),
                new EpochStats(2, 0.29f, 1.0 / 3, 2.0 / 3, 0.5, 0.7, Double.NaN, 1e-9));
        SavedModel saved = model(training(config));
        SoftmaxRegression velocity = SoftmaxRegression.initialize(4, 2, 1f, 1);
        SoftmaxRegression kept = SoftmaxRegression.initialize(4, 2, 1f, 2);
        new Checkpoint(saved, config, history, velocity, kept).save(dir);

        Checkpoint loaded = Checkpoint.load(dir);
        assertEquals(config, loaded.config());
        assertEquals(history, loaded.history());
        assertTrue(saved.model().sameParameters(loaded.model().model()));
        assertTrue(velocity.sameParameters(loaded.velocity()));
        assertTrue(kept.sameParameters(loaded.kept()));
        assertEquals("random", loaded.model().training().get("init"));
        assertEquals(1, loaded.progress().keptEpoch().epoch());
        assertTrue(kept.sameParameters(loaded.progress().keptModel()));
        // still a model file: evaluate and predict read it
        assertTrue(saved.model().sameParameters(ModelFile.load(dir.resolve(Checkpoint.FILE_NAME)).model()));
    }

    @Test
    void aRunOfTwentyThousandEpochsStillResumes() throws IOException {
        TrainConfig config = TrainConfig.defaults().withEpochs(30_000).withValidation(5);
        List<EpochStats> history = new ArrayList<>();
        for (int epoch = 1; epoch <= 20_000; epoch++) {
            history.add(new EpochStats(epoch, 0.1f, 1.0 / epoch, 1 - 1.0 / (epoch + 1), Math.PI / epoch, 0.5,
                    Double.NaN, epoch * 1e-3));
        }
        SoftmaxRegression velocity = SoftmaxRegression.initialize(4, 2, 1f, 1);
        new Checkpoint(model(training(config)), config, history, velocity, velocity).save(dir);

        Checkpoint loaded = Checkpoint.load(dir);
        assertEquals(history, loaded.history());
        assertEquals(config, loaded.config());
    }

    @Test
    void aCheckpointWrittenBeforeTheFirstEpochHasAnEmptyHistory() throws IOException {
        TrainConfig config = TrainConfig.defaults();
        SoftmaxRegression velocity = SoftmaxRegression.zeros(4, 2);
        new Checkpoint(model(training(config)), config, List.of(), velocity, velocity).save(dir);
        assertEquals(List.of(), Checkpoint.load(dir).history());
    }

    @Test
    void aVersionTwoCheckpointWithItsHistoryInTheHeaderStillResumes() throws IOException {
        TrainConfig config = TrainConfig.defaults().withMomentum(0.5f);
        Map<String, String> training = training(config);
        training.put("checkpoint_version", "2");
        training.put("history", "[{\"epoch\": 1, \"lr\": 0.1, \"train_loss\": 0.5, \"train_acc\": 0.8,"
                + " \"test_acc\": 0.79, \"seconds\": 0.2}]");
        SoftmaxRegression velocity = SoftmaxRegression.initialize(4, 2, 1f, 1);
        SoftmaxRegression kept = SoftmaxRegression.initialize(4, 2, 1f, 2);
        ModelFile.save(dir.resolve(Checkpoint.FILE_NAME), model(training), Map.of("velocity", velocity, "kept", kept),
                new double[0][]);

        Checkpoint loaded = Checkpoint.load(dir);
        assertEquals(List.of(EpochStats.tested(1, 0.1f, 0.5, 0.8, 0.79, 0.2)), loaded.history());
        assertTrue(velocity.sameParameters(loaded.velocity()));
        assertTrue(kept.sameParameters(loaded.kept()));
    }

    @Test
    void aVersionOneCheckpointResumesWithZeroVelocityAndTheConstantRate() throws IOException {
        // what softmax4j wrote before momentum existed: no version, no state tensors, no lr per epoch
        TrainConfig config = TrainConfig.defaults().withLearningRate(0.3f);
        Map<String, String> training = new LinkedHashMap<>();
        for (String key : List.of("learning_rate", "batch_size", "epochs", "seed", "init_std", "pixel_scaling",
                "shuffle")) {
            training.put(key, String.valueOf(config.toMap().get(key)));
        }
        training.put("history", "[{\"epoch\": 1, \"train_loss\": 0.5, \"train_acc\": 0.8, \"test_acc\": 0.79,"
                + " \"seconds\": 0.2}]");
        SavedModel saved = model(training);
        ModelFile.save(dir.resolve(Checkpoint.FILE_NAME), saved);

        Checkpoint loaded = Checkpoint.load(dir);
        assertEquals(config, loaded.config());
        assertEquals(List.of(EpochStats.tested(1, 0.3f, 0.5, 0.8, 0.79, 0.2)), loaded.history());
        assertTrue(new Sgd(0, 0, 4, 2).velocity().sameParameters(loaded.velocity()));
        assertTrue(saved.model().sameParameters(loaded.kept()));
    }

    @Test
    void aNewerVersionIsRefusedWithAMessage() throws IOException {
        Map<String, String> training = training(TrainConfig.defaults());
        training.put("history", "[]");
        training.put("checkpoint_version", "4");
        ModelFile.save(dir.resolve(Checkpoint.FILE_NAME), model(training));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Checkpoint.load(dir));
        assertTrue(e.getMessage().contains("format version 4, which this softmax4j does not know"), e.getMessage());
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

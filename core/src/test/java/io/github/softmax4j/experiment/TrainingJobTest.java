package io.github.softmax4j.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.LearningRateSchedule;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingJobTest {
    static final List<String> CLASS_NAMES = List.of("a", "b");

    @TempDir
    Path dir;

    /** 2x2 images: class 0 bright on the left, class 1 on the right. */
    static Dataset data(int size) {
        byte[] pixels = new byte[size * 4];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = i % 2;
            pixels[i * 4 + labels[i]] = (byte) (100 + i % 100);
            pixels[i * 4 + 2 + labels[i]] = (byte) 200;
        }
        return new Dataset(pixels, labels, 4);
    }

    static SweepGrid grid() {
        return new SweepGrid(List.of(0.1f), List.of(8), List.of(0f), List.of(0f),
                List.of(new LearningRateSchedule.Constant()), List.of(PixelScaling.UNIT), List.of(0.01f), 3, 1, 16, 0);
    }

    private static Checkpoint fresh(TrainConfig config) {
        SoftmaxRegression model = SoftmaxRegression.initialize(4, 2, 0.01f, config.seed());
        return TrainingJob.fresh(new SavedModel(model, CLASS_NAMES, PixelScaling.UNIT, 2, 2, config.toMetadata()), config);
    }

    @Test
    void aStopRequestEndsTheRunAfterTheEpochInProgressResumablyAndTheResumedRunEndsOnTheSameBits()
            throws IOException {
        TrainConfig config = TrainConfig.defaults().withBatchSize(8).withEpochs(5);
        Path whole = dir.resolve("whole");
        TrainingJob.Outcome reference = new TrainingJob(whole, fresh(config), config.toMap()).run(data(64), null,
                data(16), true, 1, stats -> { }, new StopRequest());

        Path stopped = dir.resolve("stopped");
        StopRequest stop = new StopRequest();
        TrainingJob.Outcome outcome = new TrainingJob(stopped, fresh(config), config.toMap()).run(data(64), null,
                data(16), true, 1, stats -> {
                    if (stats.epoch() == 2) {
                        stop.request();
                    }
                }, stop);
        assertTrue(outcome.interrupted());
        assertNull(outcome.kept());
        assertEquals(RunStatus.INTERRUPTED, RunFolder.read(stopped, dir).status());
        assertEquals(2, Checkpoint.load(stopped).history().size());

        TrainingJob.Outcome resumed = new TrainingJob(stopped, Checkpoint.load(stopped), config.toMap()).run(data(64),
                null, data(16), true, 1, stats -> { }, new StopRequest());
        assertEquals(RunStatus.FINISHED, resumed.metrics().status());
        assertEquals(reference.metrics().epochs().stream().map(s -> s.trainLoss()).toList(),
                resumed.metrics().epochs().stream().map(s -> s.trainLoss()).toList());
        assertArrayEquals(Files.readAllBytes(whole.resolve(RunFolder.MODEL_FILE)),
                Files.readAllBytes(stopped.resolve(RunFolder.MODEL_FILE)));
    }

    @Test
    void aJobItsCallerFinishesStaysRunningWithItsModelSavedUntilMarkedFinished() throws IOException {
        TrainConfig config = TrainConfig.defaults().withBatchSize(8).withEpochs(2);
        Path run = dir.resolve("run");
        TrainingJob job = new TrainingJob(run, fresh(config), config.toMap()).finishedByCaller();
        TrainingJob.Outcome outcome = job.run(data(64), null, data(16), true, 1, stats -> { }, new StopRequest());
        assertEquals(RunStatus.FINISHED, outcome.metrics().status());
        assertTrue(Files.isRegularFile(run.resolve(RunFolder.MODEL_FILE)));
        assertEquals(RunStatus.RUNNING, RunFolder.read(run, dir).status());
        job.markFinished(outcome);
        assertEquals(RunStatus.FINISHED, RunFolder.read(run, dir).status());
        assertEquals(2, RunFolder.read(run, dir).metrics().epochs().size());
    }

    @Test
    void aFailedWriteSaysWhichCheckpointIsIntact() throws IOException {
        TrainConfig config = TrainConfig.defaults().withBatchSize(8).withEpochs(5);
        Path run = dir.resolve("run");
        RunWriteException e = assertThrows(RunWriteException.class, () -> new TrainingJob(run, fresh(config),
                Map.of()).run(data(64), null, data(16), true, 1, stats -> {
                    if (stats.epoch() == 2) {
                        // the next write of metrics.csv cannot replace a folder that holds a file
                        try {
                            Files.delete(run.resolve(MetricsFiles.CSV_FILE));
                            Files.createDirectories(run.resolve(MetricsFiles.CSV_FILE).resolve("in-the-way"));
                        } catch (IOException unexpected) {
                            throw new AssertionError(unexpected);
                        }
                    }
                }, new StopRequest()));
        assertEquals(3, e.checkpointEpoch());
        assertTrue(e.getMessage().startsWith("writing " + run + " failed ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("; its checkpoint after epoch 3 is intact"), e.getMessage());
        assertEquals(3, Checkpoint.load(run).history().size());
    }
}

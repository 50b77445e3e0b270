package io.github.softmax4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingModelTest {
    @TempDir
    Path dir;

    @Test
    void aRunsModelIsToComeWhileARunOrACommandReadingItsDataHoldsItsFolder() throws IOException {
        Path run = dir.resolve("run");
        Path model = run.resolve(RunFolder.MODEL_FILE);
        Path checkpoint = run.resolve(Checkpoint.FILE_NAME);
        try (RunLock lock = RunLock.acquire(run)) {
            assertEquals(Optional.of(new PendingModel(Holder.STARTING, checkpoint, 0, OptionalInt.empty())),
                    RunFolder.pendingModel(model));
            assertEquals(Optional.empty(), RunFolder.pendingModel(run.resolve("other.safetensors")));
            MetricsFiles.write(run, new RunMetrics(RunStatus.RUNNING, TrainConfig.defaults().toMap(), List.of(
                    EpochStats.tested(1, 0.1f, 0.8, 0.75, 0.77, 1)), null));
            assertEquals(Optional.of(new PendingModel(Holder.RUN, checkpoint, 0, OptionalInt.of(10))),
                    RunFolder.pendingModel(model), "no checkpoint written yet");
            Files.writeString(checkpoint, "weights");
            assertEquals(Optional.of(new PendingModel(Holder.RUN, checkpoint, 1, OptionalInt.of(10))),
                    RunFolder.pendingModel(model));
        }
        assertEquals(Optional.empty(), RunFolder.pendingModel(model), "a run whose lock is free is not training");
    }

    @Test
    void aSweepsFolderHasNoModelToCome() throws IOException {
        Path sweep = dir.resolve("sweep");
        try (RunLock lock = RunLock.acquire(sweep)) {
            Files.writeString(sweep.resolve(Sweep.JSON_FILE), "{}");
            assertEquals(Optional.of(Holder.SWEEP), Holder.of(sweep));
            assertEquals(Optional.empty(), RunFolder.pendingModel(sweep.resolve(RunFolder.MODEL_FILE)));
        }
        assertEquals(Optional.empty(), Holder.of(sweep));
    }
}

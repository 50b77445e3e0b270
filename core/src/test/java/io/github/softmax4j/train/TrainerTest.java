package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.ValidationSplit;
import io.github.softmax4j.eval.Metrics;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final int FEATURES = 64;
    private static final int CLASSES = 4;
    private static final List<String> NAMES = List.of("north", "east", "south", "west");

    /** Linearly separable images: class c lights up its own quarter of the pixels, plus noise. */
    private static Dataset separable(int size, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[size * FEATURES];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(CLASSES);
            for (int j = 0; j < FEATURES; j++) {
                boolean lit = j / (FEATURES / CLASSES) == labels[i];
                pixels[i * FEATURES + j] = (byte) ((lit ? 150 : 0) + random.nextInt(100));
            }
        }
        return new Dataset(pixels, labels, FEATURES);
    }

    private static TrainConfig config(float learningRate, int batchSize, int epochs) {
        return TrainConfig.defaults().withLearningRate(learningRate).withBatchSize(batchSize).withEpochs(epochs)
                .withSeed(11);
    }

    private record Run(List<EpochStats> history, SoftmaxRegression model) {
    }

    private static Run run(TrainConfig config, int threads, Dataset train, Dataset test) throws DivergenceException {
        SoftmaxRegression model = SoftmaxRegression.initialize(FEATURES, CLASSES, config.initStd(), config.seed());
        try (Trainer trainer = new Trainer(config, threads, FEATURES, CLASSES)) {
            return new Run(trainer.fit(model, train, test, stats -> { }), model);
        }
    }

    private static void assertSameResults(Run expected, Run actual) {
        assertEquals(expected.history().size(), actual.history().size());
        for (int i = 0; i < expected.history().size(); i++) {
            EpochStats e = expected.history().get(i);
            EpochStats a = actual.history().get(i);
            assertEquals(Double.doubleToRawLongBits(e.trainLoss()), Double.doubleToRawLongBits(a.trainLoss()));
            assertEquals(e.trainAccuracy(), a.trainAccuracy());
            assertEquals(e.testAccuracy(), a.testAccuracy());
        }
        assertTrue(expected.model().sameParameters(actual.model()), "weights differ");
    }

    @Test
    void reachesPerfectAccuracyOnSeparableData() throws DivergenceException {
        Run run = run(config(0.5f, 16, 8), 1, separable(400, 1), separable(200, 2));
        List<EpochStats> history = run.history();
        assertTrue(history.get(history.size() - 1).trainLoss() < history.get(0).trainLoss(), history.toString());
        assertEquals(1.0, history.get(history.size() - 1).testAccuracy());
        assertEquals(1.0, history.get(history.size() - 1).trainAccuracy());
    }

    @Test
    void sameSeedGivesBitwiseIdenticalMetricsAndWeights() throws DivergenceException {
        Dataset train = separable(300, 3);
        Dataset test = separable(100, 4);
        assertSameResults(run(config(0.1f, 32, 3), 2, train, test), run(config(0.1f, 32, 3), 2, train, test));
    }

    @Test
    void threadCountDoesNotChangeASingleBit() throws DivergenceException {
        Dataset train = separable(517, 5);
        Dataset test = separable(100, 6);
        // batches of 3 blocks, 64 + 64 + 22 rows, and a last batch of 67 rows in 2 blocks
        int batchSize = 2 * Trainer.BLOCK_ROWS + 22;
        Run one = run(config(0.1f, batchSize, 3), 1, train, test);
        for (int threads : new int[] {2, 3, 7}) {
            assertSameResults(one, run(config(0.1f, batchSize, 3), threads, train, test));
        }
    }

    @Test
    void theLastSmallerBatchIsAveragedOverItsOwnSize() {
        // one example, batch size 256: the step must use the full gradient of that one example
        Dataset one = new Dataset(new byte[] {(byte) 255}, new int[] {0}, 1);
        SoftmaxRegression model = SoftmaxRegression.of(new float[] {0, 0}, new float[] {0, 0}, 1, 2);
        try (Trainer trainer = new Trainer(TrainConfig.defaults().withLearningRate(1f).withEpochs(1).withInitStd(0f)
                .withShuffle(false), 1, 1, 2)) {
            Trainer.EpochResult result = trainer.trainEpoch(model, one, 1);
            assertEquals(Math.log(2), result.trainLoss(), 1e-6);
        }
        // dLogits = (0.5 - 1, 0.5 - 0) / 1, so w = -lr * dLogits * x = (0.5, -0.5)
        assertEquals(0.5f, model.weight()[0], 1e-6f);
        assertEquals(-0.5f, model.weight()[1], 1e-6f);
    }

    @Test
    void divergenceStopsWithTheEpochAndKeepsTheLastGoodModel() {
        // with stable kernels a large step only makes the loss huge; this one overflows float itself
        Dataset train = separable(300, 7);
        TrainConfig config = config(1e38f, 10, 5);
        SoftmaxRegression model = SoftmaxRegression.initialize(FEATURES, CLASSES, config.initStd(), config.seed());
        SoftmaxRegression initial = model.copy();
        List<EpochStats> seen = new ArrayList<>();
        DivergenceException e;
        try (Trainer trainer = new Trainer(config, 2, FEATURES, CLASSES)) {
            e = assertThrows(DivergenceException.class, () -> trainer.fit(model, train, train, seen::add));
        }
        assertTrue(e.getMessage().contains("epoch " + e.epoch()), e.getMessage());
        assertTrue(e.getMessage().contains("learning rate 1.0E38"), e.getMessage());
        assertEquals(seen, e.completed());
        assertTrue(model.isFinite(), "the model must be the last good one");
        if (seen.isEmpty()) {
            assertTrue(model.sameParameters(initial));
        }
    }

    @Test
    void conciseTrainReturnsTheTrainedModelAndItsHistory() throws DivergenceException {
        Trainer.Result result = Trainer.train(separable(200, 8), separable(100, 9), NAMES, 8, 8, config(0.5f, 20, 4));
        assertEquals(4, result.epochs().size());
        assertEquals(1.0, result.epochs().get(3).testAccuracy());
        assertEquals(FEATURES, result.model().features());
    }

    @Test
    void conciseTrainWithValidationReturnsTheModelOfTheBestValidationEpoch() throws DivergenceException {
        Dataset train = separable(300, 20);
        Trainer.Result result = Trainer.train(train, separable(100, 21), NAMES, 8, 8,
                config(0.05f, 20, 4).withValidation(60));
        assertEquals(4, result.epochs().size());
        EpochStats best = result.epochs().get(0);
        for (EpochStats stats : result.epochs()) {
            assertTrue(stats.validated());
            best = stats.valAccuracy() > best.valAccuracy() ? stats : best;
        }
        ValidationSplit split = ValidationSplit.of(train, 60, 11);
        assertEquals(best.valAccuracy(), Metrics.evaluateAccuracy(result.model(), split.validation(),
                PixelScaling.UNIT));
    }

    @Test
    void aTrainedModelIsSavedInOneCallWithItsClassNamesShapeAndSettings(@TempDir Path dir)
            throws DivergenceException, IOException {
        Trainer.Result result = Trainer.train(separable(200, 8), separable(100, 9), NAMES, 8, 8, config(0.5f, 20, 2));
        Path file = dir.resolve("model.safetensors");
        result.save(file);
        SavedModel loaded = ModelFile.load(file);
        assertTrue(loaded.model().sameParameters(result.model()));
        assertEquals(NAMES, loaded.classNames());
        assertEquals(8, loaded.height());
        assertEquals(8, loaded.width());
        assertEquals("0.5", loaded.training().get("learning_rate"));
        assertEquals("random", loaded.training().get("init"));
    }

    private static TrainConfig momentumConfig(int epochs) {
        return config(0.05f, 32, epochs).withMomentum(0.9f).withWeightDecay(1e-3f)
                .withSchedule(new LearningRateSchedule.Constant()).withValidation(60);
    }

    @Test
    void resumingFromACheckpointWithMomentumEndsBitwiseWhereAnUninterruptedRunEnds() throws Exception {
        Dataset train = separable(300, 12);
        Dataset validation = separable(60, 13);
        TrainConfig config = momentumConfig(6);
        SoftmaxRegression initial = SoftmaxRegression.initialize(FEATURES, CLASSES, config.initStd(), config.seed());

        Progress whole = new Progress(initial.copy());
        try (Trainer trainer = new Trainer(config, 2, FEATURES, CLASSES)) {
            trainer.fit(whole, train, validation, null, stats -> { });
        }

        // three epochs, then a checkpoint's worth of state carried into a new trainer
        Progress first = new Progress(initial.copy());
        SoftmaxRegression velocity;
        try (Trainer trainer = new Trainer(config.withEpochs(3), 1, FEATURES, CLASSES)) {
            trainer.fit(first, train, validation, null, stats -> { });
            velocity = trainer.optimizer().velocity();
        }
        Progress resumed = Progress.resumed(first.model().copy(), first.history(), first.keptModel());
        try (Trainer trainer = new Trainer(config, 3, FEATURES, CLASSES)) {
            trainer.optimizer().restoreVelocity(velocity);
            trainer.fit(resumed, train, validation, null, stats -> { });
        }
        assertEquals(whole.history().size(), resumed.history().size());
        for (int i = 0; i < whole.history().size(); i++) {
            EpochStats a = whole.history().get(i);
            EpochStats b = resumed.history().get(i);
            assertEquals(Double.doubleToRawLongBits(a.trainLoss()), Double.doubleToRawLongBits(b.trainLoss()));
            assertEquals(Double.doubleToRawLongBits(a.valLoss()), Double.doubleToRawLongBits(b.valLoss()));
        }
        assertTrue(whole.model().sameParameters(resumed.model()), "weights differ");
        assertTrue(whole.keptModel().sameParameters(resumed.keptModel()), "kept weights differ");
    }

    @Test
    void momentumChangesTheResultAndStaysThreadInvariant() throws Exception {
        Dataset train = separable(300, 14);
        Dataset validation = separable(60, 15);
        Progress one = new Progress(SoftmaxRegression.initialize(FEATURES, CLASSES, 0.01f, 11));
        Progress two = new Progress(SoftmaxRegression.initialize(FEATURES, CLASSES, 0.01f, 11));
        Progress plain = new Progress(SoftmaxRegression.initialize(FEATURES, CLASSES, 0.01f, 11));
        try (Trainer trainer = new Trainer(momentumConfig(3), 1, FEATURES, CLASSES)) {
            trainer.fit(one, train, validation, null, stats -> { });
        }
        try (Trainer trainer = new Trainer(momentumConfig(3), 7, FEATURES, CLASSES)) {
            trainer.fit(two, train, validation, null, stats -> { });
        }
        try (Trainer trainer = new Trainer(momentumConfig(3).withMomentum(0), 2, FEATURES, CLASSES)) {
            trainer.fit(plain, train, validation, null, stats -> { });
        }
        assertTrue(one.model().sameParameters(two.model()), "thread count changed the weights");
        assertTrue(!one.model().sameParameters(plain.model()), "momentum had no effect");
    }

    @Test
    void validationFiguresAreReportedAndTheTestSetIsNotTouched() throws Exception {
        Dataset train = separable(300, 16);
        Dataset validation = separable(60, 17);
        Progress progress = new Progress(SoftmaxRegression.initialize(FEATURES, CLASSES, 0.01f, 11));
        try (Trainer trainer = new Trainer(momentumConfig(2), 2, FEATURES, CLASSES)) {
            trainer.fit(progress, train, validation, null, stats -> { });
        }
        for (EpochStats stats : progress.history()) {
            assertTrue(stats.validated());
            assertTrue(stats.valLoss() > 0 && stats.valAccuracy() > 0.25, stats.toString());
            assertTrue(Double.isNaN(stats.testAccuracy()));
            assertEquals(0.05f, stats.learningRate());
        }
    }

    @Test
    void earlyStoppingStopsAfterThePatienceAndKeepsTheBestEpoch() throws Exception {
        // separable data: validation accuracy reaches its best within a few epochs and cannot beat it
        Dataset train = separable(300, 18);
        Dataset validation = separable(60, 19);
        TrainConfig config = config(0.02f, 300, 40).withValidation(60).withEarlyStopping(3);
        Progress progress = new Progress(SoftmaxRegression.initialize(FEATURES, CLASSES, 0.01f, 11));
        List<SoftmaxRegression> models = new ArrayList<>();
        try (Trainer trainer = new Trainer(config, 1, FEATURES, CLASSES)) {
            trainer.fit(progress, train, validation, null, stats -> models.add(progress.model().copy()));
        }
        List<EpochStats> history = progress.history();
        int best = 0;
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).valAccuracy() > history.get(best).valAccuracy()) {
                best = i;
            }
        }
        assertEquals(best + 1, progress.keptEpoch().epoch());
        assertTrue(models.get(best).sameParameters(progress.keptModel()), "kept model is not the best epoch's");
        assertEquals(best + 1 + 3, history.size(), "stopped at the wrong epoch: " + history);
    }
}

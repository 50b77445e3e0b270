package io.github.softmax4j.train;

import io.github.softmax4j.data.BatchOrder;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.TrainTest;
import io.github.softmax4j.data.ValidationSplit;
import io.github.softmax4j.eval.Metrics;
import io.github.softmax4j.math.BatchKernels;
import io.github.softmax4j.math.Kernels;
import io.github.softmax4j.math.Parallel;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Minibatch SGD on softmax regression (d2l §3.6: train_epoch_ch3 and train_ch3; §3.7 in one call
 * with {@link #train}). Each batch runs in two parallel phases over a fixed pool. First blocks of
 * {@link #BLOCK_ROWS} rows: read and scale the pixels, logits, loss, dLogits, and each block's
 * loss sum, correct count, bias gradient and own part of dW, so that a thread only ever reads
 * the pixels it scaled itself and the 800 KB of a batch's pixels stay in that core's cache
 * (measured: an epoch on two threads went from 35 to 31 ms). Then feature columns: the blocks'
 * parts of dW added up ({@link BlockGradients}), and the SGD step. Every output element is
 * computed by one thread in one order, and the blocks do not depend on the thread count, so the
 * result is bitwise the same for any thread count. Buffers are allocated once, for the largest
 * batch; nothing is allocated in the batch loop. One trainer serves one training run at a time.
 */
public final class Trainer implements AutoCloseable {
    /** One epoch's training figures (d2l: what train_epoch_ch3 returns). */
    public record EpochResult(double trainLoss, double trainAccuracy) {
    }

    /** A trained model with what its file records (class names, input shape, settings), and its history. */
    public record Result(SavedModel saved, List<EpochStats> epochs) {
        public Result {
            epochs = List.copyOf(epochs);
        }

        /** The trained model. */
        public SoftmaxRegression model() {
            return saved.model();
        }

        /** Writes the model file (safetensors) that {@code softmax4j evaluate} and {@code predict} read. */
        public void save(Path path) throws IOException {
            ModelFile.save(path, saved);
        }
    }

    /** Rows per block of a batch: each block's weight gradient is summed on its own. */
    public static final int BLOCK_ROWS = 64;

    // 30 epochs of 16 batches: enough calls for the JIT to compile the kernels' inner loops; the
    // methods around them are compiled during the first real epoch, as they were after 125 (measured
    // with -XX:+PrintCompilation), so more epochs only cost processor time
    private static final int WARM_UP_EPOCHS = 30;

    private final TrainConfig config;
    private final Sgd optimizer;
    private final BatchKernels kernels = BatchKernels.fastest();
    private final Parallel parallel;
    private final float[] x;
    private final int[] y;
    private final float[] logits;
    private final float[] dLogits;
    private final float[] losses;
    private final BlockGradients blockGradients;
    private final double[] blockLosses;
    private final int[] blockCorrect;
    private final float[][] blockBiasGradients;
    private final Parallel.RangeTask blockPhase = this::blockPhase;
    private final Parallel.RangeTask featurePhase = this::featurePhase;

    // the state of the batch in progress, read by the two phases
    private SoftmaxRegression model;
    private Dataset train;
    private int[] order = new int[0];
    private final float[] dB;
    private int batchStart;
    private int batchSize;
    private float learningRate;

    /** A trainer for {@code config} using {@code threads} threads (results do not depend on it). */
    public Trainer(TrainConfig config, int threads, int features, int classes) {
        if ((long) config.batchSize() * features > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("batchSize " + config.batchSize() + " of " + features
                    + " features each is more than one array can hold; use a batch of at most the training images");
        }
        this.config = config;
        this.optimizer = Sgd.of(config, features, classes);
        this.parallel = new Parallel(threads);
        int batch = config.batchSize();
        this.x = new float[batch * features];
        this.y = new int[batch];
        this.logits = new float[batch * classes];
        this.dLogits = new float[batch * classes];
        this.losses = new float[batch];
        int blocks = blocks(batch);
        this.blockGradients = new BlockGradients(blocks, classes, features);
        this.blockLosses = new double[blocks];
        this.blockCorrect = new int[blocks];
        this.blockBiasGradients = new float[blocks][classes];
        this.dB = new float[classes];
    }

    /**
     * d2l §3.7 in one call: a model initialised from the config's seed, trained on the data set's
     * training images, tested on its test images after each epoch, using all available processors.
     */
    public static Result train(TrainTest data, TrainConfig config) throws DivergenceException {
        IdxDataSet dataSet = data.dataSet();
        return train(data.train(), data.test(), dataSet.classNames(), dataSet.height(), dataSet.width(), config);
    }

    /**
     * As {@link #train(TrainTest, TrainConfig)}, for any images of {@code height} x {@code width}
     * pixels. With a validation split in the config, the split is held out of {@code train}, each
     * epoch is evaluated on it instead, and the model returned is the one of the epoch with the
     * best validation accuracy.
     */
    public static Result train(Dataset train, Dataset test, List<String> classNames, int height, int width,
                               TrainConfig config) throws DivergenceException {
        int classes = classNames.size();
        Progress progress = new Progress(SoftmaxRegression.initialize(train.features(), classes, config.initStd(),
                config.seed()));
        try (Trainer trainer = new Trainer(config, Runtime.getRuntime().availableProcessors(), train.features(),
                classes)) {
            if (config.validation() > 0) {
                ValidationSplit split = ValidationSplit.of(train, config.validation(), config.seed());
                trainer.fit(progress, split.train(), split.validation(), test, stats -> { });
            } else {
                trainer.fit(progress, train, null, test, stats -> { });
            }
        }
        Map<String, String> training = config.toMetadata();
        training.put("init", "random");
        return new Result(new SavedModel(progress.keptModel(), classNames, config.pixelScaling(), height, width,
                training), progress.history());
    }

    /**
     * Runs the training step and the evaluation on a small synthetic problem, so that the JIT has
     * compiled the kernels before a real run starts; without this the first epoch runs several
     * times slower. Nothing is kept. Results never depend on whether it ran: every kernel gives
     * the same bits interpreted and compiled. It also loads the JSON writer that the metrics
     * files need. Meant for a background thread while data loads.
     */
    public static void warmUp(int features, int classes) throws IOException {
        int examples = 256;
        byte[] pixels = new byte[examples * features];
        int[] labels = new int[examples];
        for (int i = 0; i < examples; i++) {
            labels[i] = i % classes;
            pixels[i * features + i % features] = (byte) 255;
        }
        Dataset data = new Dataset(pixels, labels, features);
        SoftmaxRegression model = SoftmaxRegression.initialize(features, classes, 0.01f, 0);
        TrainConfig small = TrainConfig.defaults().withBatchSize(16).withEpochs(1).withSeed(0);
        try (Trainer trainer = new Trainer(small, 1, features, classes)) {
            for (int epoch = 1; epoch <= WARM_UP_EPOCHS; epoch++) {
                trainer.trainEpoch(model, data, epoch);
            }
        }
        double accuracy = Metrics.evaluateAccuracy(model, data, PixelScaling.UNIT);
        MetricsFiles.toJson(new RunMetrics(RunStatus.FINISHED, small.toMap(), List.of(EpochStats.tested(1, 0.1f, 0, accuracy, accuracy, 0)), null));
    }

    /**
     * d2l: train_ch3. Trains {@code model} in place for the configured epochs, evaluating
     * {@code test} after each one and telling {@code listener}. If the loss diverges the model is
     * put back to its state after the last good epoch and a {@link DivergenceException} is thrown.
     */
    public List<EpochStats> fit(SoftmaxRegression model, Dataset train, Dataset test, Consumer<EpochStats> listener)
            throws DivergenceException {
        Progress progress = new Progress(model);
        fit(progress, train, null, test, listener);
        return progress.history();
    }

    /**
     * Continues {@code progress} up to the configured number of epochs: after each epoch the
     * model is evaluated on {@code validation} (loss and accuracy) if it is given, otherwise on
     * {@code test} (accuracy, as the chapter does), and {@code listener} is told. With a
     * validation split, training stops early once the configured patience runs out. Every epoch's
     * shuffle depends only on the seed and the epoch's number, and the optimizer's velocity is
     * restored from a checkpoint with {@link #optimizer()}, so a resumed run ends bitwise where an
     * uninterrupted one does. If the loss diverges, the model and the velocity are put back to
     * their state after the last good epoch and a {@link DivergenceException} is thrown.
     *
     * @param validation held-out training images, or null to evaluate {@code test} every epoch
     * @param test       evaluated every epoch when there is no validation split; otherwise unused
     */
    public void fit(Progress progress, Dataset train, Dataset validation, Dataset test,
                    Consumer<EpochStats> listener) throws DivergenceException {
        SoftmaxRegression model = progress.model();
        SoftmaxRegression lastGood = model.copy();
        SoftmaxRegression lastGoodVelocity = optimizer.velocity();
        double limit = explosionLimit(model.classes());
        for (int epoch = progress.completed() + 1; epoch <= config.epochs(); epoch++) {
            if (progress.patienceRunOut(config.earlyStopping())) {
                return;
            }
            long start = System.nanoTime();
            float rate = config.learningRate(epoch);
            EpochResult result = trainEpoch(model, train, epoch);
            if (!Double.isFinite(result.trainLoss()) || result.trainLoss() > limit || !model.isFinite()) {
                model.copyFrom(lastGood);
                optimizer.restoreVelocity(lastGoodVelocity);
                throw new DivergenceException(epoch, rate, result.trainLoss(), progress.history());
            }
            EpochStats stats;
            if (validation != null) {
                Metrics.Evaluation val = Metrics.evaluate(model, validation, config.pixelScaling(), parallel);
                stats = new EpochStats(epoch, rate, result.trainLoss(), result.trainAccuracy(), val.loss(),
                        val.accuracy(), Double.NaN, seconds(start));
            } else {
                double testAccuracy = Metrics.evaluateAccuracy(model, test, config.pixelScaling(), parallel);
                stats = EpochStats.tested(epoch, rate, result.trainLoss(), result.trainAccuracy(), testAccuracy,
                        seconds(start));
            }
            progress.record(stats);
            lastGood.copyFrom(model);
            lastGoodVelocity = optimizer.velocity();
            listener.accept(stats);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The optimizer and its state (the velocity), for checkpoints. */
    public Sgd optimizer() {
        return optimizer;
    }

    /**
     * The mean loss above which a run counts as diverged although the loss is still finite: 100
     * times the loss of a model that knows nothing, ln(classes). With the stable kernels a far too
     * large step rarely reaches NaN; it makes the loss explode instead (lr 1e6: 3.6 million).
     */
    public static double explosionLimit(int classes) {
        return 100 * Math.log(classes);
    }

    /**
     * d2l: train_epoch_ch3. One pass of minibatch SGD over {@code train} in the order of epoch
     * {@code epoch}, at that epoch's learning rate; returns the mean loss and the accuracy over the epoch's examples, each
     * measured on its batch before that batch's update, as d2l accumulates them. Stops early,
     * returning a non-finite loss, as soon as a batch's loss is NaN or infinite.
     */
    public EpochResult trainEpoch(SoftmaxRegression model, Dataset train, int epoch) {
        this.model = model;
        this.train = train;
        int n = train.size();
        int k = model.classes();
        if (order.length != n) {
            order = new int[n];
        }
        BatchOrder.fill(order, config.seed(), epoch, config.shuffle());
        learningRate = config.learningRate(epoch);
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < n; start += config.batchSize()) {
            batchStart = start;
            batchSize = Math.min(config.batchSize(), n - start);
            int blocks = blocks(batchSize);
            parallel.forRange(blocks, blockPhase);
            double batchLoss = 0;
            for (int block = 0; block < blocks; block++) {
                batchLoss += blockLosses[block];
                correct += blockCorrect[block];
            }
            if (!Double.isFinite(batchLoss)) {
                return new EpochResult(batchLoss, (double) correct / n);
            }
            lossSum += batchLoss;
            parallel.forRange(model.features(), featurePhase);
            Kernels.sumInOrder(dB, blockBiasGradients, blocks, 0, k);
            optimizer.stepBias(model, dB, learningRate);
        }
        return new EpochResult(lossSum / n, (double) correct / n);
    }

    private static int blocks(int rows) {
        return (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    }

    /**
     * Blocks [from, to) of the batch: pixels in; logits, per-example loss, dLogits = (p - onehot)/n,
     * and each block's loss sum, correct count, bias gradient and part of dW out, those parts of dW
     * already added up as far as they lie within these blocks.
     */
    private void blockPhase(int from, int to) {
        int rowFrom = from * BLOCK_ROWS;
        int rowTo = Math.min(to * BLOCK_ROWS, batchSize);
        int k = model.classes();
        train.readBatchRows(x, y, order, batchStart, rowFrom, rowTo, config.pixelScaling());
        model.net(logits, x, rowFrom, rowTo);
        kernels.softmaxCrossEntropyBackward(dLogits, losses, logits, y, rowFrom, rowTo, k, 1f / batchSize);
        for (int block = from; block < to; block++) {
            int first = block * BLOCK_ROWS;
            int end = Math.min(first + BLOCK_ROWS, batchSize);
            double loss = 0;
            for (int i = first; i < end; i++) {
                loss += losses[i];
            }
            blockLosses[block] = loss;
            blockCorrect[block] = Metrics.countCorrect(logits, y, first, end, k);
            Kernels.biasGradient(blockBiasGradients[block], dLogits, first, end, k);
            model.weightGradient(blockGradients.part(block), dLogits, x, first, end, 0, model.features());
        }
        blockGradients.addWithin(from, to, blocks(batchSize));
    }

    /** Feature columns [colFrom, colTo): dW as the sum of the blocks' parts, then the optimizer's step. */
    private void featurePhase(int colFrom, int colTo) {
        blockGradients.addAcross(parallel, blocks(batchSize), colFrom, colTo);
        optimizer.stepWeights(model, blockGradients.total(), learningRate, colFrom, colTo);
    }

    @Override
    public void close() {
        parallel.close();
    }
}

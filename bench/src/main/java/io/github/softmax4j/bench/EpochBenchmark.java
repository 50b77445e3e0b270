package io.github.softmax4j.bench;

import io.github.softmax4j.data.DataLocator;
import io.github.softmax4j.data.BatchOrder;
import io.github.softmax4j.data.DataSource;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.TrainTest;
import io.github.softmax4j.eval.Metrics;
import io.github.softmax4j.math.Parallel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.TrainConfig;
import io.github.softmax4j.train.Trainer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training epoch of the real Fashion-MNIST training set with the default settings (batch 256,
 * lr 0.1, shuffled), and one evaluation of the test set: what each epoch of {@code softmax4j
 * train} costs, by thread count. Beside them, only the reading of an epoch's batches (pixels
 * scaled into the batch buffer, in blocks over the threads as the trainer reads them), in the
 * shuffled order and in file order: the difference is the cost of fetching 60,000 rows from
 * memory in random order. Needs the data set where {@code softmax4j train} would find it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC"})
public class EpochBenchmark {
    @Param({"1", "2"})
    public int threads;

    private TrainTest data;
    private SoftmaxRegression model;
    private Trainer trainer;
    private Parallel parallel;
    private int epoch;
    private int[] shuffled;
    private int[] inFileOrder;
    private float[] x;
    private int[] y;
    private int[] readOrder;
    private int batchStart;
    private int batchSize;
    private final Parallel.RangeTask readBlocks = this::readBlocks;

    @Setup
    public void setUp() throws IOException {
        IdxDataSet dataSet = FashionMnist.DATA_SET;
        DataSource source = DataLocator.standard(dataSet).find(null)
                .orElseThrow(() -> new IOException("Fashion-MNIST not found; install dataset-fashion-mnist"));
        data = dataSet.load(source.dir());
        model = SoftmaxRegression.initialize(dataSet.features(), dataSet.classes(), 0.01f, 42);
        trainer = new Trainer(TrainConfig.defaults(), threads, dataSet.features(), dataSet.classes());
        parallel = new Parallel(threads);
        int n = data.train().size();
        shuffled = new int[n];
        BatchOrder.fill(shuffled, 42, 1, true);
        inFileOrder = new int[n];
        BatchOrder.fill(inFileOrder, 42, 1, false);
        int batch = TrainConfig.defaults().batchSize();
        x = new float[batch * dataSet.features()];
        y = new int[batch];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trainer.close();
        parallel.close();
    }

    /** d2l: train_epoch_ch3 over the 60,000 training images. */
    @Benchmark
    public Trainer.EpochResult trainEpoch() {
        return trainer.trainEpoch(model, data.train(), ++epoch);
    }

    /** d2l: evaluate_accuracy over the 10,000 test images. */
    @Benchmark
    public double evaluateTest() {
        return Metrics.evaluateAccuracy(model, data.test(), TrainConfig.defaults().pixelScaling(), parallel);
    }

    /** Only the reading of one epoch's batches, in the shuffled order of {@link #trainEpoch}. */
    @Benchmark
    public float readEpochShuffled() {
        return readEpoch(shuffled);
    }

    /** Only the reading of one epoch's batches, in file order. */
    @Benchmark
    public float readEpochInFileOrder() {
        return readEpoch(inFileOrder);
    }

    private float readEpoch(int[] order) {
        readOrder = order;
        int n = order.length;
        int batch = TrainConfig.defaults().batchSize();
        for (batchStart = 0; batchStart < n; batchStart += batch) {
            batchSize = Math.min(batch, n - batchStart);
            parallel.forRange((batchSize + Trainer.BLOCK_ROWS - 1) / Trainer.BLOCK_ROWS, readBlocks);
        }
        return x[0];
    }

    private void readBlocks(int from, int to) {
        Dataset train = data.train();
        train.readBatchRows(x, y, readOrder, batchStart, from * Trainer.BLOCK_ROWS,
                Math.min(to * Trainer.BLOCK_ROWS, batchSize), TrainConfig.defaults().pixelScaling());
    }
}

package io.github.softmax4j.bench;

import io.github.softmax4j.data.DataLocator;
import io.github.softmax4j.data.DataSource;
import io.github.softmax4j.data.FashionMnist;
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
 * train} costs, by thread count. Needs the data set where {@code softmax4j train} would find it.
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

    private FashionMnist data;
    private SoftmaxRegression model;
    private Trainer trainer;
    private Parallel parallel;
    private int epoch;

    @Setup
    public void setUp() throws IOException {
        DataSource source = DataLocator.standard().find(null)
                .orElseThrow(() -> new IOException("Fashion-MNIST not found; install dataset-fashion-mnist"));
        data = FashionMnist.load(source.dir());
        model = SoftmaxRegression.initialize(FashionMnist.FEATURES, FashionMnist.CLASSES, 0.01f, 42);
        trainer = new Trainer(TrainConfig.defaults(), threads, FashionMnist.FEATURES, FashionMnist.CLASSES);
        parallel = new Parallel(threads);
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
}

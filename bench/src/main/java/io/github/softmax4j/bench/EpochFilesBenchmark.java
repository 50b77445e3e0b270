package io.github.softmax4j.bench;

import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.experiment.TrainingJob;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The files a run writes after every epoch (checkpoint.safetensors, metrics.json, metrics.csv) of
 * a Fashion-MNIST model with 10 epochs of history, in a folder below the current one (on the disk
 * where run folders go). "forced" is how a run writes them: each forced to the disk, then its
 * folder. "unforced" moves the same bytes into place without forcing anything, as before; the
 * difference is what surviving a power cut costs per epoch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class EpochFilesBenchmark {
    @Param({"forced", "unforced"})
    public String writes;

    private Path dir;
    private Checkpoint checkpoint;
    private RunMetrics metrics;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory(Path.of("."), "epoch-files-");
        TrainConfig config = TrainConfig.defaults();
        SoftmaxRegression model = SoftmaxRegression.initialize(784, 10, 0.01f, 1);
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        List<EpochStats> history = new ArrayList<>();
        for (int epoch = 1; epoch <= 10; epoch++) {
            history.add(EpochStats.tested(epoch, 0.1f, 1.0 / epoch, 0.8, 0.79, 0.03));
        }
        Checkpoint fresh = TrainingJob.fresh(new SavedModel(model, names, PixelScaling.UNIT, 28, 28,
                config.toMetadata()), config);
        checkpoint = new Checkpoint(fresh.model(), config, history, fresh.velocity(), fresh.kept());
        metrics = new RunMetrics(RunStatus.RUNNING, config.toMap(), history, null);
        checkpoint.save(dir);
        MetricsFiles.write(dir, metrics);
        for (String name : List.of(Checkpoint.FILE_NAME, MetricsFiles.JSON_FILE, MetricsFiles.CSV_FILE)) {
            files.put(name, Files.readAllBytes(dir.resolve(name)));
        }
    }

    @Benchmark
    public void epochFiles() throws IOException {
        if (writes.equals("forced")) {
            checkpoint.save(dir);
            MetricsFiles.write(dir, metrics);
            return;
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path temp = Files.write(dir.resolve("." + file.getKey() + ".part"), file.getValue());
            Files.move(temp, dir.resolve(file.getKey()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                Files.delete(entry);
            }
        }
        Files.delete(dir);
    }
}

package io.github.softmax4j.bench;

import io.github.softmax4j.data.DataLocator;
import io.github.softmax4j.data.DataSource;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.IdxReader;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fixed costs at the start of a run, each measured as the first call of its kind in a fresh
 * JVM: one call per fork, no warm-up, so the figure includes loading the classes, the interpreter
 * and the first compilations, as a run pays them. The training images' file: reading its gzip
 * bytes, inflating them, hashing the inflated bytes (SHA-256, the data set's checksum), and the
 * reader of the tool doing all of it (with and without the checksum, which it computes on a second
 * thread while the file inflates); and the first JSON written (a small metrics file), the first
 * use of Jackson. Whatever a method needs is prepared in the same JVM beforehand without touching
 * the code it measures. After the first fork the file comes from the system's file cache, not the
 * disk. The JVM has the launcher's memory and compiler options, but neither its class data
 * sharing archive nor its compiler directives. Needs the data set where {@code softmax4j train}
 * would find it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 10, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-Xmn24m",
        "-XX:Tier4BackEdgeThreshold=2000000"})
public class ColdStartBenchmark {
    // the reader's own buffer size
    private static final int GZIP_BUFFER = 1 << 16;

    /** Where the training images' file is. */
    @State(Scope.Benchmark)
    public static class TrainImages {
        Path path;

        @Setup(Level.Trial)
        public void locate() throws IOException {
            path = trainImagesPath();
        }
    }

    /** The training images' gzip bytes, read beforehand. */
    @State(Scope.Benchmark)
    public static class Gzip {
        byte[] bytes;

        @Setup(Level.Trial)
        public void read() throws IOException {
            bytes = Files.readAllBytes(trainImagesPath());
        }
    }

    /** The training images' file inflated beforehand, header included, as its checksum covers it. */
    @State(Scope.Benchmark)
    public static class Inflated {
        byte[] bytes;

        @Setup(Level.Trial)
        public void inflate() throws IOException {
            bytes = gunzip(Files.readAllBytes(trainImagesPath()));
        }
    }

    /** A metrics file of one epoch, as the trainer's warm-up writes. */
    @State(Scope.Benchmark)
    public static class OneEpoch {
        RunMetrics metrics;

        @Setup(Level.Trial)
        public void build() {
            metrics = new RunMetrics(RunStatus.FINISHED, TrainConfig.defaults().toMap(),
                    List.of(EpochStats.tested(1, 0.1f, 0.79, 0.74, 0.78, 0.05)), null);
        }
    }

    /** Reading the 26 MB of gzip into memory. */
    @Benchmark
    public byte[] readGzip(TrainImages images) throws IOException {
        return Files.readAllBytes(images.path);
    }

    /** Inflating the gzip bytes (already in memory) into the 47 MB file, as the reader's stream does. */
    @Benchmark
    public byte[] inflate(Gzip gzip) throws IOException {
        return gunzip(gzip.bytes);
    }

    /** SHA-256 of the 47 MB inflated file (already in memory). */
    @Benchmark
    public byte[] sha256(Inflated inflated) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(inflated.bytes);
    }

    /** The tool's reader: reading, inflating and checking the file's structure, no checksum. */
    @Benchmark
    public byte[] readImages(TrainImages images) throws IOException {
        return IdxReader.readImages(images.path, FashionMnist.DATA_SET.height(), FashionMnist.DATA_SET.width());
    }

    /** The tool's reader as a run uses it: the same, with SHA-256 computed on a second thread. */
    @Benchmark
    public byte[] readImagesChecked(TrainImages images) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        IdxReader.readImages(images.path, FashionMnist.DATA_SET.height(), FashionMnist.DATA_SET.width(), digest);
        return digest.digest();
    }

    /** The first JSON written in the JVM: metrics.json of one epoch, through Jackson. */
    @Benchmark
    public byte[] firstJson(OneEpoch epoch) throws IOException {
        return MetricsFiles.toJson(epoch.metrics);
    }

    private static Path trainImagesPath() throws IOException {
        IdxDataSet dataSet = FashionMnist.DATA_SET;
        DataSource source = DataLocator.standard(dataSet).find(null)
                .orElseThrow(() -> new IOException("Fashion-MNIST not found; install dataset-fashion-mnist"));
        return dataSet.find(IdxDataSet.Part.TRAIN_IMAGES, source.dir());
    }

    /** Inflates a gzip file into an array of the size its trailer states (the data set is under 4 GB). */
    private static byte[] gunzip(byte[] gzip) throws IOException {
        int size = ByteBuffer.wrap(gzip, gzip.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] out = new byte[size];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), GZIP_BUFFER)) {
            int filled = 0;
            while (filled < size) {
                int read = in.read(out, filled, size - filled);
                if (read < 0) {
                    throw new IOException("gzip data ends after " + filled + " of " + size + " bytes");
                }
                filled += read;
            }
        }
        return out;
    }
}

package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxBytes;
import io.github.softmax4j.data.IdxDataSet.Part;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.RealData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of broken data sets: one of the four files replaced by something wrong. Every case must
 * end with exit code 1, one line on stderr naming the file and the problem, no stack trace, and no
 * run folder written.
 */
class BadDataTest {
    private static final IdxDataSet DATA_SET = FashionMnist.DATA_SET;
    private static final Part TRAIN_IMAGES = Part.TRAIN_IMAGES;
    private static final Part TRAIN_LABELS = Part.TRAIN_LABELS;
    private static final Part TEST_LABELS = Part.TEST_LABELS;

    @TempDir
    Path dir;

    private static byte[] real(Part part) {
        try {
            return Files.readAllBytes(DATA_SET.find(part, RealData.dir()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] header(int magic, int... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length).putInt(magic);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.array();
    }

    private static Arguments bad(String name, Part part, Supplier<byte[]> bytes, String problem) {
        return Arguments.of(name, part, bytes, problem);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("empty file", TRAIN_IMAGES, () -> new byte[0], "file is empty"),
                bad("random bytes", TRAIN_IMAGES, () -> {
                    byte[] noise = new byte[5000];
                    new Random(1).nextBytes(noise);
                    noise[0] = 7;
                    return noise;
                }, "not an IDX file"),
                bad("an HTML error page", TRAIN_LABELS, () -> "<html><body>404 Not Found</body></html>".getBytes(),
                        "not an IDX file"),
                bad("truncated gzip", TRAIN_LABELS, () -> Arrays.copyOf(real(TRAIN_LABELS), 10_000),
                        "corrupt or truncated gzip data"),
                bad("damaged deflate data", TRAIN_LABELS, () -> {
                    byte[] gz = real(TRAIN_LABELS);
                    for (int i = 100; i < 200; i++) {
                        gz[i] ^= 0x55;
                    }
                    return gz;
                }, "gzip"),
                bad("wrong gzip checksum", TEST_LABELS, () -> {
                    byte[] gz = real(TEST_LABELS);
                    gz[gz.length - 6] ^= 0x01;
                    return gz;
                }, "corrupt or truncated gzip data"),
                bad("wrong magic number", TRAIN_IMAGES, () -> IdxBytes.gzip(header(0x12345678, 1, 28, 28)),
                        "not an IDX file"),
                bad("float elements", TRAIN_IMAGES, () -> IdxBytes.gzip(header(0x00000D03, 1, 28, 28)),
                        "element type is 0x0D"),
                bad("labels where images belong", TRAIN_IMAGES, () -> real(TRAIN_LABELS),
                        "is an IDX labels file, expected images"),
                bad("images where labels belong", TEST_LABELS, () -> IdxBytes.gzip(IdxBytes.images(2)),
                        "is an IDX images file, expected labels"),
                bad("zero images", TRAIN_IMAGES, () -> IdxBytes.gzip(header(0x00000803, 0, 28, 28)), "count of images is 0"),
                bad("a negative-looking row count", TRAIN_IMAGES, () -> IdxBytes.gzip(header(0x00000803, 1, -28, 28)),
                        "rows is 4294967268"),
                bad("32x32 images", TRAIN_IMAGES, () -> IdxBytes.images(1, 32, 32, new byte[1024]),
                        "32x32 pixels, expected 28x28"),
                bad("a huge count in a small raw file", TRAIN_IMAGES, () -> header(0x00000803, 2_000_000, 28, 28),
                        "the file is truncated"),
                bad("a huge count in a small gzip file", TRAIN_LABELS,
                        () -> IdxBytes.gzip(header(0x00000801, Integer.MAX_VALUE)), "more than a Java array can hold"),
                bad("trailing bytes", TEST_LABELS, () -> IdxBytes.append(IdxBytes.labels(1, 2, 3), (byte) 0),
                        "remove the trailing bytes"),
                bad("label 10", TRAIN_LABELS, () -> IdxBytes.labels(1, 10, 3), "label 10 at index 1 is out of range 0..9"),
                bad("test labels as training labels", TRAIN_LABELS, () -> real(TEST_LABELS),
                        "holds the Fashion-MNIST test labels, expected the training labels"),
                bad("training labels as test labels", TEST_LABELS, () -> real(TRAIN_LABELS),
                        "holds the Fashion-MNIST training labels, expected the test labels"),
                bad("well-formed labels of other data", TEST_LABELS, () -> IdxBytes.labels(new int[10_000]),
                        "is not the official Fashion-MNIST test labels"),
                bad("one label too few", TRAIN_LABELS, () -> IdxBytes.labels(new int[59_999]),
                        "is not the official Fashion-MNIST training labels"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedInOneLineWithExitCode1AndNothingWritten(String name, Part part, Supplier<byte[]> bytes,
                                                          String problem) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path real = RealData.dir();
        for (Part other : Part.values()) {
            if (other != part) {
                Path source = DATA_SET.find(other, real);
                Files.createSymbolicLink(data.resolve(source.getFileName()), source);
            }
        }
        Path broken = Files.write(data.resolve(DATA_SET.file(part).gzipFileName()), bytes.get());
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("train", "--data-dir", data.toString(), "--out", out.toString());
        assertEquals(1, run.exitCode(), name + ": " + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(broken.toString()), run.err());
        assertTrue(run.err().contains(problem), "'" + run.err().strip() + "' should say '" + problem + "'");
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertTrue(Stream.of(" again", "check which file is which", "remove the trailing bytes", "under its own name")
                .anyMatch(run.err()::contains), "says what to do: " + run.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missing")
    void aMissingFileNamesTheFolderAndTheFiles(String name, boolean directoryInstead) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (Part part : Part.values()) {
            if (part != TRAIN_IMAGES) {
                Path source = DATA_SET.find(part, RealData.dir());
                Files.createSymbolicLink(data.resolve(source.getFileName()), source);
            }
        }
        if (directoryInstead) {
            Files.createDirectory(data.resolve(DATA_SET.file(TRAIN_IMAGES).gzipFileName()));
        }
        CliRun run = CliRun.of("train", "--data-dir", data.toString(), "--out", dir.resolve("run").toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(data + " (from --data-dir) does not hold the Fashion-MNIST file "
                + DATA_SET.file(TRAIN_IMAGES).gzipFileName() + ";"), run.err());
        assertTrue(run.err().contains(DATA_SET.file(TRAIN_IMAGES).gzipFileName()), run.err());
        assertFalse(Files.exists(dir.resolve("run")));
    }

    static Stream<Arguments> missing() {
        return Stream.of(Arguments.of("missing file", false), Arguments.of("a folder in its place", true));
    }
}

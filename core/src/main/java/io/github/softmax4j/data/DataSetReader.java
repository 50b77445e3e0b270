package io.github.softmax4j.data;

import io.github.softmax4j.data.IdxDataSet.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads a data set's files from one folder and verifies each against its checksum, so other data
 * (a look-alike data set, a swapped file, a corrupt download) is never used silently. The checksum
 * is computed in the same pass that parses the file.
 */
final class DataSetReader {
    private final IdxDataSet dataSet;
    private final Path dir;

    DataSetReader(IdxDataSet dataSet, Path dir) {
        this.dataSet = dataSet;
        this.dir = dir;
    }

    TrainTest readBoth() throws IOException {
        requireFiles(Part.ALL);
        // the large training images inflate on another core while this one reads the rest
        CompletableFuture<byte[]> trainImages = CompletableFuture.supplyAsync(() -> {
            try {
                return readImages(Part.TRAIN_IMAGES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        int[] trainLabels = readLabels(Part.TRAIN_LABELS);
        Dataset test = readTestFiles();
        try {
            Dataset train = pair(Part.TRAIN_IMAGES, trainImages.join(), Part.TRAIN_LABELS, trainLabels);
            return new TrainTest(dataSet, train, test);
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    Dataset readTest() throws IOException {
        requireFiles(Part.TEST);
        return readTestFiles();
    }

    private Dataset readTestFiles() throws IOException {
        return pair(Part.TEST_IMAGES, readImages(Part.TEST_IMAGES), Part.TEST_LABELS, readLabels(Part.TEST_LABELS));
    }

    // names only the files that are missing, among those this reading needs
    private void requireFiles(Set<Part> parts) throws IdxFormatException {
        List<Part> missing = dataSet.missingIn(dir, parts);
        if (!missing.isEmpty()) {
            throw new IdxFormatException(dir.resolve(dataSet.file(missing.get(0)).gzipFileName()), "file not found; "
                    + dir + " lacks the " + dataSet.name() + " " + (missing.size() == 1 ? "file " : "files ")
                    + dataSet.names(missing) + "; put " + (missing.size() == 1 ? "it" : "them") + " there");
        }
    }

    private Dataset pair(Part imagesPart, byte[] pixels, Part labelsPart, int[] labels) throws IdxFormatException {
        return IdxReader.pair(dataSet.find(imagesPart, dir), pixels, dataSet.find(labelsPart, dir), labels,
                dataSet.features());
    }

    private byte[] readImages(Part part) throws IOException {
        Path path = dataSet.find(part, dir);
        MessageDigest digest = digest("SHA-256");
        byte[] pixels;
        try {
            pixels = IdxReader.readImages(path, dataSet.height(), dataSet.width(), digest);
        } catch (IdxFormatException e) {
            throw withAdvice(path, e);
        }
        checkDigest(dataSet, path, part, digest);
        return pixels;
    }

    private int[] readLabels(Part part) throws IOException {
        Path path = dataSet.find(part, dir);
        MessageDigest digest = digest("SHA-256");
        int[] labels;
        try {
            labels = IdxReader.readLabels(path, dataSet.classes(), digest);
        } catch (IdxFormatException e) {
            throw withAdvice(path, e);
        }
        checkDigest(dataSet, path, part, digest);
        return labels;
    }

    /** The reader's message, with what to do added where it does not already say. */
    private IdxFormatException withAdvice(Path path, IdxFormatException e) {
        String message = e.getMessage();
        if (message.contains(" again") || message.contains("; check") || message.contains("; remove")) {
            return e;
        }
        String problem = message.startsWith(path + ": ") ? message.substring(path.toString().length() + 2) : message;
        IdxFormatException advised = new IdxFormatException(path, problem + "; this is not the " + dataSet.name()
                + " file: delete it and fetch the official one again");
        advised.initCause(e);
        return advised;
    }

    static void verify(IdxDataSet dataSet, Path path, Part part) throws IOException {
        MessageDigest digest = digest("SHA-256");
        if (part.isImages()) {
            IdxReader.readImages(path, dataSet.height(), dataSet.width(), digest);
        } else {
            IdxReader.readLabels(path, dataSet.classes(), digest);
        }
        checkDigest(dataSet, path, part, digest);
    }

    private static void checkDigest(IdxDataSet dataSet, Path path, Part part, MessageDigest digest)
            throws IOException {
        String actual = HexFormat.of().formatHex(digest.digest());
        IdxFile expected = dataSet.file(part);
        if (actual.equals(expected.sha256())) {
            return;
        }
        for (Part other : Part.values()) {
            if (actual.equals(dataSet.file(other).sha256())) {
                throw new IdxFormatException(path, "holds the " + dataSet.name() + " " + other.description()
                        + ", expected the " + part.description() + "; put each file under its own name");
            }
        }
        if (expected.lookalikeGzipMd5() != null && fileMd5(path).equals(expected.lookalikeGzipMd5())) {
            throw new IdxFormatException(path, "is " + dataSet.lookalike() + ", not " + dataSet.name() + "; install "
                    + "the package " + dataSet.where().packageName() + " or fetch the " + dataSet.name() + " files");
        }
        throw new IdxFormatException(path, "is not the official " + dataSet.name() + " " + part.description()
                + " (SHA-256 of its contents is " + actual + ", expected " + expected.sha256()
                + "); delete it and fetch it again");
    }

    private static String fileMd5(Path path) throws IOException {
        MessageDigest md5 = digest("MD5");
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md5.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide " + algorithm, e);
        }
    }
}

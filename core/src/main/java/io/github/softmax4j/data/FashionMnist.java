package io.github.softmax4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Fashion-MNIST: 60,000 training and 10,000 test images of 28x28 uint8 pixels in 10 classes.
 * {@link #load(Path)} reads the four IDX files from a folder and verifies each one against the
 * official checksums, so other data (the original MNIST digits, a swapped file, a corrupt
 * download) is never used silently.
 */
public record FashionMnist(Dataset train, Dataset test) {
    /** The class names, indexed by label (d2l: get_fashion_mnist_labels). */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Pixels per image: 28 x 28. */
    public static final int FEATURES = IdxReader.ROWS * IdxReader.COLS;
    /** Number of classes. */
    public static final int CLASSES = 10;

    /**
     * The four files, with the SHA-256 of their decompressed bytes (official and Debian's
     * recompressed .gz files agree on these) and, to recognise it, the MD5 of the original MNIST
     * digits' .gz file of the same name.
     */
    public enum Part {
        TRAIN_IMAGES("train-images-idx3-ubyte", "training images",
                "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
        TRAIN_LABELS("train-labels-idx1-ubyte", "training labels",
                "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                "d53e105ee54ea40749a09fcbcd1e9432"),
        TEST_IMAGES("t10k-images-idx3-ubyte", "test images",
                "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                "9fb629c4189551a2d022fa330f9573f3"),
        TEST_LABELS("t10k-labels-idx1-ubyte", "test labels",
                "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
                "ec29112dd5afa0611ce80d1b7f02629c");

        private final String fileName;
        private final String description;
        private final String sha256;
        private final String mnistGzipMd5;

        Part(String fileName, String description, String sha256, String mnistGzipMd5) {
            this.fileName = fileName;
            this.description = description;
            this.sha256 = sha256;
            this.mnistGzipMd5 = mnistGzipMd5;
        }

        /** The uncompressed file name, such as {@code train-images-idx3-ubyte}. */
        public String fileName() {
            return fileName;
        }

        /** The compressed file name, as the official mirror serves it. */
        public String gzipFileName() {
            return fileName + ".gz";
        }

        /** SHA-256 of the decompressed file, lower-case hex. */
        public String sha256() {
            return sha256;
        }

        /** The file in {@code dir}: the .gz if present, else the uncompressed one, else null. */
        public Path find(Path dir) {
            Path gz = dir.resolve(gzipFileName());
            if (Files.isRegularFile(gz)) {
                return gz;
            }
            Path raw = dir.resolve(fileName);
            return Files.isRegularFile(raw) ? raw : null;
        }
    }

    /** True if {@code dir} holds all four files (compressed or not). */
    public static boolean isPresentIn(Path dir) {
        for (Part part : Part.values()) {
            if (part.find(dir) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads and verifies the four files in {@code dir}; the training files and the test files are
     * read in parallel. Throws {@link IdxFormatException} naming the first bad file.
     */
    public static FashionMnist load(Path dir) throws IOException {
        for (Part part : Part.values()) {
            if (part.find(dir) == null) {
                throw new IdxFormatException(dir.resolve(part.gzipFileName()), "file not found; " + dir
                        + " must hold the four Fashion-MNIST files " + expectedNames());
            }
        }
        // the large training images inflate on another core while this one reads the rest
        CompletableFuture<byte[]> trainImages = CompletableFuture.supplyAsync(() -> {
            try {
                return readImages(dir, Part.TRAIN_IMAGES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        int[] trainLabels = readLabels(dir, Part.TRAIN_LABELS);
        Dataset test = IdxReader.pair(Part.TEST_IMAGES.find(dir), readImages(dir, Part.TEST_IMAGES),
                Part.TEST_LABELS.find(dir), readLabels(dir, Part.TEST_LABELS));
        try {
            Dataset train = IdxReader.pair(Part.TRAIN_IMAGES.find(dir), trainImages.join(),
                    Part.TRAIN_LABELS.find(dir), trainLabels);
            return new FashionMnist(train, test);
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    /** A space-separated list of the four expected file names. */
    public static String expectedNames() {
        return Arrays.stream(Part.values()).map(Part::gzipFileName).collect(Collectors.joining(" "));
    }

    /**
     * Checks that {@code path} is the given Fashion-MNIST file, by parsing it and comparing the
     * SHA-256 of its decompressed contents; throws {@link IdxFormatException} saying what it is.
     */
    public static void verify(Path path, Part part) throws IOException {
        MessageDigest digest = sha256();
        if (part == Part.TRAIN_IMAGES || part == Part.TEST_IMAGES) {
            IdxReader.readImages(path, digest);
        } else {
            IdxReader.readLabels(path, CLASSES, digest);
        }
        checkDigest(path, part, digest);
    }

    private static byte[] readImages(Path dir, Part part) throws IOException {
        Path path = part.find(dir);
        MessageDigest digest = sha256();
        byte[] pixels;
        try {
            pixels = IdxReader.readImages(path, digest);
        } catch (IdxFormatException e) {
            throw withAdvice(path, e);
        }
        checkDigest(path, part, digest);
        return pixels;
    }

    private static int[] readLabels(Path dir, Part part) throws IOException {
        Path path = part.find(dir);
        MessageDigest digest = sha256();
        int[] labels;
        try {
            labels = IdxReader.readLabels(path, CLASSES, digest);
        } catch (IdxFormatException e) {
            throw withAdvice(path, e);
        }
        checkDigest(path, part, digest);
        return labels;
    }

    /** The reader's message, with what to do added where it does not already say. */
    private static IdxFormatException withAdvice(Path path, IdxFormatException e) {
        String message = e.getMessage();
        if (message.contains(" again") || message.contains("; check") || message.contains("; remove")) {
            return e;
        }
        String problem = message.startsWith(path + ": ") ? message.substring(path.toString().length() + 2) : message;
        IdxFormatException advised = new IdxFormatException(path, problem
                + "; this is not the Fashion-MNIST file: delete it and fetch the official one again");
        advised.initCause(e);
        return advised;
    }

    private static void checkDigest(Path path, Part part, MessageDigest digest) throws IOException {
        String actual = HexFormat.of().formatHex(digest.digest());
        if (actual.equals(part.sha256)) {
            return;
        }
        for (Part other : Part.values()) {
            if (actual.equals(other.sha256)) {
                throw new IdxFormatException(path, "holds the Fashion-MNIST " + other.description + ", expected the "
                        + part.description + "; put each file under its own name");
            }
        }
        if (fileMd5(path).equals(part.mnistGzipMd5)) {
            throw new IdxFormatException(path, "is the original MNIST handwritten digits, not Fashion-MNIST; "
                    + "install the package dataset-fashion-mnist or fetch the Fashion-MNIST files");
        }
        throw new IdxFormatException(path, "is not the official Fashion-MNIST " + part.description
                + " (SHA-256 of its contents is " + actual + ", expected " + part.sha256
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

    private static MessageDigest sha256() {
        return digest("SHA-256");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide " + algorithm, e);
        }
    }
}

package io.github.softmax4j.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An image classification data set stored as four IDX files, described in one value: its name,
 * class names, image shape, files with their checksums, and where it is found. Everything that
 * finds, downloads, verifies and reads data takes one of these, so another IDX data set is added
 * by writing one more value like {@link FashionMnist#DATA_SET}.
 *
 * @param name        for people, such as {@code Fashion-MNIST}
 * @param classNames  indexed by label
 * @param height      image height in pixels
 * @param width       image width in pixels
 * @param files       the four files, by part
 * @param lookalike   what a file matching an {@link IdxFile#lookalikeGzipMd5()} is, for the message
 * @param where       where the files are looked for and downloaded from
 */
public record IdxDataSet(String name, List<String> classNames, int height, int width, Map<Part, IdxFile> files,
                         String lookalike, Where where) {
    /** The four files every IDX data set has. */
    public enum Part {
        TRAIN_IMAGES("training images"), TRAIN_LABELS("training labels"), TEST_IMAGES("test images"),
        TEST_LABELS("test labels");

        /** The four files: what training reads. */
        public static final Set<Part> ALL = Collections.unmodifiableSet(EnumSet.allOf(Part.class));
        /** The test images and labels: all that evaluating a trained model reads. */
        public static final Set<Part> TEST = Collections.unmodifiableSet(EnumSet.of(TEST_IMAGES, TEST_LABELS));

        private final String description;

        Part(String description) {
            this.description = description;
        }

        /** For people: {@code training images}. */
        public String description() {
            return description;
        }

        /** True for the two image files. */
        public boolean isImages() {
            return this == TRAIN_IMAGES || this == TEST_IMAGES;
        }
    }

    /**
     * Where a data set's files are found, in the order {@link DataLocator} tries: the folder in
     * an environment variable, a folder under the user cache, the folder a system package installs;
     * and the mirror they are downloaded from when none holds them.
     *
     * @param envVar      the environment variable naming a data folder
     * @param cacheName   the folder under {@code ~/.cache/softmax4j}
     * @param packageName the Debian and Ubuntu package that installs the files
     * @param packageDir  where that package installs them
     * @param mirror      a base URI ending in '/', serving the .gz files
     */
    public record Where(String envVar, String cacheName, String packageName, Path packageDir, URI mirror) {
    }

    public IdxDataSet {
        classNames = List.copyOf(classNames);
        files = Map.copyOf(files);
        if (files.size() != Part.values().length) {
            throw new IllegalArgumentException(name + " must name all four files, got " + files.keySet());
        }
        if (height <= 0 || width <= 0 || classNames.size() < 2) {
            throw new IllegalArgumentException(name + ": images " + height + "x" + width + " in "
                    + classNames.size() + " classes; need a positive shape and at least two classes");
        }
    }

    /** Pixels per image, height * width: the model's d. */
    public int features() {
        return height * width;
    }

    /** Number of classes: the model's k. */
    public int classes() {
        return classNames.size();
    }

    /** The file of one part. */
    public IdxFile file(Part part) {
        return files.get(part);
    }

    /** The file of {@code part} in {@code dir}, compressed or not, or null. */
    public Path find(Part part, Path dir) {
        return file(part).find(dir);
    }

    /** True if {@code dir} holds all four files (compressed or not). */
    public boolean isPresentIn(Path dir) {
        return missingIn(dir, Part.ALL).isEmpty();
    }

    /** Those of {@code parts} that {@code dir} does not hold (compressed or not), in their order. */
    public List<Part> missingIn(Path dir, Set<Part> parts) {
        return parts.stream().filter(part -> find(part, dir) == null).toList();
    }

    /** A space-separated list of the four expected .gz file names. */
    public String expectedNames() {
        return names(Part.ALL);
    }

    /** A space-separated list of the .gz file names of {@code parts}. */
    public String names(Collection<Part> parts) {
        return parts.stream().map(part -> file(part).gzipFileName()).collect(Collectors.joining(" "));
    }

    /**
     * Reads and verifies the four files in {@code dir}, the training and test files in parallel.
     * Throws {@link IdxFormatException} naming the first bad file and what to do.
     */
    public TrainTest load(Path dir) throws IOException {
        return new DataSetReader(this, dir).readBoth();
    }

    /** Reads and verifies only the test files in {@code dir}: for evaluating a trained model. */
    public Dataset loadTest(Path dir) throws IOException {
        return new DataSetReader(this, dir).readTest();
    }

    /**
     * Checks that {@code path} is this data set's file {@code part}, by parsing it and comparing
     * the SHA-256 of its decompressed contents; throws {@link IdxFormatException} saying what it is.
     */
    public void verify(Path path, Part part) throws IOException {
        DataSetReader.verify(this, path, part);
    }
}

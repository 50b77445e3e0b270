package io.github.softmax4j.data;

import io.github.softmax4j.math.BatchKernels;
import io.github.softmax4j.math.Kernels;
import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled images in memory: uint8 pixels, row-major, {@code features} per image, and int labels.
 * Pixels stay bytes (47 MB for the training set rather than 188 MB as floats) and are scaled only
 * as a minibatch is read. Immutable: the constructor and every accessor copy.
 */
public final class Dataset {
    // A shuffled batch's rows lie anywhere in the 47 MB of pixels, so each row starts with a wait
    // for main memory. Copying FETCH_ROWS rows first, with nothing else in between, lets the
    // processor fetch them all at once; they are then scaled from the first-level cache. Reading
    // a shuffled epoch went from 18.7 to 12 ms on one thread (EpochBenchmark.readEpochShuffled).
    private static final int FETCH_ROWS = 16;

    private final byte[] pixels;
    private final int[] labels;
    private final int features;
    private final ThreadLocal<byte[]> fetched;

    /** Copies {@code pixels} (size * features bytes) and {@code labels} (size ints). */
    public Dataset(byte[] pixels, int[] labels, int features) {
        this(features, pixels.clone(), labels.clone());
    }

    private Dataset(int features, byte[] pixels, int[] labels) {
        if (features <= 0) {
            throw new IllegalArgumentException("features must be > 0, got " + features);
        }
        if ((long) labels.length * features != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels need " + (long) labels.length * features
                    + " pixels, got " + pixels.length);
        }
        this.pixels = pixels;
        this.labels = labels;
        this.features = features;
        this.fetched = ThreadLocal.withInitial(() -> new byte[FETCH_ROWS * features]);
    }

    /** Takes ownership of arrays that nobody else holds, such as those a reader has just filled. */
    static Dataset wrap(byte[] pixels, int[] labels, int features) {
        return new Dataset(features, pixels, labels);
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Pixels per image (784 for Fashion-MNIST). */
    public int features() {
        return features;
    }

    /** Class index of example {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Pixel {@code j} of example {@code i}, 0..255. */
    public int pixel(int i, int j) {
        return pixels[i * features + j] & 0xFF;
    }

    /** A copy of example {@code i}'s uint8 pixels. */
    public byte[] image(int i) {
        return Arrays.copyOfRange(pixels, i * features, (i + 1) * features);
    }

    /**
     * Examples [from, from + count) scaled as {@code scaling} says, as a new (count, features)
     * row-major array: a batch to look at, such as the input of d2l's {@code net(X)}.
     */
    public float[] scaledImages(int from, int count, PixelScaling scaling) {
        Objects.checkFromIndexSize(from, count, size());
        float[] x = new float[Math.multiplyExact(count, features)];
        for (int i = 0; i < count; i++) {
            Kernels.scalePixels(x, i * features, pixels, (from + i) * features, features, scaling.mean(),
                    scaling.std());
        }
        return x;
    }

    /** The labels of examples [from, from + count), as a new array. */
    public int[] labels(int from, int count) {
        Objects.checkFromIndexSize(from, count, size());
        return Arrays.copyOfRange(labels, from, from + count);
    }

    /** The examples at {@code indices}, in that order, as a new data set. */
    public Dataset subset(int[] indices) {
        byte[] chosen = new byte[Math.multiplyExact(indices.length, features)];
        int[] chosenLabels = new int[indices.length];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(pixels, indices[r] * features, chosen, r * features, features);
            chosenLabels[r] = labels[indices[r]];
        }
        return new Dataset(features, chosen, chosenLabels);
    }

    /** A copy of all labels. */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * Reads a minibatch (d2l: one step of data_iter): examples {@code order[from .. from+count)},
     * scaled, into {@code x} (count, features) row-major, and their labels into {@code y}.
     * Overwrites; allocates nothing.
     */
    public void readBatch(float[] x, int[] y, int[] order, int from, int count, PixelScaling scaling) {
        readBatchRows(x, y, order, from, 0, count, scaling);
    }

    /**
     * Reads only rows [rowFrom, rowTo) of the minibatch that starts at {@code order[from]}, so
     * several threads can fill one batch.
     */
    public void readBatchRows(float[] x, int[] y, int[] order, int from, int rowFrom, int rowTo,
                              PixelScaling scaling) {
        BatchKernels kernels = BatchKernels.fastest();
        byte[] rows = fetched.get();
        for (int first = rowFrom; first < rowTo; first += FETCH_ROWS) {
            int end = Math.min(rowTo, first + FETCH_ROWS);
            for (int r = first; r < end; r++) {
                System.arraycopy(pixels, order[from + r] * features, rows, (r - first) * features, features);
            }
            for (int r = first; r < end; r++) {
                kernels.scalePixels(x, r * features, rows, (r - first) * features, features, scaling.mean(),
                        scaling.std());
                y[r] = labels[order[from + r]];
            }
        }
    }
}

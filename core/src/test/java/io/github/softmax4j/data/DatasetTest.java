package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetTest {
    private static Dataset twoImages() {
        return new Dataset(new byte[] {0, (byte) 255, (byte) 51, 102}, new int[] {4, 7}, 2);
    }

    @Test
    void constructorCopiesItsArrays() {
        byte[] pixels = {1, 2, 3, 4};
        int[] labels = {5, 6};
        Dataset data = new Dataset(pixels, labels, 2);
        pixels[0] = 99;
        labels[0] = 9;
        assertEquals(1, data.pixel(0, 0));
        assertEquals(5, data.label(0));
    }

    @Test
    void accessorsReturnCopies() {
        Dataset data = twoImages();
        data.image(0)[0] = 42;
        data.labels()[1] = 0;
        assertEquals(0, data.pixel(0, 0));
        assertEquals(7, data.label(1));
    }

    @Test
    void scaledImagesAreARowMajorBatchOfTheGivenExamples() {
        Dataset data = twoImages();
        assertArrayEquals(new float[] {0.2f, 0.4f}, data.scaledImages(1, 1, PixelScaling.UNIT), 1e-6f);
        assertArrayEquals(new float[] {-1f, 1f, -0.6f, -0.2f}, data.scaledImages(0, 2, PixelScaling.SYMMETRIC), 1e-6f);
        assertArrayEquals(new int[] {7}, data.labels(1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> data.scaledImages(1, 2, PixelScaling.UNIT));
        assertThrows(IndexOutOfBoundsException.class, () -> data.labels(2, 1));
    }

    @Test
    void pixelsAreUnsigned() {
        assertEquals(255, twoImages().pixel(0, 1));
    }

    @Test
    void readBatchScalesInTheGivenOrder() {
        float[] x = new float[4];
        int[] y = new int[2];
        twoImages().readBatch(x, y, new int[] {1, 0}, 0, 2, PixelScaling.UNIT);
        assertArrayEquals(new float[] {0.2f, 0.4f, 0f, 1f}, x, 1e-6f);
        assertArrayEquals(new int[] {7, 4}, y);
    }

    @Test
    void readsAnyRangeOfRowsOfABatchLongerThanOneFetch() {
        int examples = 100;
        int features = 5;
        byte[] pixels = new byte[examples * features];
        int[] labels = new int[examples];
        for (int i = 0; i < examples; i++) {
            labels[i] = i % 10;
            for (int j = 0; j < features; j++) {
                pixels[i * features + j] = (byte) (i + 3 * j);
            }
        }
        Dataset data = new Dataset(pixels, labels, features);
        int[] order = new int[examples];
        for (int i = 0; i < examples; i++) {
            order[i] = (i * 37) % examples;
        }
        int from = 7;
        float[] x = new float[50 * features];
        int[] y = new int[50];
        data.readBatchRows(x, y, order, from, 3, 41, PixelScaling.UNIT);
        for (int r = 0; r < 50; r++) {
            boolean read = r >= 3 && r < 41;
            int example = order[from + r];
            assertEquals(read ? labels[example] : 0, y[r], "label of row " + r);
            for (int j = 0; j < features; j++) {
                float expected = read ? PixelScaling.UNIT.scale(pixels[example * features + j]) : 0f;
                assertEquals(expected, x[r * features + j], "row " + r + ", pixel " + j);
            }
        }
    }

    @Test
    void symmetricScalingMapsToMinusOneToOne() {
        float[] x = new float[2];
        twoImages().readBatch(x, new int[1], new int[] {0}, 0, 1, PixelScaling.SYMMETRIC);
        assertArrayEquals(new float[] {-1f, 1f}, x, 1e-6f);
    }

    @Test
    void rejectsPixelCountThatDoesNotMatchLabels() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new byte[5], new int[2], 2));
    }
}

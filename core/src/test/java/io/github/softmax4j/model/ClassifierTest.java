package io.github.softmax4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.PixelScaling;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTest {
    @TempDir
    Path dir;

    /** Three classes on 2x2 images: "top" likes the top row bright, "bottom" the bottom row, "none" neither. */
    private Classifier classifier() throws IOException {
        float[] weight = {4, 4, -4, -4, -4, -4, 4, 4, 0, 0, 0, 0};
        SoftmaxRegression model = SoftmaxRegression.of(weight, new float[] {0, 0, 1}, 4, 3);
        Path file = dir.resolve("m.safetensors");
        ModelFile.save(file, new SavedModel(model, List.of("top", "bottom", "none"), PixelScaling.UNIT, 2, 2, Map.of()));
        return Classifier.load(file);
    }

    @Test
    void ranksEveryClassMostProbableFirst() throws IOException {
        Classifier.Prediction p = classifier().classifyPixels(new byte[] {(byte) 255, (byte) 255, 0, 0});
        assertEquals("top", p.label());
        assertEquals(0, p.classIndex());
        assertEquals(List.of("top", "none", "bottom"), p.ranked().stream().map(Classifier.Scored::label).toList());
        assertEquals(1.0, p.ranked().stream().mapToDouble(Classifier.Scored::probability).sum(), 1e-6);
        assertEquals(2, p.top(2).size());
    }

    @Test
    void scaledInputsAndPixelsAgree() throws IOException {
        Classifier classifier = classifier();
        Classifier.Prediction fromPixels = classifier.classifyPixels(new byte[] {0, 0, (byte) 255, (byte) 255});
        Classifier.Prediction fromFloats = classifier.classify(new float[] {0, 0, 1, 1});
        assertEquals(fromFloats, fromPixels);
        assertEquals("bottom", fromFloats.label());
    }

    @Test
    void classifiesAnImageFile() throws IOException {
        // 28x28 classes: "top" weighs the upper half of the picture, "bottom" the lower half
        float[] weight = new float[2 * 784];
        for (int j = 0; j < 784; j++) {
            weight[j < 392 ? j : 784 + j] = 0.05f;
        }
        Path file = dir.resolve("halves.safetensors");
        ModelFile.save(file, new SavedModel(SoftmaxRegression.of(weight, new float[2], 784, 2),
                List.of("top", "bottom"), PixelScaling.UNIT, 28, 28, Map.of()));
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < 28; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        Path png = dir.resolve("top.png");
        ImageIO.write(image, "png", png.toFile());
        Classifier.Prediction p = Classifier.load(file).classify(png);
        assertEquals("top", p.label());
        assertTrue(p.probability() > 0.99, "probability " + p.probability());
    }

    @Test
    void rejectsInputsOfTheWrongSize() throws IOException {
        Classifier classifier = classifier();
        assertThrows(IllegalArgumentException.class, () -> classifier.classify(new float[3]));
        assertThrows(IllegalArgumentException.class, () -> classifier.classifyPixels(new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> classifier.classify(new float[] {0, Float.NaN, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> classifier.classify(new float[] {0, 0, Float.POSITIVE_INFINITY, 0}));
    }

    @Test
    void hugeButFiniteWeightsGiveFiniteProbabilitiesNotNaN() throws IOException {
        float big = 3e38f;
        float[] weight = {big, big, -big, -big, -big, -big, big, big, 0, 0, 0, 0};
        SoftmaxRegression model = SoftmaxRegression.of(weight, new float[] {0, 0, big}, 4, 3);
        Path file = dir.resolve("huge.safetensors");
        ModelFile.save(file, new SavedModel(model, List.of("top", "bottom", "none"), PixelScaling.UNIT, 2, 2, Map.of()));
        Classifier.Prediction p = Classifier.load(file).classifyPixels(new byte[] {(byte) 255, (byte) 255, 0, 0});
        assertEquals("top", p.label());
        assertEquals(1.0, p.probability());
        for (Classifier.Scored scored : p.ranked()) {
            assertTrue(Double.isFinite(scored.probability()), p.toString());
        }
        assertEquals(1.0, p.ranked().stream().mapToDouble(Classifier.Scored::probability).sum(), 1e-12);
    }
}

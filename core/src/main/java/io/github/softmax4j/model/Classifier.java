package io.github.softmax4j.model;

import io.github.softmax4j.data.ImagePreprocessor;
import io.github.softmax4j.data.PixelScaling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A saved model ready to classify: images of any size from files or memory, 28x28 uint8 pixels,
 * or inputs already scaled. Each answer lists every class with its probability, most probable
 * first; probabilities are computed in double, so any model with finite parameters gives finite
 * ones, never NaN.
 * <pre>{@code
 * Classifier classifier = Classifier.load(Path.of("runs/x/model.safetensors"));
 * Classifier.Prediction p = classifier.classify(Path.of("shoe.png"));
 * System.out.println(p.label() + " " + p.probability());
 * }</pre>
 */
public final class Classifier {
    /** One class and the probability the model gives it. */
    public record Scored(String label, int classIndex, double probability) {
    }

    /** All classes, most probable first (ties by class index). */
    public record Prediction(List<Scored> ranked) {
        public Prediction {
            ranked = List.copyOf(ranked);
        }

        /** The most probable class's name. */
        public String label() {
            return ranked.get(0).label();
        }

        /** The most probable class's index. */
        public int classIndex() {
            return ranked.get(0).classIndex();
        }

        /** The most probable class's probability. */
        public double probability() {
            return ranked.get(0).probability();
        }

        /** The {@code k} most probable classes. */
        public List<Scored> top(int k) {
            return ranked.subList(0, Math.min(k, ranked.size()));
        }
    }

    private final SavedModel saved;

    /** A classifier for a model already loaded. */
    public Classifier(SavedModel saved) {
        this.saved = saved;
    }

    /** Loads a model file; throws {@link ModelFormatException} if it is not a softmax4j model. */
    public static Classifier load(Path modelFile) throws IOException {
        return new Classifier(ModelFile.load(modelFile));
    }

    /** The loaded model and what it records about itself. */
    public SavedModel model() {
        return saved;
    }

    /** Reads an image file, prepares it as the training data was, and classifies it. */
    public Prediction classify(Path imageFile) throws IOException {
        return classifyPixels(ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(imageFile), imageFile.toString()));
    }

    /** Classifies {@code pixels}: height x width uint8 values, light object on black, as the training data. */
    public Prediction classifyPixels(byte[] pixels) {
        SoftmaxRegression model = saved.model();
        if (pixels.length != model.features()) {
            throw new IllegalArgumentException("expected " + model.features() + " pixels, got " + pixels.length);
        }
        PixelScaling scaling = saved.pixelScaling();
        float[] input = new float[pixels.length];
        for (int j = 0; j < pixels.length; j++) {
            input[j] = scaling.scale(pixels[j]);
        }
        return classify(input);
    }

    /** Classifies an input already scaled as the model's pixel scaling says (features finite floats). */
    public Prediction classify(float[] input) {
        SoftmaxRegression model = saved.model();
        if (input.length != model.features()) {
            throw new IllegalArgumentException("expected " + model.features() + " inputs, got " + input.length);
        }
        for (int j = 0; j < input.length; j++) {
            if (!Float.isFinite(input[j])) {
                throw new IllegalArgumentException("input " + j + " is " + input[j] + "; inputs must be finite");
            }
        }
        double[] probabilities = new double[model.classes()];
        model.probabilitiesInDouble(probabilities, input, 0);
        List<Scored> ranked = new ArrayList<>();
        for (int c = 0; c < probabilities.length; c++) {
            ranked.add(new Scored(saved.classNames().get(c), c, probabilities[c]));
        }
        ranked.sort(Comparator.comparingDouble(Scored::probability).reversed().thenComparingInt(Scored::classIndex));
        return new Prediction(ranked);
    }
}

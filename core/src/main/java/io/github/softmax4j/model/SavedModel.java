package io.github.softmax4j.model;

import io.github.softmax4j.data.PixelScaling;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model with what a user of it must know: the class names (indexed by class), how pixels were
 * scaled in training, the image height and width, and the training configuration (for people).
 */
public record SavedModel(SoftmaxRegression model, List<String> classNames, PixelScaling pixelScaling,
                         int height, int width, Map<String, String> training) {
    public SavedModel {
        classNames = List.copyOf(classNames);
        training = Collections.unmodifiableMap(new LinkedHashMap<>(training));
        if (classNames.size() != model.classes()) {
            throw new IllegalArgumentException(classNames.size() + " class names for a model of "
                    + model.classes() + " classes");
        }
        if ((long) height * width != model.features()) {
            throw new IllegalArgumentException("input " + height + "x" + width + " does not match the model's "
                    + model.features() + " features");
        }
    }
}

package io.github.softmax4j.train;

import io.github.softmax4j.data.PixelScaling;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that decides a training run's result. Thread count is not here: it changes only the
 * speed, never a single bit of the result.
 *
 * @param learningRate SGD step size, finite and > 0
 * @param batchSize    examples per minibatch, > 0
 * @param epochs       passes over the training set, > 0
 * @param seed         fixes the initial weights and every epoch's shuffle
 * @param initStd      standard deviation of the initial weights, finite and >= 0
 * @param pixelScaling how uint8 pixels become inputs
 * @param shuffle      whether each epoch visits the examples in a fresh random order
 */
public record TrainConfig(float learningRate, int batchSize, int epochs, long seed, float initStd,
                          PixelScaling pixelScaling, boolean shuffle) {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    public TrainConfig {
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        }
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        }
        if (!(initStd >= 0) || !Float.isFinite(initStd)) {
            throw new IllegalArgumentException("initStd must be finite and >= 0, got " + initStd);
        }
        if (pixelScaling == null) {
            throw new IllegalArgumentException("pixelScaling must be given");
        }
    }

    /** d2l §3.6's settings: lr 0.1, batch 256, 10 epochs, W ~ N(0, 0.01²), pixels x/255, shuffled. */
    public static TrainConfig defaults() {
        return new TrainConfig(0.1f, 256, 10, DEFAULT_SEED, 0.01f, PixelScaling.UNIT, true);
    }

    /**
     * The configuration {@link #toMap()} wrote, read back from its values as strings (as a model
     * file's metadata holds them); throws IllegalArgumentException naming what is missing or wrong.
     */
    public static TrainConfig fromMap(Map<String, String> map) {
        try {
            return new TrainConfig(Float.parseFloat(required(map, "learning_rate")),
                    Integer.parseInt(required(map, "batch_size")), Integer.parseInt(required(map, "epochs")),
                    Long.parseLong(required(map, "seed")), Float.parseFloat(required(map, "init_std")),
                    PixelScaling.fromId(required(map, "pixel_scaling")),
                    Boolean.parseBoolean(required(map, "shuffle")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("training configuration has a malformed number: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("training configuration lacks " + key);
        }
        return value;
    }

    /** The fields under the snake_case names that metrics.json and model files use. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("learning_rate", learningRate);
        map.put("batch_size", batchSize);
        map.put("epochs", epochs);
        map.put("seed", seed);
        map.put("init_std", initStd);
        map.put("pixel_scaling", pixelScaling.id());
        map.put("shuffle", shuffle);
        return map;
    }
}

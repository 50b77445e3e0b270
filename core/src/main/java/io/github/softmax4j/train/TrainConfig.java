package io.github.softmax4j.train;

import io.github.softmax4j.data.PixelScaling;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that decides a training run's result. Thread count is not here: it changes only the
 * speed, never a single bit of the result. Start from {@link #defaults()} and change what differs
 * with the {@code with...} methods: {@code TrainConfig.defaults().withMomentum(0.9f)}.
 *
 * @param learningRate  base step size of SGD, finite and > 0
 * @param batchSize     examples per minibatch, > 0
 * @param epochs        passes over the training set, > 0
 * @param seed          fixes the initial weights, every epoch's shuffle and the validation split
 * @param initStd       standard deviation of the initial weights, finite and >= 0
 * @param pixelScaling  how uint8 pixels become inputs
 * @param shuffle       whether each epoch visits the examples in a fresh random order
 * @param momentum      SGD momentum M in [0, 1): v = M v + g, w -= lr v (PyTorch's SGD, dampening 0)
 * @param weightDecay   L2 penalty L >= 0 on the weights (not the bias): the weight gradient gains L w
 * @param schedule      how the learning rate changes over the epochs
 * @param validation    training images held out to choose the kept epoch on, >= 0 (0: none)
 * @param earlyStopping stop after this many epochs without a better validation accuracy (0: never);
 *                      needs {@code validation > 0}
 */
public record TrainConfig(float learningRate, int batchSize, int epochs, long seed, float initStd,
                          PixelScaling pixelScaling, boolean shuffle, float momentum, float weightDecay,
                          LearningRateSchedule schedule, int validation, int earlyStopping) {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    public TrainConfig {
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got "
                    + SettingText.of(learningRate));
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        }
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be > 0, got " + epochs);
        }
        if (!(initStd >= 0) || !Float.isFinite(initStd)) {
            throw new IllegalArgumentException("initStd must be finite and >= 0, got " + SettingText.of(initStd));
        }
        if (pixelScaling == null) {
            throw new IllegalArgumentException("pixelScaling must be given");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be >= 0 and < 1, got " + SettingText.of(momentum));
        }
        if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got "
                    + SettingText.of(weightDecay));
        }
        if (schedule == null) {
            throw new IllegalArgumentException("schedule must be given");
        }
        if (validation < 0) {
            throw new IllegalArgumentException("validation must be >= 0, got " + validation);
        }
        if (earlyStopping < 0) {
            throw new IllegalArgumentException("earlyStopping must be >= 0, got " + earlyStopping);
        }
        if (earlyStopping > 0 && validation == 0) {
            throw new IllegalArgumentException("earlyStopping needs validation > 0: a held-out split to watch");
        }
    }

    /**
     * Checks the sizes against a training set of {@code examples} images: the validation split
     * must leave some to train on, and a batch can hold at most all of those. Throws
     * IllegalArgumentException naming the field, before anything is allocated or written.
     */
    public void checkFits(int examples) {
        if (validation >= examples) {
            throw new IllegalArgumentException("validation must be less than the " + examples
                    + " training images, got " + validation);
        }
        int left = examples - validation;
        if (batchSize > left) {
            throw new IllegalArgumentException("batchSize must be at most the " + left
                    + (left == 1 ? " image that trains" : " images that train") + " the model, got " + batchSize);
        }
    }

    /**
     * d2l §3.6's settings: lr 0.1, batch 256, 10 epochs, W ~ N(0, 0.01²), pixels x/255, shuffled,
     * plain SGD at a constant rate, no validation split.
     */
    public static TrainConfig defaults() {
        return new TrainConfig(0.1f, 256, 10, DEFAULT_SEED, 0.01f, PixelScaling.UNIT, true, 0f, 0f,
                new LearningRateSchedule.Constant(), 0, 0);
    }

    public TrainConfig withLearningRate(float value) {
        return new TrainConfig(value, batchSize, epochs, seed, initStd, pixelScaling, shuffle, momentum, weightDecay,
                schedule, validation, earlyStopping);
    }

    public TrainConfig withBatchSize(int value) {
        return new TrainConfig(learningRate, value, epochs, seed, initStd, pixelScaling, shuffle, momentum,
                weightDecay, schedule, validation, earlyStopping);
    }

    public TrainConfig withEpochs(int value) {
        return new TrainConfig(learningRate, batchSize, value, seed, initStd, pixelScaling, shuffle, momentum,
                weightDecay, schedule, validation, earlyStopping);
    }

    public TrainConfig withSeed(long value) {
        return new TrainConfig(learningRate, batchSize, epochs, value, initStd, pixelScaling, shuffle, momentum,
                weightDecay, schedule, validation, earlyStopping);
    }

    public TrainConfig withInitStd(float value) {
        return new TrainConfig(learningRate, batchSize, epochs, seed, value, pixelScaling, shuffle, momentum,
                weightDecay, schedule, validation, earlyStopping);
    }

    public TrainConfig withPixelScaling(PixelScaling value) {
        return new TrainConfig(learningRate, batchSize, epochs, seed, initStd, value, shuffle, momentum, weightDecay,
                schedule, validation, earlyStopping);
    }

    public TrainConfig withShuffle(boolean value) {
        return new TrainConfig(learningRate, batchSize, epochs, seed, initStd, pixelScaling, value, momentum,
                weightDecay, schedule, validation, earlyStopping);
    }

    public TrainConfig withMomentum(float value) {
        return new TrainConfig(learningRate, batchSize, epochs, seed, initStd, pixelScaling, shuffle, value,
                weightDecay, schedule, validation, earlyStopping);
    }

    public TrainConfig withWeightDecay(float value) {
        return new TrainConfig(learningRate, batchSize, epochs, seed, initStd, pixelScaling, shuffle, momentum, value,
                schedule, validation, earlyStopping);
    }

    public TrainConfig withSchedule(LearningRateSchedule value) {
        return new TrainConfig(learningRate, batchSize, epochs, seed, initStd, pixelScaling, shuffle, momentum,
                weightDecay, value, validation, earlyStopping);
    }

    public TrainConfig withValidation(int value) {
        return new TrainConfig(learningRate, batchSize, epochs, seed, initStd, pixelScaling, shuffle, momentum,
                weightDecay, schedule, value, earlyStopping);
    }

    public TrainConfig withEarlyStopping(int value) {
        return new TrainConfig(learningRate, batchSize, epochs, seed, initStd, pixelScaling, shuffle, momentum,
                weightDecay, schedule, validation, value);
    }

    /** The learning rate of epoch {@code epoch} under the schedule. */
    public float learningRate(int epoch) {
        return schedule.rate(learningRate, epoch, epochs);
    }

    /**
     * The configuration {@link #toMap()} wrote, read back from its values as strings (as a model
     * file's metadata holds them); throws IllegalArgumentException naming what is missing or wrong.
     * The optimizer, schedule and validation settings, which older files lack, take their defaults.
     */
    public static TrainConfig fromMap(Map<String, String> map) {
        try {
            return new TrainConfig(Float.parseFloat(required(map, "learning_rate")),
                    Integer.parseInt(required(map, "batch_size")), Integer.parseInt(required(map, "epochs")),
                    Long.parseLong(required(map, "seed")), Float.parseFloat(required(map, "init_std")),
                    PixelScaling.fromId(required(map, "pixel_scaling")),
                    Boolean.parseBoolean(required(map, "shuffle")),
                    Float.parseFloat(map.getOrDefault("momentum", "0")),
                    Float.parseFloat(map.getOrDefault("weight_decay", "0")),
                    LearningRateSchedule.fromId(map.getOrDefault("lr_schedule", "constant")),
                    Integer.parseInt(map.getOrDefault("validation", "0")),
                    Integer.parseInt(map.getOrDefault("early_stopping", "0")));
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

    /**
     * {@link #toMap()} with every value as a string, as a model file's metadata holds them;
     * {@link #fromMap} reads it back.
     */
    public Map<String, String> toMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        toMap().forEach((key, value) -> metadata.put(key, String.valueOf(value)));
        return metadata;
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
        map.put("momentum", momentum);
        map.put("weight_decay", weightDecay);
        map.put("lr_schedule", schedule.id());
        map.put("validation", validation);
        map.put("early_stopping", earlyStopping);
        return map;
    }
}

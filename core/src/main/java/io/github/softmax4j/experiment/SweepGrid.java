package io.github.softmax4j.experiment;

import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.train.LearningRateSchedule;
import io.github.softmax4j.train.SettingText;
import io.github.softmax4j.train.TrainConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A sweep as data: the values to try of each setting, and the epochs, seeds, validation split and
 * early stopping every run shares. {@link #runs()} turns it into the runs to train, each named
 * after the settings that vary, without training anything.
 *
 * @param seeds number of seeds; the runs use seeds 1..seeds
 */
public record SweepGrid(List<Float> learningRates, List<Integer> batchSizes, List<Float> momentums,
                        List<Float> weightDecays, List<LearningRateSchedule> schedules,
                        List<PixelScaling> pixelScalings, List<Float> initStds, int epochs, int seeds,
                        int validation, int earlyStopping) {
    /** The most runs a sweep may hold: about a day of 10-epoch runs, and a folder a person can still browse. */
    public static final int MAX_RUNS = 10_000;

    /** One run of the sweep: its folder name and its configuration. */
    public record Run(String name, TrainConfig config) {
    }

    public SweepGrid {
        learningRates = nonEmpty(learningRates, "learning rates", SettingText::of);
        batchSizes = nonEmpty(batchSizes, "batch sizes", SettingText::of);
        momentums = nonEmpty(momentums, "momentums", SettingText::of);
        weightDecays = nonEmpty(weightDecays, "weight decays", SettingText::of);
        schedules = nonEmpty(schedules, "schedules", LearningRateSchedule::id);
        pixelScalings = nonEmpty(pixelScalings, "pixel scalings", PixelScaling::id);
        initStds = nonEmpty(initStds, "initial standard deviations", SettingText::of);
        if (seeds <= 0) {
            throw new IllegalArgumentException("seeds must be > 0, got " + seeds);
        }
        if (validation <= 0) {
            throw new IllegalArgumentException("validation must be > 0: a sweep chooses on held-out images");
        }
        long count = (long) learningRates.size() * batchSizes.size() * momentums.size() * weightDecays.size()
                * schedules.size() * pixelScalings.size() * initStds.size() * seeds;
        if (count > MAX_RUNS) {
            throw new IllegalArgumentException("a sweep of " + count + " runs is more than " + MAX_RUNS
                    + "; give fewer values or seeds");
        }
    }

    // the values in a message as they were typed: "the learning rates 0.1, 50, 0.1 repeat a value; ..."
    private static <T> List<T> nonEmpty(List<T> values, String what, Function<T, String> text) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one of the " + what);
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("the " + what + " " + values.stream().map(text)
                    .collect(Collectors.joining(", ")) + " repeat a value; give each value once");
        }
        return List.copyOf(values);
    }

    /**
     * Every combination, seeds innermost, in the order the values were given. Every
     * configuration is checked here, so a bad value is reported before anything trains.
     */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (float lr : learningRates) {
            for (int batch : batchSizes) {
                for (float momentum : momentums) {
                    for (float decay : weightDecays) {
                        for (LearningRateSchedule schedule : schedules) {
                            for (PixelScaling scaling : pixelScalings) {
                                for (float initStd : initStds) {
                                    for (long seed = 1; seed <= seeds; seed++) {
                                        TrainConfig config = new TrainConfig(lr, batch, epochs, seed, initStd, scaling,
                                                true, momentum, decay, schedule, validation, earlyStopping);
                                        runs.add(new Run(name(config), config));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return runs;
    }

    // the settings that vary, then the seed: lr0.1-bs256-seed1
    private String name(TrainConfig config) {
        StringBuilder name = new StringBuilder();
        part(name, learningRates, "lr", SettingText.of(config.learningRate()));
        part(name, batchSizes, "bs", String.valueOf(config.batchSize()));
        part(name, momentums, "m", SettingText.of(config.momentum()));
        part(name, weightDecays, "wd", SettingText.of(config.weightDecay()));
        part(name, schedules, "", config.schedule().id());
        part(name, pixelScalings, "", config.pixelScaling().id());
        part(name, initStds, "std", SettingText.of(config.initStd()));
        return name.append("seed").append(config.seed()).toString();
    }

    private static void part(StringBuilder name, List<?> values, String prefix, String value) {
        if (values.size() > 1) {
            name.append(prefix).append(value).append('-');
        }
    }

    /** The grid under snake_case names, as sweep.json records it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("learning_rate", learningRates);
        map.put("batch_size", batchSizes);
        map.put("momentum", momentums);
        map.put("weight_decay", weightDecays);
        map.put("lr_schedule", schedules.stream().map(LearningRateSchedule::id).toList());
        map.put("pixel_scaling", pixelScalings.stream().map(PixelScaling::id).toList());
        map.put("init_std", initStds);
        map.put("epochs", epochs);
        map.put("seeds", seeds);
        map.put("validation", validation);
        map.put("early_stopping", earlyStopping);
        return map;
    }

    /** The grid {@link #toMap()} wrote; throws IllegalArgumentException naming what is wrong. */
    @SuppressWarnings("unchecked")
    public static SweepGrid fromMap(Map<String, Object> map) {
        try {
            return new SweepGrid(
                    ((List<Number>) map.get("learning_rate")).stream().map(Number::floatValue).toList(),
                    ((List<Number>) map.get("batch_size")).stream().map(Number::intValue).toList(),
                    ((List<Number>) map.get("momentum")).stream().map(Number::floatValue).toList(),
                    ((List<Number>) map.get("weight_decay")).stream().map(Number::floatValue).toList(),
                    ((List<String>) map.get("lr_schedule")).stream().map(LearningRateSchedule::fromId).toList(),
                    ((List<String>) map.get("pixel_scaling")).stream().map(PixelScaling::fromId).toList(),
                    ((List<Number>) map.get("init_std")).stream().map(Number::floatValue).toList(),
                    ((Number) map.get("epochs")).intValue(), ((Number) map.get("seeds")).intValue(),
                    ((Number) map.get("validation")).intValue(), ((Number) map.get("early_stopping")).intValue());
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("the sweep's grid is damaged or incomplete", e);
        }
    }
}

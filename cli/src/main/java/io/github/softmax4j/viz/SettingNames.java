package io.github.softmax4j.viz;

import java.util.Map;

/**
 * The words the ranked tables (on the terminal and on the pages) and a run's report give its settings:
 * short, as a person would say them ({@code lr}, {@code batch}), where metrics.json stores them
 * under snake_case names ({@code learning_rate}, {@code batch_size}).
 */
public final class SettingNames {
    private static final Map<String, String> SHORT = Map.of("learning_rate", "lr", "batch_size", "batch",
            "weight_decay", "decay", "lr_schedule", "schedule", "pixel_scaling", "pixels", "early_stopping", "patience",
            "init_std", "init std");

    private static final Map<String, String> SPELLED = Map.of("lr_schedule", "learning-rate schedule",
            "validation", "validation images", "early_stopping", "early-stopping patience");

    private SettingNames() {
    }

    /** The word for the setting stored as {@code key}: "lr" for learning_rate, "seed" for seed. */
    public static String of(String key) {
        return SHORT.getOrDefault(key, key.replace('_', ' '));
    }

    /** The setting stored as {@code key} in full words, as a chart's axis names it: "learning rate", "momentum". */
    public static String spelled(String key) {
        return SPELLED.getOrDefault(key, key.replace('_', ' '));
    }
}

package io.github.softmax4j.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the ranked tables (on the terminal and on the pages), the charts' legends, a run's
 * report and the board give its settings: the command line's, each its option's name without the
 * dashes ({@code lr}, {@code batch size} for --batch-size), as the config line train prints says
 * them, where metrics.json stores them under snake_case names ({@code learning_rate},
 * {@code batch_size}).
 */
public final class SettingNames {
    private static final Map<String, String> SHORT = Map.of("learning_rate", "lr", "lr_schedule", "lr schedule",
            "pixel_scaling", "pixels");

    private static final Map<String, String> SPELLED = Map.of("lr_schedule", "learning-rate schedule",
            "validation", "validation images", "early_stopping", "early-stopping patience");

    /**
     * The settings, by metrics.json's names, in the order train's config line says them: epochs, batch
     * size, lr (with its schedule), momentum, weight decay, init, seed, pixels, shuffle; then the
     * validation split and early stopping, which report.html's Configuration adds after them.
     */
    public static final List<String> ORDER = List.of("epochs", "batch_size", "learning_rate", "lr_schedule",
            "momentum", "weight_decay", "init_std", "seed", "pixel_scaling", "shuffle", "validation", "early_stopping");

    // the words of each setting that is off: no momentum, decay, validation split or early stopping, a
    // constant rate, and shuffling, which every run does unless told --no-shuffle
    private static final Map<String, String> OFF = Map.of("momentum", "0", "weight_decay", "0", "lr_schedule",
            "constant", "validation", "none", "early_stopping", "off", "shuffle", "on");

    // the settings whose 0 means "none at all", said as the config line says it
    private static final Map<String, String> ZERO = Map.of("validation", "none", "early_stopping", "off");

    private SettingNames() {
    }

    /** The words for the setting stored as {@code key}: "lr" for learning_rate, "batch size" for batch_size. */
    public static String of(String key) {
        return SHORT.getOrDefault(key, key.replace('_', ' '));
    }

    /** The setting stored as {@code key} in full words, as a chart's axis names it: "learning rate", "momentum". */
    public static String spelled(String key) {
        return SPELLED.getOrDefault(key, key.replace('_', ' '));
    }

    /**
     * The value of the setting stored as {@code key} in the command line's words: a number in the
     * settings' notation ({@link SettingText}), no validation split {@code none}, no early stopping
     * {@code off}, shuffling {@code on} or {@code off}, as the config line train prints says them.
     */
    public static String value(String key, Object value) {
        if (value instanceof Boolean on) {
            return on ? "on" : "off";
        }
        String text = SettingText.of(value);
        return text.equals("0") ? ZERO.getOrDefault(key, text) : text;
    }

    /**
     * The training settings of {@code config} (metrics.json's names and values) in the command line's
     * words, in the config line's order ({@link #ORDER}), those that are off left out: {@code {epochs=2,
     * batch size=256, lr=1e7, init std=0.01, seed=42, pixels=unit, validation=5000}}; shuffling turned off
     * is {@code shuffle=off}. Keys that are not settings (the thread count, the number of training
     * examples) are left out too.
     */
    public static Map<String, String> words(Map<String, ?> config) {
        Map<String, String> words = new LinkedHashMap<>();
        for (String key : ORDER) {
            Object value = config.get(key);
            if (value != null && !value(key, value).equals(OFF.get(key))) {
                words.put(of(key), value(key, value));
            }
        }
        return words;
    }
}

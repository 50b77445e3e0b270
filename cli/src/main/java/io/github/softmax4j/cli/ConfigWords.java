package io.github.softmax4j.cli;

import io.github.softmax4j.train.SettingNames;
import io.github.softmax4j.train.SettingText;
import io.github.softmax4j.train.TrainConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's configuration as train's {@code config:} line says it, name by name: the command line's
 * words, {@link SettingText}'s notation, a momentum or weight decay of 0 left out. The line and
 * the Configuration table of report.html are both made from it, so they say the same things.
 */
final class ConfigWords {
    private ConfigWords() {
    }

    /**
     * The settings of {@code config} in the config line's order: {@code epochs 10, batch size 256,
     * lr 0.1 (cosine schedule), ..., init N(0, 0.01^2), seed 42, pixels unit (x/255), shuffle on,
     * threads 2}; {@code init} is how the weights started, as the line says it.
     */
    static Map<String, String> of(TrainConfig config, String init, int threads) {
        Map<String, String> words = new LinkedHashMap<>();
        words.put(SettingNames.of("epochs"), String.valueOf(config.epochs()));
        words.put(SettingNames.of("batch_size"), String.valueOf(config.batchSize()));
        words.put(SettingNames.of("learning_rate"), SettingText.of(config.learningRate())
                + (config.schedule().dependsOnLength() ? " (" + config.schedule().id() + " schedule)" : ""));
        if (config.momentum() != 0) {
            words.put(SettingNames.of("momentum"), SettingText.of(config.momentum()));
        }
        if (config.weightDecay() != 0) {
            words.put(SettingNames.of("weight_decay"), SettingText.of(config.weightDecay()));
        }
        words.put("init", init);
        words.put(SettingNames.of("seed"), String.valueOf(config.seed()));
        words.put(SettingNames.of("pixel_scaling"), config.pixelScaling().id() + " (" + config.pixelScaling().formula()
                + ")");
        words.put(SettingNames.of("shuffle"), SettingNames.value("shuffle", config.shuffle()));
        words.put("threads", String.valueOf(threads));
        return words;
    }

    /**
     * The words of {@link #of}, then what train says on other lines or not at all: the validation
     * split ({@code none} without one), early stopping ({@code off}) and the examples that train
     * the model; for report.html. {@code init} is the run's metadata's: "random", or the model it
     * started from.
     */
    static Map<String, String> ofReport(TrainConfig config, String init, int threads, int trainExamples) {
        Map<String, String> words = of(config, init.equals("random") ? randomInit(config) : init, threads);
        words.put(SettingNames.of("validation"), SettingNames.value("validation", config.validation()));
        words.put(SettingNames.of("early_stopping"), SettingNames.value("early_stopping", config.earlyStopping()));
        words.put("train examples", String.valueOf(trainExamples));
        return words;
    }

    /** The random start drawn with {@code config}'s init std, as the config line says it: N(0, 0.01^2). */
    static String randomInit(TrainConfig config) {
        return "N(0, " + SettingText.of(config.initStd()) + "^2)";
    }

    /** The words as one line: {@code epochs 10, batch size 256, lr 0.1, ...}. */
    static String line(Map<String, String> words) {
        return words.entrySet().stream().map(word -> word.getKey() + " " + word.getValue())
                .collect(Collectors.joining(", "));
    }
}

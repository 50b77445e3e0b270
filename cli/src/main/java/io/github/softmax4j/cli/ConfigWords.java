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
     * the model; for report.html. {@code init} is as {@link #init} says it, as on the config line.
     */
    static Map<String, String> ofReport(TrainConfig config, String init, int threads, int trainExamples) {
        Map<String, String> words = of(config, init, threads);
        words.put(SettingNames.of("validation"), SettingNames.value("validation", config.validation()));
        words.put(SettingNames.of("early_stopping"), SettingNames.value("early_stopping", config.earlyStopping()));
        words.put("train examples", String.valueOf(trainExamples));
        return words;
    }

    /**
     * How the run's weights started, as the config line and report.html say it: {@code N(0, 0.01^2)}
     * (drawn with {@code config}'s init std) when {@code start}, as the model's metadata records it,
     * is "random", else the model it started from; when this command resumes the run from its
     * checkpoint after epoch {@code resumedAfter} (0: a new run), followed by {@code , resumed from
     * the checkpoint after epoch 3}.
     */
    static String init(String start, TrainConfig config, int resumedAfter) {
        String first = start.equals("random") ? "N(0, " + SettingText.of(config.initStd()) + "^2)" : start;
        return resumedAfter == 0 ? first : first + ", resumed from the checkpoint after epoch " + resumedAfter;
    }

    /** The words as one line: {@code epochs 10, batch size 256, lr 0.1, ...}. */
    static String line(Map<String, String> words) {
        return words.entrySet().stream().map(word -> word.getKey() + " " + word.getValue())
                .collect(Collectors.joining(", "));
    }
}

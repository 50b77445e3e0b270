package io.github.softmax4j.cli;

import io.github.softmax4j.train.SettingText;
import io.github.softmax4j.train.TrainConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The train command that starts a new run with the settings of an existing one, some of them
 * changed, for suggestions such as "start a new run with a larger --early-stopping: ./softmax4j
 * train --validation 5000 --early-stopping N --epochs 40". Settings at their defaults are left out.
 */
final class NewRunCommand {
    private NewRunCommand() {
    }

    /**
     * The command for a run of {@code config} started from {@code init} ("random" or a model
     * file), with {@code changes} (option to value, such as "--epochs" to "40") in place of its own.
     */
    static String of(TrainConfig config, String init, Map<String, String> changes) {
        TrainConfig defaults = TrainConfig.defaults();
        Map<String, String> options = new LinkedHashMap<>();
        putIfChanged(options, "--batch-size", config.batchSize(), defaults.batchSize());
        putIfChanged(options, "--lr", SettingText.of(config.learningRate()), SettingText.of(defaults.learningRate()));
        putIfChanged(options, "--init-std", SettingText.of(config.initStd()), SettingText.of(defaults.initStd()));
        putIfChanged(options, "--seed", config.seed(), defaults.seed());
        putIfChanged(options, "--pixels", config.pixelScaling().id(), defaults.pixelScaling().id());
        putIfChanged(options, "--momentum", SettingText.of(config.momentum()), SettingText.of(defaults.momentum()));
        putIfChanged(options, "--weight-decay", SettingText.of(config.weightDecay()),
                SettingText.of(defaults.weightDecay()));
        putIfChanged(options, "--lr-schedule", config.schedule().id(), defaults.schedule().id());
        putIfChanged(options, "--validation", config.validation(), defaults.validation());
        putIfChanged(options, "--early-stopping", config.earlyStopping(), defaults.earlyStopping());
        if (!"random".equals(init)) {
            options.put("--init", init);
        }
        putIfChanged(options, "--epochs", config.epochs(), defaults.epochs());
        options.putAll(changes);
        StringBuilder command = new StringBuilder(Invocation.command()).append(" train");
        if (!config.shuffle()) {
            command.append(" --no-shuffle");
        }
        options.forEach((option, value) -> command.append(' ').append(option).append(' ')
                .append(Invocation.quote(value)));
        return command.toString();
    }

    private static void putIfChanged(Map<String, String> options, String option, Object value, Object defaultValue) {
        if (!value.equals(defaultValue)) {
            options.put(option, String.valueOf(value));
        }
    }
}

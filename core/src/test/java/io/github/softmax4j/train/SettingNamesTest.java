package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingNamesTest {
    @Test
    void wordsTheSettingsAsTheCommandLineDoesLeavingOutWhatIsOff() {
        Map<String, Object> config = new LinkedHashMap<>(TrainConfig.defaults().withLearningRate(1e7f).withEpochs(2)
                .withValidation(5000).toMap());
        config.put("threads", 2);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("epochs", "2");
        expected.put("batch size", "256");
        expected.put("lr", "1e7");
        expected.put("init std", "0.01");
        expected.put("seed", "42");
        expected.put("pixels", "unit");
        expected.put("validation", "5000");
        assertEquals(expected, SettingNames.words(config));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(SettingNames.words(config).keySet()),
                "in the config line's order, whatever the config's");
    }

    @Test
    void theOrderHoldsEverySettingOnce() {
        assertEquals(TrainConfig.defaults().toMap().keySet(), Set.copyOf(SettingNames.ORDER));
        assertEquals(SettingNames.ORDER.size(), Set.copyOf(SettingNames.ORDER).size());
    }

    @Test
    void saysWhatIsOnAndShufflingTurnedOff() {
        Map<String, Object> config = new LinkedHashMap<>(TrainConfig.defaults().withMomentum(0.9f).withShuffle(false)
                .withSchedule(new LearningRateSchedule.Cosine()).toMap());
        // as metrics.json is read back: a float setting is a double, written as the float prints
        config.put("learning_rate", 0.1);
        config.put("early_stopping", 5);
        Map<String, String> words = SettingNames.words(config);
        assertEquals("off", words.get("shuffle"));
        assertEquals("0.9", words.get("momentum"));
        assertEquals("cosine", words.get("lr schedule"));
        assertEquals("5", words.get("early stopping"));
        assertEquals("0.1", words.get("lr"));
    }

    @Test
    void aSettingThatIsOffIsSaidAsTheConfigLineSaysIt() {
        // as metrics.json stores them, and as read back
        assertEquals("none", SettingNames.value("validation", 0));
        assertEquals("off", SettingNames.value("early_stopping", 0));
        assertEquals("on", SettingNames.value("shuffle", true));
        assertEquals("off", SettingNames.value("shuffle", false));
        assertEquals("5000", SettingNames.value("validation", 5000));
        assertEquals("0", SettingNames.value("momentum", 0.0));
        assertEquals("0", SettingNames.value("weight_decay", 0.0f));
        assertEquals("1e-5", SettingNames.value("weight_decay", 1e-5));
    }
}

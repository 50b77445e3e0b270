package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmax4j.train.LearningRateSchedule;
import io.github.softmax4j.train.SettingNames;
import io.github.softmax4j.train.TrainConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The config line and report.html say the settings in the order of core's {@link SettingNames#ORDER},
 * which the board follows too ({@link SettingNames#words}), so a run's settings read in one order everywhere.
 */
class SettingOrderTest {
    @Test
    void theConfigLineAndTheReportSayTheSettingsInTheOrderTheBoardShowsThem() {
        TrainConfig config = TrainConfig.defaults().withMomentum(0.9f).withWeightDecay(1e-5f)
                .withSchedule(new LearningRateSchedule.Cosine()).withShuffle(false).withValidation(5000)
                .withEarlyStopping(3);
        // the report's words: init said by its std, as the board says it; the schedule said within lr
        List<String> report = ConfigWords.ofReport(config, "random", 2, 55000).keySet().stream()
                .map(name -> name.equals("init") ? SettingNames.of("init_std") : name).toList();
        List<String> board = List.copyOf(SettingNames.words(config.toMap()).keySet());
        assertEquals(board.stream().filter(report::contains).toList(),
                report.stream().filter(board::contains).toList());
        assertEquals(List.of("epochs", "batch size", "lr", "momentum", "weight decay", "init std", "seed", "pixels",
                "shuffle", "validation", "early stopping"), report.stream().filter(board::contains).toList(),
                "every setting the board shows but the schedule, which the config line says within lr");
        Map<String, String> words = SettingNames.words(config.toMap());
        assertEquals("cosine", words.get("lr schedule"));
    }
}

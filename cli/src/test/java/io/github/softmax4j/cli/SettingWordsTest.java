package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.train.SettingNames;
import io.github.softmax4j.train.TrainConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/** The tables, legends, the report and the board say a setting in the words of its option, as the config line does. */
class SettingWordsTest {
    @Test
    void everySettingIsNamedByItsOptionWithoutTheDashes() {
        CommandSpec train = Softmax4jCli.commandLine().getSubcommands().get("train").getCommandSpec();
        for (String key : TrainConfig.defaults().toMap().keySet()) {
            // shuffling is on unless --no-shuffle turns it off, and is then said as "shuffle off"
            String option = key.equals("shuffle") ? "--no-shuffle" : "--" + SettingNames.of(key).replace(' ', '-');
            assertNotNull(train.findOption(option), key + " is said as '" + SettingNames.of(key) + "', and train has no "
                    + option);
        }
    }

    @Test
    void thePrintedTableNamesTheSettingsInTheConfigLinesWordsAndLinesThemUp() {
        StringWriter printed = new StringWriter();
        RankingOutput.print(new PrintWriter(printed, true), List.of(entry(64, 0, 0.8242), entry(256, 1e-5, 0.8212)));
        List<String> lines = printed.toString().lines().toList();
        assertEquals(List.of("rank  batch size  weight decay   val acc (mean ± sd)  epoch  seconds  runs",
                "   1          64             0    0.8242 ± -            1.0     0.26  1",
                "   2         256          1e-5    0.8212 ± -            1.0     0.26  1"), lines);
    }

    private static Ranking.Entry entry(int batchSize, double weightDecay, double accuracy) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("learning_rate", 0.1);
        settings.put("batch_size", batchSize);
        settings.put("weight_decay", weightDecay);
        return new Ranking.Entry(settings, accuracy, 0, List.of("bs" + batchSize), 1, false, true, 1.0, 0.26);
    }
}

package io.github.softmax4j.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunResult;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.SettingNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepPageTest {
    private static Ranking.Entry entry(double lr, int batch, double decay, double mean, boolean validated) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("learning_rate", lr);
        settings.put("batch_size", batch);
        settings.put("epochs", 3);
        settings.put("init_std", 0.01);
        settings.put("weight_decay", decay);
        return new Ranking.Entry(settings, mean, 0.0012, List.of("lr" + lr + "-a", "lr" + lr + "-b"), 2, false, validated,
                3.0, 0.2);
    }

    private static String headings(String html) {
        int start = html.indexOf("<tr><th>");
        return html.substring(start, html.indexOf("</tr>", start) + "</tr>".length());
    }

    @Test
    void twoCopiesOfOneSeedShowNoDeviation() {
        RunResult copy = new RunResult("seed42", Map.of("learning_rate", 0.1), 42, RunStatus.FINISHED, 10, Double.NaN,
                Double.NaN, 0.8331, 1.0);
        Ranking.Entry copies = Ranking.rank(List.of(copy, copy)).get(0);
        assertEquals("0.8331 ± - (one seed)", SweepPage.accuracy(copies), "two runs, yet one seed: no deviation");
        assertEquals("0.8331 ± -", SweepPage.accuracy(Ranking.rank(List.of(copy)).get(0)), "one run: none to say");
        assertEquals("0.0012", SweepPage.spread(entry(0.1, 64, 0, 0.84, true)), "two seeds have a deviation");
    }

    @Test
    void theCaptionsSpeakOfSeedsOnlyWithSeveralAndOfTheChaptersExerciseOnlyForTheLearningRate() {
        RunResult m0 = new RunResult("m0", Map.of("learning_rate", 0.1, "momentum", 0.0), 1, RunStatus.FINISHED, 2,
                0.81, 0.5, Double.NaN, 1.0);
        RunResult m9 = new RunResult("m9", Map.of("learning_rate", 0.1, "momentum", 0.9), 1, RunStatus.FINISHED, 2,
                0.85, 0.4, Double.NaN, 1.0);
        List<Ranking.Entry> oneSeed = Ranking.rank(List.of(m0, m9));
        String html = SweepPage.html("sweep", SweepPage.varying(oneSeed), oneSeed, null, List.of(), new byte[0], new byte[0]);
        assertTrue(html.contains("ranked by the validation accuracy of each run's kept epoch.</p>"), html);
        assertFalse(html.contains("over seeds") || html.contains("d2l section 3.7"), html);
        List<Ranking.Entry> seeded = List.of(entry(0.1, 64, 0, 0.84, true), entry(0.3, 64, 0, 0.83, true));
        String lr = SweepPage.html("sweep", SweepPage.varying(seeded), seeded, null, List.of(), new byte[0], new byte[0]);
        assertTrue(lr.contains("mean &plusmn; standard deviation over seeds.") && lr.contains("d2l section 3.7"), lr);
    }

    @Test
    void theTableIsHeadedInTheWordsTheCommandLinePrints() {
        List<Ranking.Entry> ranking = List.of(entry(0.1, 64, 0, 0.8396, true), entry(0.03, 256, 1e-4, 0.8301, true));
        String html = SweepPage.html("sweep", SweepPage.varying(ranking), ranking, null, List.of(), new byte[0], new byte[0]);
        assertEquals("<tr><th>rank</th><th>lr</th><th>batch size</th><th>weight decay</th><th>val acc (mean ± sd)</th>"
                + "<th>epoch</th><th>seconds</th><th class=\"name\">runs</th></tr>", headings(html));
        assertTrue(html.contains("<td>1</td><td>0.1</td><td>64</td><td>0</td><td>0.8396 ± 0.0012</td><td>3.0</td>"),
                html);
        assertFalse(html.contains("learning_rate") || html.contains("batch_size") || html.contains("weight_decay"),
                "no name from metrics.json");
        assertEquals("init std", SettingNames.of("init_std"));
    }

    @Test
    void aComparisonOfRunsWithAndWithoutValidationSaysWhichAccuracyEachIs() {
        List<Ranking.Entry> ranking = List.of(entry(0.1, 64, 0, 0.8402, true), entry(0.1, 256, 0, 0.8331, false));
        String html = SweepPage.html("compare", SweepPage.varying(ranking), ranking, null, List.of(), new byte[0], new byte[0]);
        assertEquals("<tr><th>rank</th><th>batch size</th><th>accuracy (mean ± sd)</th><th>on</th><th>epoch</th>"
                + "<th>seconds</th><th class=\"name\">runs</th></tr>", headings(html));
        assertTrue(html.contains("<td>0.8402 ± 0.0012</td><td>val</td>") && html.contains("<td>0.8331 ± 0.0012</td>"
                + "<td>test</td>"), html);
        assertTrue(html.contains("<h2>Curves of validation or test accuracy</h2>")
                && html.contains("<h2>Validation or test accuracy against the batch size</h2>"), html);
    }
}

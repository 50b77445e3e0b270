package io.github.softmax4j.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.eval.ConfusionMatrix;
import io.github.softmax4j.train.EpochStats;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static String report(List<EpochStats> epochs) throws IOException {
        byte[] png = Png.encode(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("lr", "0.1");
        config.put("init", "<script>alert(1)</script>");
        config.put("validation", "none");
        config.put("early stopping", "off");
        List<Report.Figure> figures = List.of(new Report.Figure("Curves", "c", png), new Report.Figure("Grid", "g", png));
        return Report.html("run & co", "After 1 epoch: test acc 0.7900", config, epochs,
                ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, 2), List.of("a", "b"), figures);
    }

    private static String report() throws IOException {
        return report(List.of(EpochStats.tested(1, 0.1f, 0.5, 0.8, 0.79, 0.2)));
    }

    @Test
    void thePicturesComeFirstAndALongMetricsTableIsFoldedAtTheEnd() throws IOException {
        List<EpochStats> long200 = new ArrayList<>();
        for (int e = 1; e <= 200; e++) {
            long200.add(EpochStats.tested(e, 0.1f, 0.5, 0.8, 0.79, 0.2));
        }
        String html = report(long200);
        int firstPicture = html.indexOf("<img");
        int metrics = html.indexOf("<h2>Metrics per epoch</h2>");
        assertTrue(firstPicture > 0 && metrics > html.lastIndexOf("<img"), "pictures before the metrics");
        assertTrue(html.indexOf("<h2>Confusion counts</h2>") < metrics);
        assertTrue(html.substring(metrics).startsWith("<h2>Metrics per epoch</h2>\n<details>\n<summary>200 epochs"
                + "</summary>"), html.substring(metrics, metrics + 80));
        assertFalse(report().contains("<details>"), "ten epochs or one stay open");
    }

    @Test
    void embedsEveryPictureAndNeedsNoOtherResource() throws IOException {
        String html = report();
        Matcher sources = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        List<String> images = new ArrayList<>();
        while (sources.find()) {
            images.add(sources.group(1));
        }
        assertEquals(2, images.size());
        for (String source : images) {
            assertTrue(source.startsWith("data:image/png;base64,"), source);
            byte[] png = Base64.getDecoder().decode(source.substring("data:image/png;base64,".length()));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        }
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("href="), "no links out");
    }

    @Test
    void showsConfigMetricsAndConfusionEscaped() throws IOException {
        String html = report();
        assertTrue(html.contains("<title>softmax4j run run &amp; co</title>"));
        assertTrue(html.contains("&lt;script&gt;") && !html.contains("<script>"), "config values are escaped");
        assertTrue(html.contains("<td>1</td><td>0.5000</td><td>0.8000</td><td>0.7900</td>"), html);
        assertTrue(html.contains("<p>After 1 epoch: test acc 0.7900</p>"), html);
        assertTrue(html.contains("<td class=\"diagonal\">1<br><small>100.0%</small></td>"));
    }

    @Test
    void theConfigurationIsShownAsSaidAndAChangingRateRoundedAsItPrints() throws IOException {
        String html = report(List.of(EpochStats.tested(1, 0.1f, 0.5, 0.8, 0.79, 0.2),
                EpochStats.tested(2, 0.099726096f, 0.45, 0.82, 0.8, 0.2)));
        assertTrue(html.contains("<tr><th class=\"name\">lr</th><td class=\"name\">0.1</td></tr>"), html);
        assertTrue(html.contains("<tr><th class=\"name\">validation</th><td class=\"name\">none</td></tr>")
                && html.contains("<tr><th class=\"name\">early stopping</th><td class=\"name\">off</td></tr>"), html);
        assertTrue(html.contains("<tr><th>epoch</th><th>lr</th><th>train loss</th>"), html);
        assertTrue(html.contains("<td>2</td><td>0.09973</td><td>0.4500</td>"), html);
        assertFalse(report().contains("<th>lr</th>"), "a rate that never changes is in the configuration only");
    }

    @Test
    void theEpochAValidatedRunKeepsIsMarkedInTheTable() throws IOException {
        String html = report(List.of(new EpochStats(1, 0.1f, 0.6, 0.78, 0.55, 0.80, Double.NaN, 0.2),
                new EpochStats(2, 0.1f, 0.5, 0.81, 0.5, 0.83, Double.NaN, 0.2),
                new EpochStats(3, 0.1f, 0.45, 0.83, 0.52, 0.82, Double.NaN, 0.2)));
        assertTrue(html.contains("<tr class=\"kept\"><td>2, kept</td>"), html);
        assertFalse(html.contains("<td>1, kept</td>") || html.contains("<td>3, kept</td>"), html);
        assertFalse(report().contains("kept</td>"), "a run tested every epoch keeps its last: nothing to mark");
    }

    @Test
    void theCurvesCaptionDescribesThisRun() {
        assertEquals("Train loss, train accuracy and test accuracy after each of the run's 2 epochs (d2l's Animator); "
                + "the test accuracy ends at 0.8100.", TrainingCurves.caption(List.of(
                EpochStats.tested(1, 0.1f, 0.5, 0.8, 0.79, 0.2), EpochStats.tested(2, 0.1f, 0.45, 0.82, 0.81, 0.2))));
        List<EpochStats> validated = List.of(new EpochStats(1, 0.1f, 0.6, 0.78, 0.55, 0.80, Double.NaN, 0.2),
                new EpochStats(2, 0.1f, 0.5, 0.81, 0.5, 0.83, Double.NaN, 0.2),
                new EpochStats(3, 0.1f, 0.45, 0.83, 0.52, 0.82, Double.NaN, 0.2));
        assertEquals("Train loss, train accuracy, validation loss and validation accuracy after each of the run's 3 "
                + "epochs (d2l's Animator); the dashed line marks epoch 2, kept for the best validation accuracy, "
                + "0.8300.", TrainingCurves.caption(validated));
        assertTrue(TrainingCurves.caption(validated.subList(0, 1)).contains("after the run's one epoch"));
    }
}

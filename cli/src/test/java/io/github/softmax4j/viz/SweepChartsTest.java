package io.github.softmax4j.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.experiment.RunResult;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

class SweepChartsTest {
    // a run of two epochs; held out: 10000 images for validation, or none (then it is tested every epoch)
    private static RunFolder run(double lr, int batch, long seed, int heldOut, double accuracy) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("learning_rate", lr);
        config.put("batch_size", batch);
        config.put("epochs", 2);
        config.put("seed", seed);
        config.put("validation", heldOut);
        List<EpochStats> epochs = new ArrayList<>();
        for (int e = 1; e <= 2; e++) {
            double figure = accuracy - 0.02 * (2 - e);
            epochs.add(heldOut > 0 ? new EpochStats(e, (float) lr, 0.5, 0.8, 0.5, figure, Double.NaN, 0.1)
                    : EpochStats.tested(e, (float) lr, 0.5, 0.8, figure, 0.1));
        }
        String name = "lr" + lr + "-bs" + batch + "-seed" + seed;
        return new RunFolder(Path.of(name), name, new RunMetrics(RunStatus.FINISHED, config, epochs, null));
    }

    private static List<XYSeries> legend(XYChart chart) {
        return chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).toList();
    }

    @Test
    void runsDifferingInLearningRateBatchSizeOrSeedEachHaveTheirOwnLookAndLegendEntry() {
        List<RunFolder> runs = new ArrayList<>();
        for (double lr : new double[] {0.1, 0.03}) {
            for (int batch : new int[] {256, 64}) {
                for (long seed = 1; seed <= 2; seed++) {
                    runs.add(run(lr, batch, seed, 10000, 0.8 + lr / 10 + batch / 10000.0 + seed / 1000.0));
                }
            }
        }
        XYChart chart = SweepCharts.curvesChart(runs);
        List<XYSeries> series = legend(chart);
        assertEquals(List.of("lr 0.03, batch 64, seed 1", "lr 0.03, batch 64, seed 2", "lr 0.03, batch 256, seed 1",
                "lr 0.03, batch 256, seed 2", "lr 0.1, batch 64, seed 1", "lr 0.1, batch 64, seed 2",
                "lr 0.1, batch 256, seed 1", "lr 0.1, batch 256, seed 2"),
                series.stream().map(XYSeries::getName).toList(), "one entry a run, in the order of the settings");
        Set<List<Object>> looks = new HashSet<>();
        for (XYSeries line : series) {
            looks.add(List.of(line.getLineColor(), dashes(line), line.getMarker().getClass()));
        }
        assertEquals(runs.size(), looks.size(), "every run drawn in a colour, dash and marker of its own");
        // the colour tells the learning rate, the dash the batch size, the marker the seed
        assertEquals(series.get(0).getLineColor(), series.get(3).getLineColor());
        assertNotEquals(series.get(0).getLineColor(), series.get(4).getLineColor());
        assertEquals(dashes(series.get(0)), dashes(series.get(5)));
        assertNotEquals(dashes(series.get(0)), dashes(series.get(2)));
        assertNotEquals(series.get(0).getMarker().getClass(), series.get(1).getMarker().getClass());
        assertEquals("Validation accuracy of every run", chart.getTitle());
        assertEquals("validation accuracy", chart.getYAxisTitle());
    }

    private static List<Float> dashes(XYSeries line) {
        float[] dash = ((BasicStroke) line.getLineStyle()).getDashArray();
        List<Float> list = new ArrayList<>();
        if (dash != null) {
            for (float d : dash) {
                list.add(d);
            }
        }
        return list;
    }

    @Test
    void runsThatDifferOnlyInTheSeedAreToldApartByIt() {
        XYChart chart = SweepCharts.curvesChart(List.of(run(0.1, 256, 2, 10000, 0.84), run(0.1, 256, 1, 10000, 0.83)));
        List<XYSeries> series = legend(chart);
        assertEquals(List.of("seed 1", "seed 2"), series.stream().map(XYSeries::getName).toList());
        assertNotEquals(series.get(0).getLineColor(), series.get(1).getLineColor());
    }

    @Test
    void aRunWithoutValidationIsDrawnByItsTestAccuracyAndTheLegendSaysSo() {
        RunFolder validated = run(0.1, 64, 1, 10000, 0.84);
        RunFolder tested = run(0.1, 256, 1, 0, 0.83);
        XYChart curves = SweepCharts.curvesChart(List.of(validated, tested));
        assertEquals(List.of("batch 64, validation 10000: val acc", "batch 256, validation 0: test acc"),
                legend(curves).stream().map(XYSeries::getName).toList());
        assertEquals("validation or test accuracy", curves.getYAxisTitle());
        assertEquals(0.83, legend(curves).get(1).getYData()[1], 1e-9, "the test accuracy is drawn");

        // one learning rate and one batch size: drawn against the learning rate, in the middle
        RunFolder testedAlike = run(0.1, 64, 1, 0, 0.83);
        List<Ranking.Entry> ranking = Ranking.rank(List.of(result(validated), result(testedAlike)));
        XYChart byRate = SweepCharts.accuracyBySettingChart(ranking);
        assertEquals("learning rate", byRate.getXAxisTitle());
        assertEquals(List.of("batch size 64, validation accuracy", "batch size 64, test accuracy"),
                legend(byRate).stream().map(XYSeries::getName).toList());
        assertEquals("validation or test accuracy (mean over seeds)", byRate.getYAxisTitle());
        XYSeries test = legend(byRate).get(1);
        assertEquals(SeriesMarkers.SQUARE, test.getMarker());
        assertTrue(((BasicStroke) test.getLineStyle()).getDashArray() != null, "test accuracy is dashed");
        // both drawn, in the middle of the picture: there is one learning rate
        BufferedImage image = BitmapEncoder.getBufferedImage(byRate);
        for (XYSeries line : legend(byRate)) {
            assertTrue(Pixels.count(image, line.getMarkerColor(), 40, image.getWidth() / 4, 0, image.getWidth() / 2,
                    image.getHeight()) > 5, line.getName() + " is drawn");
        }
        assertEquals(0.1, test.getXData()[0], 1e-9);
    }

    @Test
    void aSweepOfBatchSizesAtOneLearningRateIsDrawnAgainstTheBatchSize() {
        int[] batches = {8, 32, 128, 512, 2048};
        double[] accuracies = {0.844, 0.845, 0.848, 0.836, 0.808};
        List<RunResult> results = new ArrayList<>();
        for (int i = 0; i < batches.length; i++) {
            results.add(result(run(0.1, batches[i], 1, 10000, accuracies[i])));
        }
        List<Ranking.Entry> ranking = Ranking.rank(results);
        XYChart chart = SweepCharts.accuracyBySettingChart(ranking);
        assertEquals("batch size", SweepCharts.xSetting(ranking));
        assertEquals("batch size", chart.getXAxisTitle());
        assertEquals("Best validation accuracy against the batch size", chart.getTitle());
        assertEquals(List.of("learning rate 0.1"), legend(chart).stream().map(XYSeries::getName).toList());
        XYSeries line = legend(chart).get(0);
        // evenly spaced in the order of the batch sizes: a log scale, since they grow by a factor
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, line.getXData(), 1e-9);
        assertArrayEquals(accuracies, line.getYData(), 1e-9);
        // the points spread over the plot, from its left quarter to right of its middle
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        Color colour = line.getMarkerColor();
        assertTrue(Pixels.count(image, colour, 40, 0, 0, image.getWidth() / 4, image.getHeight()) > 5,
                "the smallest batch size is drawn on the left");
        assertTrue(Pixels.count(image, colour, 40, image.getWidth() / 2, 0, image.getWidth() * 3 / 4,
                image.getHeight()) > 5, "the largest batch sizes are drawn right of the middle");
        String page = SweepPage.html("sweep", SweepPage.varying(ranking), ranking, null, new byte[0], new byte[0]);
        assertTrue(page.contains("<h2>Validation accuracy against the batch size</h2>"), page);
    }

    @Test
    void theLegendNamesALearningRateAsItIsTyped() {
        List<Ranking.Entry> ranking = Ranking.rank(List.of(result(run(1.0, 64, 1, 10000, 0.84)),
                result(run(1.0, 256, 1, 10000, 0.83))));
        assertEquals(List.of("learning rate 1"), legend(SweepCharts.accuracyBySettingChart(ranking)).stream()
                .map(XYSeries::getName).toList());
        List<RunFolder> runs = List.of(run(1.0, 64, 1, 10000, 0.84), run(0.0001, 64, 1, 10000, 0.83));
        assertEquals(List.of("lr 0.0001", "lr 1"), legend(SweepCharts.curvesChart(runs)).stream()
                .map(XYSeries::getName).toList());
    }

    private static RunResult result(RunFolder folder) {
        return RunResult.of(folder);
    }

    @Test
    void runsTooManyForTheColoursStillEachHaveTheirOwnLookAndAChartTallEnoughForTheLegend() {
        List<RunFolder> runs = new ArrayList<>();
        for (int seed = 1; seed <= 24; seed++) {
            runs.add(run(0.1, 256, seed, 10000, 0.8 + seed / 1000.0));
        }
        XYChart chart = SweepCharts.curvesChart(runs);
        Set<List<Object>> looks = new HashSet<>();
        for (XYSeries line : legend(chart)) {
            looks.add(List.of(line.getLineColor(), dashes(line), line.getMarker().getClass()));
        }
        assertEquals(24, looks.size(), "24 runs, 24 looks");
        assertTrue(chart.getHeight() >= 24 * 20, "height " + chart.getHeight() + " for 24 legend entries");
    }
}

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
import java.awt.Rectangle;
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
        XYChart chart = SweepCurvesChart.chart(runs);
        List<XYSeries> series = legend(chart);
        assertEquals(List.of("lr 0.03, batch size 64, seed 1", "lr 0.03, batch size 64, seed 2",
                "lr 0.03, batch size 256, seed 1", "lr 0.03, batch size 256, seed 2", "lr 0.1, batch size 64, seed 1",
                "lr 0.1, batch size 64, seed 2", "lr 0.1, batch size 256, seed 1", "lr 0.1, batch size 256, seed 2"),
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
        XYChart chart = SweepCurvesChart.chart(List.of(run(0.1, 256, 2, 10000, 0.84), run(0.1, 256, 1, 10000, 0.83)));
        List<XYSeries> series = legend(chart);
        assertEquals(List.of("seed 1", "seed 2"), series.stream().map(XYSeries::getName).toList());
        assertNotEquals(series.get(0).getLineColor(), series.get(1).getLineColor());
    }

    @Test
    void aRunWithoutValidationIsDrawnByItsTestAccuracyAndTheLegendSaysSo() {
        RunFolder validated = run(0.1, 64, 1, 10000, 0.84);
        RunFolder tested = run(0.1, 256, 1, 0, 0.83);
        XYChart curves = SweepCurvesChart.chart(List.of(validated, tested));
        assertEquals(List.of("batch size 64, validation 10000: val acc", "batch size 256, validation none: test acc"),
                legend(curves).stream().map(XYSeries::getName).toList());
        assertEquals("validation or test accuracy", curves.getYAxisTitle());
        assertEquals(0.83, legend(curves).get(1).getYData()[1], 1e-9, "the test accuracy is drawn");

        // both kinds at one learning rate and batch size: drawn against the validation split, the one
        // setting that varies, each kind on a line of its own
        RunFolder testedAlike = run(0.1, 64, 1, 0, 0.83);
        XYChart byKind = AccuracyBySettingChart.chart(Ranking.rank(List.of(result(validated),
                result(testedAlike))));
        assertEquals("validation images", byKind.getXAxisTitle());
        assertEquals("Validation or test accuracy against the validation images", byKind.getTitle());
        assertEquals(List.of("val acc", "test acc"),
                legend(byKind).stream().map(XYSeries::getName).toList());
        assertEquals("validation or test accuracy", byKind.getYAxisTitle(), "one seed each: no mean");
        XYSeries test = legend(byKind).get(1);
        assertEquals(SeriesMarkers.SQUARE, test.getMarker());
        assertTrue(((BasicStroke) test.getLineStyle()).getDashArray() != null, "test accuracy is dashed");
        // against the learning rate: each line named as the curves name a run, by its batch size and its
        // validation split (none for a line of test accuracy), then its kind of accuracy, in the tables' words
        XYChart byRate = AccuracyBySettingChart.chart(Ranking.rank(List.of(result(validated),
                result(run(0.3, 64, 1, 10000, 0.83)), result(tested), result(run(0.3, 256, 1, 0, 0.82)))));
        assertEquals("learning rate", byRate.getXAxisTitle());
        assertEquals(List.of("batch size 64, validation 10000: val acc", "batch size 256, validation none: test acc"),
                legend(byRate).stream().map(XYSeries::getName).toList());
    }

    @Test
    void linesOfValidationSplitsOfDifferentSizesEachHaveAColourOfTheirOwn() {
        List<RunResult> results = new ArrayList<>();
        for (double lr : new double[] {0.1, 0.3}) {
            for (int heldOut : new int[] {5000, 10000, 0}) {
                results.add(result(run(lr, 256, 1, heldOut, 0.8 + heldOut / 1e6 + lr / 100)));
            }
        }
        List<XYSeries> lines = legend(AccuracyBySettingChart.chart(Ranking.rank(results)));
        assertEquals(List.of("validation 5000: val acc", "validation 10000: val acc", "validation none: test acc"),
                lines.stream().map(XYSeries::getName).toList());
        // two solid lines of validation accuracy, told apart only by their colour
        assertNotEquals(lines.get(0).getLineColor(), lines.get(1).getLineColor(), "5000 and 10000 look alike");
        assertEquals(3, lines.stream().map(XYSeries::getLineColor).distinct().count(), "each split a colour");
    }

    @Test
    void oneSettingOfTwoSeedsIsDrawnInTheMiddleAsTheMeanOverSeeds() {
        XYChart chart = AccuracyBySettingChart.chart(Ranking.rank(List.of(result(run(0.1, 64, 1, 10000, 0.84)),
                result(run(0.1, 64, 2, 10000, 0.82)))));
        assertEquals("learning rate", chart.getXAxisTitle());
        assertEquals("validation accuracy (mean over seeds)", chart.getYAxisTitle());
        XYSeries line = legend(chart).get(0);
        assertArrayEquals(new double[] {0.83}, line.getYData(), 1e-9);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertTrue(Pixels.count(image, line.getMarkerColor(), 40, image.getWidth() / 4, 0, image.getWidth() / 2,
                image.getHeight()) > 5, "drawn in the middle of the plot");
        // its tick is labelled below it (the labels drawn in magenta to be found)
        chart.getStyler().setAxisTickLabelsColor(Color.MAGENTA);
        BufferedImage ticks = BitmapEncoder.getBufferedImage(chart);
        assertTrue(Pixels.count(ticks, Color.MAGENTA, 60, image.getWidth() / 4, image.getHeight() * 3 / 4,
                image.getWidth() / 2, image.getHeight()) > 5, "its tick is labelled");
    }

    // a finished (or diverged) setting of one seed: its settings and its validation accuracy
    private static RunResult result(Map<String, Object> settings, boolean diverged, double accuracy) {
        return new RunResult(String.valueOf(settings), settings, 1, diverged ? RunStatus.DIVERGED : RunStatus.FINISHED,
                1, accuracy, 0.5, Double.NaN, 1.0);
    }

    private static Map<String, Object> settings(Object... keysAndValues) {
        // in the order a run records them
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("learning_rate", 0.1);
        settings.put("batch_size", 256);
        settings.put("epochs", 2);
        settings.put("momentum", 0.0);
        settings.put("lr_schedule", "constant");
        settings.put("validation", 10000);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    @Test
    void aSweepOfAnotherSettingIsDrawnAgainstThatSettingItsValuesOnTheAxis() {
        List<Ranking.Entry> byMomentum = Ranking.rank(List.of(result(settings("momentum", 0.5), false, 0.83),
                result(settings("momentum", 0.0), false, 0.81), result(settings("momentum", 0.9), false, 0.85)));
        XYChart chart = AccuracyBySettingChart.chart(byMomentum);
        assertEquals("momentum", chart.getXAxisTitle());
        assertEquals("Validation accuracy against the momentum", chart.getTitle());
        assertEquals("validation accuracy", chart.getYAxisTitle(), "one seed: a plain accuracy, no mean");
        assertEquals(List.of("val acc"), legend(chart).stream().map(XYSeries::getName).toList(),
                "no learning rate or batch size named: they do not vary");
        assertArrayEquals(new double[] {0, 1, 2}, legend(chart).get(0).getXData(), 1e-9);
        assertArrayEquals(new double[] {0.81, 0.83, 0.85}, legend(chart).get(0).getYData(), 1e-9);

        // a named setting: its names in their order on the axis, a line for each value of the other
        List<Ranking.Entry> bySchedule = new ArrayList<>();
        for (String schedule : new String[] {"step", "constant", "cosine"}) {
            for (int heldOut : new int[] {10000, 5000}) {
                bySchedule.add(Ranking.rank(List.of(result(settings("lr_schedule", schedule, "validation", heldOut),
                        false, 0.8 + heldOut / 100000.0 + schedule.length() / 1000.0))).get(0));
            }
        }
        XYChart schedules = AccuracyBySettingChart.chart(bySchedule);
        assertEquals("learning-rate schedule", schedules.getXAxisTitle());
        assertEquals(List.of("validation 5000", "validation 10000"), legend(schedules).stream()
                .map(XYSeries::getName).toList(), "the legend says a setting as the command line does");
        // constant, cosine, step: in the order of their names
        assertArrayEquals(new double[] {0.908, 0.906, 0.904}, legend(schedules).get(1).getYData(), 1e-9);
    }

    @Test
    void runsOfDifferentLengthsAtTheSameSettingsStayApart() {
        List<Ranking.Entry> ranking = Ranking.rank(List.of(result(settings("learning_rate", 0.1, "epochs", 1), false,
                0.77), result(settings("learning_rate", 0.1, "epochs", 10), false, 0.84),
                result(settings("learning_rate", 0.3, "epochs", 1), false, 0.75),
                result(settings("learning_rate", 0.3, "epochs", 10), false, 0.83)));
        XYChart chart = AccuracyBySettingChart.chart(ranking);
        assertEquals("learning rate", chart.getXAxisTitle());
        assertEquals(List.of("epochs 1", "epochs 10"), legend(chart).stream().map(XYSeries::getName).toList());
        assertArrayEquals(new double[] {0.77, 0.75}, legend(chart).get(0).getYData(), 1e-9);
        assertArrayEquals(new double[] {0.84, 0.83}, legend(chart).get(1).getYData(), 1e-9);

        // lengths alone: drawn against the epochs
        XYChart lengths = AccuracyBySettingChart.chart(Ranking.rank(List.of(
                result(settings("epochs", 1), false, 0.77), result(settings("epochs", 10), false, 0.84))));
        assertEquals("epochs", lengths.getXAxisTitle());
    }

    @Test
    void aDivergedSettingIsMarkedByACrossInTheColourOfItsLineBelowEveryAccuracy() {
        List<Ranking.Entry> ranking = Ranking.rank(List.of(result(settings("learning_rate", 0.1), false, 0.76),
                result(settings("learning_rate", 1e6), true, 0.75),
                result(settings("learning_rate", 0.3), false, 0.78)));
        XYChart chart = AccuracyBySettingChart.chart(ranking);
        assertEquals(List.of("val acc", "diverged (no accuracy)"), legend(chart).stream()
                .map(XYSeries::getName).toList());
        XYSeries crosses = legend(chart).get(1);
        assertEquals(SeriesMarkers.CROSS, crosses.getMarker());
        assertEquals(legend(chart).get(0).getLineColor(), crosses.getMarkerColor(), "in the colour of its line");
        assertArrayEquals(new double[] {2}, crosses.getXData(), 1e-9, "at the largest learning rate");
        assertTrue(Double.isNaN(crosses.getYData()[0]), "no accuracy: the series names the cross in the legend");
        // the cross on the x axis, below every accuracy, and the word "diverged" above it, low on the right
        Axis axis = marks(chart);
        assertTrue(axis.crosses().get(crosses.getMarkerColor()).getMinX() > axis.left() + (axis.right() - axis.left())
                * 3 / 4, "the cross at the largest learning rate");
        assertTrue(axis.word().getMinX() > axis.left() + (axis.right() - axis.left()) / 2, "the word on the right");
        String page = SweepPage.html("sweep", SweepPage.varying(ranking), ranking, null, List.of(), new byte[0], new byte[0]);
        assertTrue(page.contains("a cross on the x axis in the colour of its line, named so, marks a learning rate "
                + "whose run diverged"), page);
    }

    @Test
    void settingsThatDivergedAtOneValueEachHaveACrossInTheColourOfTheirLine() {
        List<RunResult> results = new ArrayList<>();
        for (double lr : new double[] {0.1, 1e6, 1e7}) {
            for (int batch : new int[] {64, 256}) {
                results.add(result(settings("learning_rate", lr, "batch_size", batch), lr > 1, 0.83 + batch / 1e5));
            }
        }
        XYChart chart = AccuracyBySettingChart.chart(Ranking.rank(results));
        List<XYSeries> legend = legend(chart);
        assertEquals(List.of("batch size 64", "batch size 256", "batch size 64: diverged", "batch size 256: diverged"),
                legend.stream().map(XYSeries::getName).toList());
        XYSeries small = legend.get(2);
        XYSeries large = legend.get(3);
        for (int line = 0; line < 2; line++) {
            XYSeries crosses = legend.get(2 + line);
            assertEquals(SeriesMarkers.CROSS, crosses.getMarker());
            assertEquals(legend.get(line).getLineColor(), crosses.getMarkerColor(), "in the colour of its line");
        }
        assertNotEquals(small.getMarkerColor(), large.getMarkerColor());
        for (int value = 0; value < 2; value++) {
            // at the learning rates 1e6 and 1e7 (places 1 and 2 on the axis), side by side
            double left = small.getXData()[value];
            double right = large.getXData()[value];
            assertTrue(left < right && Math.abs(left - (value + 1)) < 0.5 && Math.abs(right - (value + 1)) < 0.5,
                    left + " and " + right + " beside " + (value + 1));
        }
        // each line's crosses on the x axis at both rates, under "2 diverged" at each, inside the plot
        Axis axis = marks(chart);
        for (XYSeries crosses : List.of(small, large)) {
            Rectangle drawn = axis.crosses().get(crosses.getMarkerColor());
            assertTrue(drawn.getMinX() < axis.left() + (axis.right() - axis.left()) * 3 / 4
                    && drawn.getMaxX() > axis.left() + (axis.right() - axis.left()) * 9 / 10, crosses.getName()
                    + " drawn at 1e6 and 1e7: " + drawn);
        }
    }

    // where the diverged settings' marks are drawn: the x axis (its row, and the columns of its line, the
    // plot's left and right edges), the box of each colour's crosses and of the words over them
    private record Axis(int row, int left, int right, Map<Color, Rectangle> crosses, Rectangle word) {
    }

    // the diverged marks of a chart of accuracy against a setting, found in its picture, each checked to be
    // where it belongs: each colour's crosses centred on the x axis, the words above it and inside the plot
    private static Axis marks(XYChart chart) {
        // the axis line magenta, the words cyan, no legend (it has crosses too) and no accuracies drawn
        chart.getStyler().setXAxisTickMarksColor(Color.MAGENTA);
        chart.getStyler().setAnnotationTextFontColor(Color.CYAN);
        chart.getStyler().setLegendVisible(false);
        List<XYSeries> series = legend(chart);
        series.stream().filter(line -> line.getMarker() != SeriesMarkers.CROSS).forEach(line -> line.setEnabled(false));
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        int row = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            if (Pixels.count(image, Color.MAGENTA, 0, 0, y, image.getWidth(), y + 1)
                    > Pixels.count(image, Color.MAGENTA, 0, 0, row, image.getWidth(), row + 1)) {
                row = y;
            }
        }
        int left = 0;
        while (Pixels.count(image, Color.MAGENTA, 0, left, row, left + 1, row + 1) == 0) {
            left++;
        }
        int right = image.getWidth() - 1;
        while (Pixels.count(image, Color.MAGENTA, 0, right, row, right + 1, row + 1) == 0) {
            right--;
        }
        assertTrue(right - left > image.getWidth() / 3, "the x axis is a line across the plot, row " + row);
        Rectangle word = near(image, Color.CYAN, 60);
        assertTrue(word.getHeight() >= 6, "the word over the crosses is drawn: " + word);
        assertTrue(word.getMinX() >= left && word.getMaxX() <= right + 1, "the words inside the plot, between x "
                + left + " and " + right + ": " + word);
        assertTrue(word.getMaxY() < row - 3, "the word above the crosses: " + word + ", the axis at row " + row);
        Map<Color, Rectangle> crosses = new LinkedHashMap<>();
        for (XYSeries line : series) {
            if (line.getMarker() == SeriesMarkers.CROSS) {
                Rectangle box = near(image, line.getMarkerColor(), 30);
                assertTrue(!box.isEmpty(), line.getName() + ": its crosses are drawn");
                assertEquals(row, box.getCenterY(), 1.0, line.getName() + ": crosses centred on the x axis, row " + row
                        + ", not above it: " + box);
                crosses.put(line.getMarkerColor(), box);
            }
        }
        return new Axis(row, left, right, crosses, word);
    }

    // the smallest box holding every pixel within tolerance of the colour; empty if there is none
    private static Rectangle near(BufferedImage image, Color colour, int tolerance) {
        Rectangle box = new Rectangle();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (Pixels.count(image, colour, tolerance, x, y, x + 1, y + 1) > 0) {
                    box = box.isEmpty() ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return box;
    }

    @Test
    void everySettingDivergedCrossesOnTheAxisAndWordsInsideThePlotAtBothEnds() {
        XYChart chart = AccuracyBySettingChart.chart(Ranking.rank(List.of(
                result(settings("learning_rate", 1e6), true, 0.1), result(settings("learning_rate", 1e8), true, 0.1))));
        Axis axis = marks(chart);
        Rectangle crosses = axis.crosses().values().iterator().next();
        assertTrue(crosses.getMinX() < axis.left() + 30 && crosses.getMaxX() > axis.right() - 30,
                "crosses at both ends of the axis: " + crosses + ", the axis from " + axis.left() + " to "
                        + axis.right());
        assertTrue(axis.word().getMinX() < axis.left() + 30 && axis.word().getMaxX() > axis.right() - 30,
                "a word over each end's cross, inside the plot: " + axis.word());
    }

    // the rows of the picture in which the y axis's tick labels (drawn magenta) are, in groups: one a label
    private static int yTickLabels(XYChart chart) {
        chart.getStyler().setYAxisTickLabelsColor(Color.MAGENTA);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        int labels = 0;
        boolean inLabel = false;
        for (int y = 0; y < image.getHeight(); y++) {
            boolean found = Pixels.count(image, Color.MAGENTA, 90, 0, y, image.getWidth() / 4, y + 1) > 0;
            labels += found && !inLabel ? 1 : 0;
            inLabel = found;
        }
        return labels;
    }

    @Test
    void chartsOfOneOrTwoEpochsHaveAnAccuracyScaleOfAtLeastFourTicks() {
        // two settings: two accuracies, which XChart alone would label and nothing else
        RunResult slow = result(run(0.1, 64, 1, 10000, 0.810));
        RunResult fast = result(run(0.3, 64, 1, 10000, 0.807));
        int twoValues = yTickLabels(AccuracyBySettingChart.chart(Ranking.rank(List.of(slow, fast))));
        assertTrue(twoValues >= 4, twoValues + " ticks for two settings");
        int oneValue = yTickLabels(AccuracyBySettingChart.chart(Ranking.rank(List.of(slow))));
        assertTrue(oneValue >= 4, oneValue + " ticks for one setting");
        // the curves of one run of two epochs, and of one run of one epoch
        RunFolder run = run(0.1, 256, 1, 10000, 0.81);
        int twoEpochs = yTickLabels(SweepCurvesChart.chart(List.of(run)));
        assertTrue(twoEpochs >= 4, twoEpochs + " ticks for two epochs");
        RunFolder oneEpoch = new RunFolder(run.dir(), run.name(), new RunMetrics(RunStatus.FINISHED,
                run.metrics().config(), run.metrics().epochs().subList(1, 2), null));
        int oneEpochTicks = yTickLabels(SweepCurvesChart.chart(List.of(oneEpoch)));
        assertTrue(oneEpochTicks >= 4, oneEpochTicks + " ticks for one epoch");
    }

    @Test
    void aSweepWhoseEverySettingDivergedHasNoAccuracyScale() {
        XYChart chart = AccuracyBySettingChart.chart(Ranking.rank(List.of(
                result(settings("batch_size", 64), true, 0.1), result(settings("batch_size", 256), true, 0.1))));
        assertEquals(List.of("diverged (no accuracy)"), legend(chart).stream().map(XYSeries::getName).toList());
        assertEquals(0, yTickLabels(chart), "no accuracy to read");
        assertTrue(!chart.getStyler().isPlotGridHorizontalLinesVisible(), "no grid of a scale that is not there");
    }

    @Test
    void copiesOfOneRunInFoldersOfOneNameAreEachNamedByTheirFolderAndBothShow() {
        RunFolder original = run(0.1, 256, 1, 10000, 0.81);
        RunFolder first = new RunFolder(Path.of("/work/a/run"), "run", original.metrics());
        RunFolder second = new RunFolder(Path.of("/work/b/run"), "run", original.metrics());
        XYChart chart = SweepCurvesChart.chart(List.of(first, second));
        List<XYSeries> series = legend(chart);
        assertEquals(List.of("a/run", "b/run"), series.stream().map(XYSeries::getName).toList(),
                "each named by as much of its folder as tells them apart");
        assertNotEquals(series.get(0).getLineColor(), series.get(1).getLineColor());
        assertNotEquals(dashes(series.get(0)), dashes(series.get(1)), "the line on top is dashed, so the other shows");
        chart.getStyler().setLegendVisible(false);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        for (XYSeries line : series) {
            assertTrue(Pixels.count(image, line.getLineColor(), 30, 0, 0, image.getWidth(), image.getHeight()) > 40,
                    line.getName() + " shows");
        }
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
        XYChart chart = AccuracyBySettingChart.chart(ranking);
        assertEquals("batch size", VaryingSettings.xSetting(ranking));
        assertEquals("batch size", chart.getXAxisTitle());
        assertEquals("Validation accuracy against the batch size", chart.getTitle());
        assertEquals(List.of("val acc"), legend(chart).stream().map(XYSeries::getName).toList());
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
        String page = SweepPage.html("sweep", SweepPage.varying(ranking), ranking, null, List.of(), new byte[0], new byte[0]);
        assertTrue(page.contains("<h2>Validation accuracy against the batch size</h2>"), page);
    }

    @Test
    void aRunOfOneEpochIsAPointOnTheCurves() {
        RunFolder one = run(0.1, 256, 1, 10000, 0.76);
        RunFolder oneEpoch = new RunFolder(one.dir(), one.name(), new RunMetrics(RunStatus.FINISHED,
                one.metrics().config(), one.metrics().epochs().subList(1, 2), null));
        XYChart chart = SweepCurvesChart.chart(List.of(oneEpoch));
        XYSeries line = legend(chart).get(0);
        assertEquals(SeriesMarkers.CIRCLE, line.getMarker(), "a marker shows the one point");
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertTrue(Pixels.count(image, line.getLineColor(), 40, 0, 0, image.getWidth() * 3 / 4, image.getHeight())
                > 5, "the point is drawn");
    }

    // the run of run(...) in a folder of this name
    private static RunFolder inFolder(RunFolder run, String folder) {
        return new RunFolder(Path.of(folder), folder, run.metrics());
    }

    // the width of the plot, its background drawn in magenta to be found: the most magenta in a row
    private static int plotWidth(XYChart chart) {
        chart.getStyler().setPlotBackgroundColor(Color.MAGENTA);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        int widest = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            widest = Math.max(widest, Pixels.count(image, Color.MAGENTA, 0, 0, y, image.getWidth(), y + 1));
        }
        return widest;
    }

    @Test
    void longRunNamesGoBelowThePlotWhichKeepsItsWidthInAPictureAPageShowsWhole() {
        RunFolder run = run(0.1, 256, 42, 0, 0.81);
        XYChart chart = SweepCurvesChart.chart(List.of(inFolder(run, "p"),
                inFolder(run, "a-rather-long-run-name-for-the-legend-of-the-chart-of-this-comparison")));
        assertEquals(List.of("p", "a-rather-long-run-name-for-the-legend-of-the-chart-of-this-comparison"),
                legend(chart).stream().map(XYSeries::getName).toList(), "copies named by their folders alone");
        assertTrue(chart.getWidth() <= 900, "no wider than a page shows it unscaled: " + chart.getWidth());
        assertTrue(plotWidth(chart) >= 480, "the plot keeps its width: " + plotWidth(chart));
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        assertTrue(image.getHeight() > 450, "taller, for the legend below: " + image.getHeight());

        // short names stay on the right, as they were
        XYChart brief = SweepCurvesChart.chart(List.of(inFolder(run, "p"), inFolder(run, "q")));
        assertEquals(720, brief.getWidth());
        assertEquals(450, brief.getHeight());
    }

    @Test
    void copiesOfARunBesideRunsOfTheOtherKindOfAccuracyAreNamedByTheirFolderBeforeTheirKind() {
        RunFolder run = run(0.1, 256, 42, 0, 0.81);
        XYChart chart = SweepCurvesChart.chart(List.of(inFolder(run, "p"), inFolder(run, "q"),
                run(0.1, 256, 1, 10000, 0.83)));
        assertEquals(List.of("validation none, seed 42 (p): test acc", "validation none, seed 42 (q): test acc",
                "validation 10000, seed 1: val acc"), legend(chart).stream().map(XYSeries::getName).toList());
    }

    @Test
    void aRunNameLongerThanTheChartIsWideIsWrappedOntoLinesOfTheLegend() {
        RunFolder run = run(0.1, 256, 42, 0, 0.81);
        String folder = "x".repeat(150) + " and-" + "y".repeat(60);
        XYChart chart = SweepCurvesChart.chart(List.of(inFolder(run, "p"), inFolder(run, folder)));
        assertTrue(chart.getWidth() <= 900, "no wider than a page shows it unscaled: " + chart.getWidth());
        assertTrue(plotWidth(chart) >= 480, "the plot keeps its width: " + plotWidth(chart));
        String name = legend(chart).stream().map(XYSeries::getName).filter(entry -> entry.contains("xxx")).findFirst()
                .orElseThrow();
        assertTrue(name.lines().count() >= 3, "on several lines: " + name);
        // broken at its space, and within the long word, all of it kept
        assertEquals(folder, name.replace("\nand-", " and-").replace("\n", ""), name);
        for (String line : name.split("\n")) {
            assertTrue(line.length() < 110, "each line fits the chart's width: " + line);
        }
    }

    @Test
    void aWrappedLegendBelowThePlotStaysInsideThePictureWithAMargin() {
        RunFolder run = run(0.1, 256, 42, 0, 0.81);
        String folder = "this-is-an-extremely-long-folder-name-that-a-user-might-give-when-naming-experiments-v";
        XYChart chart = SweepCurvesChart.chart(List.of(inFolder(run, folder + 1), inFolder(run, folder + 2),
                run(0.1, 256, 42, 5000, 0.82)));
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        int background = image.getRGB(image.getWidth() - 1, 0);
        // the legend's rows, below the plot: nothing of its box or text in the picture's last 4 columns
        for (int y = image.getHeight() / 2; y < image.getHeight(); y++) {
            for (int x = image.getWidth() - 4; x < image.getWidth(); x++) {
                assertEquals(background, image.getRGB(x, y), "the legend reaches the right edge at " + x + ", " + y);
            }
        }
    }

    @Test
    void theLegendNamesALearningRateAsItIsTyped() {
        List<RunFolder> runs = List.of(run(1.0, 64, 1, 10000, 0.84), run(0.0001, 64, 1, 10000, 0.83));
        assertEquals(List.of("lr 0.0001", "lr 1"), legend(SweepCurvesChart.chart(runs)).stream()
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
        XYChart chart = SweepCurvesChart.chart(runs);
        Set<List<Object>> looks = new HashSet<>();
        for (XYSeries line : legend(chart)) {
            looks.add(List.of(line.getLineColor(), dashes(line), line.getMarker().getClass()));
        }
        assertEquals(24, looks.size(), "24 runs, 24 looks");
        assertTrue(chart.getHeight() >= 24 * 20, "height " + chart.getHeight() + " for 24 legend entries");
    }
}

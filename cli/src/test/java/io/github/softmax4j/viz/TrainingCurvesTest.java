package io.github.softmax4j.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.train.EpochStats;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.junit.jupiter.api.Test;

class TrainingCurvesTest {
    private static final List<EpochStats> HISTORY = List.of(EpochStats.tested(1, 0.1f, 0.79, 0.75, 0.77, 0.1),
            EpochStats.tested(2, 0.1f, 0.57, 0.81, 0.81, 0.1), EpochStats.tested(3, 0.1f, 0.53, 0.83, 0.81, 0.1));

    @Test
    void drawsThreeColouredLinesOnAWhiteChart() {
        BufferedImage image = TrainingCurves.render(HISTORY);
        assertEquals(720, image.getWidth());
        assertEquals(450, image.getHeight());
        assertTrue(Pixels.count(image, Palette.TRAIN_LOSS, 10) > 100, "train loss line");
        assertTrue(Pixels.count(image, Palette.TRAIN_ACC, 10) > 100, "train acc line");
        assertTrue(Pixels.count(image, Palette.TEST_ACC, 10) > 100, "test acc line");
    }

    @Test
    void aRunOfOneEpochIsDrawnInTheMiddleOfItsAxis() throws IOException {
        List<EpochStats> one = List.of(EpochStats.tested(1, 0.1f, 0.79, 0.75, 0.77, 0.1));
        BufferedImage image = TrainingCurves.render(one);
        int width = image.getWidth();
        assertTrue(Pixels.count(image, Palette.TRAIN_LOSS, 10, width * 2 / 5, 0, width * 3 / 5, image.getHeight()) > 20,
                "the epoch's points are drawn in the middle");
        assertEquals(0, Pixels.count(image, Palette.TRAIN_LOSS, 10, 0, 0, width / 4, image.getHeight()),
                "nothing on the left edge");
        var chart = TrainingCurves.chart(one);
        assertEquals(0.0, chart.getStyler().getXAxisMin(), 1e-9);
        assertEquals(2.0, chart.getStyler().getXAxisMax(), 1e-9);
        // its tick is labelled, in the middle third (the loss and accuracy axes' labels are at the edges);
        // the labels are drawn in magenta to be found
        chart.getStyler().setAxisTickLabelsColor(Color.MAGENTA);
        BufferedImage ticks = BitmapEncoder.getBufferedImage(chart);
        assertTrue(Pixels.count(ticks, Color.MAGENTA, 60, width / 3, 0, width * 2 / 3, image.getHeight()) > 5,
                "the epoch's tick is labelled");
        assertTrue(TrainingCurves.svg(one).contains("<desc>train loss, train acc and test acc at epoch 1; "),
                "the description has no range of one epoch");
    }

    private static List<EpochStats> validated(double... valAccuracies) {
        List<EpochStats> history = new ArrayList<>();
        for (int e = 1; e <= valAccuracies.length; e++) {
            history.add(new EpochStats(e, 0.1f, 0.8 - 0.05 * e, 0.75 + 0.02 * e, 0.7 - 0.04 * e, valAccuracies[e - 1],
                    Double.NaN, 0.1));
        }
        return history;
    }

    @Test
    void aRunWithValidationMarksTheEpochItKeepsWithALabelledLine() throws IOException {
        // the best validation accuracy at epoch 2, tied at epoch 3: the run keeps the earlier
        List<EpochStats> history = validated(0.78, 0.84, 0.84, 0.83, 0.82);
        var chart = TrainingCurves.chart(history);
        assertEquals(List.of("train loss", "train acc", "val loss", "val acc", "kept: epoch 2"),
                chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName)
                        .toList());
        int[] atTwo = keptColumn(TrainingCurves.render(history));
        assertTrue(atTwo[1] > 150, "a vertical line of the kept epoch's colour: " + atTwo[1] + " pixels in a column");
        int[] atFour = keptColumn(TrainingCurves.render(validated(0.78, 0.80, 0.81, 0.84, 0.82)));
        assertTrue(atFour[0] > atTwo[0] + 200, "the line moves with the kept epoch, from x " + atTwo[0] + " to "
                + atFour[0]);
        assertTrue(TrainingCurves.svg(history).contains("; kept: epoch 2, the best val acc, 0.8400</desc>"),
                "the description names the kept epoch");
    }

    @Test
    void theKeptEpochsLineRunsClearOfTheLegendFromTopToBottom() {
        // kept at epoch 8, and at the last epoch, where the line runs up the right edge of the plot
        for (int keptEpoch : new int[] {8, 10}) {
            double[] accuracies = new double[10];
            for (int e = 1; e <= 10; e++) {
                accuracies[e - 1] = 0.87 - 0.01 * Math.abs(e - keptEpoch);
            }
            var chart = TrainingCurves.chart(validated(accuracies));
            // the line drawn magenta and the legend's box cyan, to be found
            chart.getSeriesMap().get("kept: epoch " + keptEpoch).setLineColor(Color.MAGENTA);
            chart.getStyler().setLegendBorderColor(Color.CYAN);
            BufferedImage image = BitmapEncoder.getBufferedImage(chart);
            int left = image.getWidth();
            int top = image.getHeight();
            int right = -1;
            int bottom = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (Pixels.count(image, Color.CYAN, 30, x, y, x + 1, y + 1) > 0) {
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                    }
                }
            }
            assertTrue(right > left && bottom > top, "the legend's box is drawn");
            int rows = 0;
            for (int y = top; y <= bottom; y++) {
                rows += Pixels.count(image, Color.MAGENTA, 60, left - 3, y, right + 4, y + 1) > 0 ? 1 : 0;
            }
            // the legend's own short dashed sample of the line is one or two rows high
            assertTrue(rows <= 3, "kept at epoch " + keptEpoch + ": the line is in " + rows
                    + " rows of the legend's box or beside it");
            int[] column = keptColumnOf(image, Color.MAGENTA);
            int low = Pixels.count(image, Color.MAGENTA, 60, column[0] - 1, image.getHeight() * 3 / 5, column[0] + 2,
                    image.getHeight() * 4 / 5);
            assertTrue(low > 20, "kept at epoch " + keptEpoch + ": the line runs down to the axis, hidden nowhere ("
                    + low + " pixels in its lower part)");
        }
    }

    @Test
    void theKeptEpochsLineRunsThePlotsFullHeight() {
        var chart = TrainingCurves.chart(validated(0.78, 0.80, 0.84, 0.83, 0.82, 0.81, 0.80, 0.80, 0.79, 0.79));
        // the line drawn magenta and the plot's background yellow, to be found
        chart.getSeriesMap().get("kept: epoch 3").setLineColor(Color.MAGENTA);
        chart.getStyler().setPlotBackgroundColor(Color.YELLOW);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        Rectangle plot = Pixels.box(image, Color.YELLOW);
        int column = keptColumnOf(image, Color.MAGENTA)[0];
        int top = 0;
        while (Pixels.count(image, Color.MAGENTA, 60, column, top, column + 1, top + 1) == 0) {
            top++;
        }
        int bottom = image.getHeight() - 1;
        while (Pixels.count(image, Color.MAGENTA, 60, column, bottom, column + 1, bottom + 1) == 0) {
            bottom--;
        }
        // a dash is 6 pixels and a gap 4, so an end may fall in a gap
        assertTrue(top <= plot.y + 4 && bottom >= plot.y + plot.height - 5, "the line from row " + top + " to "
                + bottom + ", the plot from row " + plot.y + " to " + (plot.y + plot.height - 1));
        assertTrue(top >= plot.y && bottom < plot.y + plot.height, "the line stays within the plot");
    }

    @Test
    void aRunWithoutValidationMarksNoEpoch() throws IOException {
        int[] column = keptColumn(TrainingCurves.render(HISTORY));
        assertTrue(column[1] < 40, "no vertical line: " + column[1] + " pixels of its colour in column " + column[0]);
        assertFalse(TrainingCurves.svg(HISTORY).contains("kept"));
    }

    // the column holding the most pixels of the kept epoch's line colour, and how many it holds
    private static int[] keptColumn(BufferedImage image) {
        return keptColumnOf(image, Palette.KEPT);
    }

    // the column holding the most pixels of the colour, and how many it holds
    private static int[] keptColumnOf(BufferedImage image, Color colour) {
        int[] best = {0, 0};
        for (int x = 0; x < image.getWidth(); x++) {
            int count = Pixels.count(image, colour, 20, x, 0, x + 1, image.getHeight());
            if (count > best[1]) {
                best = new int[] {x, count};
            }
        }
        return best;
    }

    @Test
    void svgIsADrawingWithATitleAndADescriptionOfTheLines() throws IOException {
        String svg = TrainingCurves.svg(HISTORY);
        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg") && svg.trim().endsWith("</svg>"));
        assertTrue(svg.contains("<title>Training curves</title>"), "title");
        assertTrue(svg.contains("<desc>train loss, train acc and test acc against the epoch, 1 to 3; after the last "
                + "epoch: train loss 0.5300, train acc 0.8300, test acc 0.8100</desc>"), "description");
        assertTrue(svg.split("<path").length > 10, "the lines, markers and lettering are drawn as paths");
    }

    @Test
    void titlesTheAxesAndNamesTheLines() {
        var chart = TrainingCurves.chart(HISTORY);
        assertEquals("Training curves", chart.getTitle());
        assertEquals("epoch", chart.getXAxisTitle());
        assertEquals("loss", chart.getYAxisGroupTitle(0));
        assertEquals("accuracy", chart.getYAxisGroupTitle(1));
        assertEquals(List.of("train loss", "train acc", "test acc"), chart.getSeriesMap().values().stream()
                .filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList());
    }

    @Test
    void accuraciesKeepTheirOwnScaleWhenTheLossExplodes() {
        List<EpochStats> diverging = List.of(EpochStats.tested(1, 5f, 0.9, 0.7, 0.5, 0.1),
                EpochStats.tested(2, 5f, 180, 0.6, 0.4, 0.1));
        var chart = TrainingCurves.chart(diverging);
        assertEquals(180.0, chart.getStyler().getYAxisMax(0), 1e-9);
        assertEquals(1.0, chart.getStyler().getYAxisMax(1), 1e-9);
        BufferedImage image = TrainingCurves.render(diverging);
        // the train accuracy line (0.7 to 0.6 of the right axis) runs in the upper half of the picture,
        // not along the bottom as it did on the loss's scale
        int w = image.getWidth();
        int h = image.getHeight();
        int upper = Pixels.count(image, Palette.TRAIN_ACC, 10, 0, 0, w, h / 2);
        int lower = Pixels.count(image, Palette.TRAIN_ACC, 10, 0, h / 2, w, h);
        assertTrue(upper > 2 * lower, "train acc pixels: " + upper + " in the upper half, " + lower + " below");
    }

    @Test
    void aLongRunGetsRoundEpochTicksFromAnInvisibleUnevenPoint() {
        List<EpochStats> long200 = new ArrayList<>();
        for (int e = 1; e <= 200; e++) {
            long200.add(EpochStats.tested(e, 0.1f, 0.5, 0.8, 0.8, 0.1));
        }
        XYSeries round = TrainingCurves.chart(long200).getSeriesMap().get(TrainingCurves.ROUND_TICKS);
        assertFalse(round.isShowInLegend());
        assertEquals(SeriesMarkers.NONE, round.getMarker());
        double[] x = round.getXData();
        assertEquals(2, x.length);
        assertEquals(0.5, x[1] - x[0], 1e-9, "not spaced like the epochs, so XChart does not tick every k-th epoch");
    }

    @Test
    void aLossAboveOneWidensTheAxisInsteadOfLeavingTheChart() {
        var chart = TrainingCurves.chart(List.of(EpochStats.tested(1, 0.1f, 2.34, 0.3, 0.35, 0.1)));
        assertEquals(2.4, chart.getStyler().getYAxisMax(0), 1e-9);
    }
}

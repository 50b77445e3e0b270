package io.github.softmax4j.viz;

import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The accuracy axis of the sweep charts: a margin around the accuracies drawn and a scale of round ticks. */
final class AccuracyAxis {
    private AccuracyAxis() {
    }

    /**
     * Fixes the accuracy axis of {@code chart} around {@code accuracies}: from {@code marginsBelow}
     * margins below the lowest to one above the highest, a margin being an eighth of their range and
     * at least 0.005, so that one accuracy, or two close ones, still stand on a scale. XChart labels
     * an axis only at its values when they are evenly spaced (one value, or two: a run of one or two
     * epochs, a sweep of two settings), so a series that draws nothing, at {@code x}, spans it
     * unevenly and the axis gets round ticks.
     */
    static void fix(XYChart chart, double[] accuracies, double x, int marginsBelow) {
        double low = Arrays.stream(accuracies).min().orElse(0.5);
        double high = Arrays.stream(accuracies).max().orElse(0.5);
        double margin = Math.max(0.005, (high - low) / 8);
        double bottom = low - marginsBelow * margin;
        double top = high + margin;
        chart.getStyler().setYAxisMin(bottom);
        chart.getStyler().setYAxisMax(top);
        // its name differs from every line's, which may be any run folder's
        String name = "y axis";
        while (chart.getSeriesMap().containsKey(name)) {
            name += " ";
        }
        XYSeries span = chart.addSeries(name, new double[] {x, x, x},
                new double[] {bottom, bottom + 0.382 * (top - bottom), top});
        span.setMarker(SeriesMarkers.NONE);
        span.setLineStyle(SeriesLines.NONE);
        span.setShowInLegend(false);
    }
}

package io.github.softmax4j.viz;

import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.train.EpochStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The two charts of a sweep: every run's validation accuracy against the epoch, coloured by one
 * setting, and the book's exercise, the best validation accuracy against the learning rate with
 * one line per batch size. Runs that held out no validation set are drawn by their test accuracy
 * instead, when no run has a validation split.
 */
public final class SweepCharts {
    private static final Color[] COLORS = {new Color(0x1F, 0x77, 0xB4), new Color(0xFF, 0x7F, 0x0E),
            new Color(0x2C, 0xA0, 0x2C), new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD),
            new Color(0x8C, 0x56, 0x4B), new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F)};

    private SweepCharts() {
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = Palette.lineChart(title, xTitle, yTitle);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    /**
     * Validation accuracy (or test accuracy, when {@code onTest}) against the epoch for every run,
     * coloured by the setting {@code colourBy} (a snake_case name such as learning_rate); one legend
     * entry per value.
     */
    public static BufferedImage curves(List<RunFolder> runs, String colourBy, boolean onTest) {
        String measure = onTest ? "test accuracy" : "validation accuracy";
        XYChart chart = chart(capitalized(measure) + " of every run, coloured by " + colourBy.replace('_', ' '),
                "epoch", measure);
        chart.getStyler().setXAxisDecimalPattern("0");
        // outside the plot: inside, the box hides the curves that fall late in a run
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Map<String, Color> colours = new LinkedHashMap<>();
        for (RunFolder run : runs) {
            List<EpochStats> epochs = run.metrics().epochs().stream()
                    .filter(epoch -> onTest ? !Double.isNaN(epoch.testAccuracy()) : epoch.validated()).toList();
            if (epochs.isEmpty()) {
                continue;
            }
            String value = String.valueOf(run.metrics().config().get(colourBy));
            boolean first = !colours.containsKey(value);
            Color colour = colours.computeIfAbsent(value, v -> COLORS[colours.size() % COLORS.length]);
            XYSeries series = chart.addSeries(run.name(), epochs.stream().mapToDouble(EpochStats::epoch).toArray(),
                    epochs.stream().mapToDouble(onTest ? EpochStats::testAccuracy : EpochStats::valAccuracy).toArray());
            series.setLineColor(colour);
            series.setMarkerColor(colour);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(new BasicStroke(1.5f));
            series.setShowInLegend(first);
            if (first) {
                series.setLabel(colourBy.replace('_', ' ') + " " + value);
            }
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * The best mean validation accuracy (or test accuracy of runs without a validation split, when
     * {@code onTest}) over seeds, and over any other setting that varies, against the learning rate,
     * one line per batch size. The rates tried are spaced evenly and
     * each is labelled: a sweep's rates are usually spaced by a factor, so this is a log scale
     * whose every tick is a rate that was tried.
     */
    public static BufferedImage accuracyByLearningRate(List<Ranking.Entry> ranking, boolean onTest) {
        Map<Integer, TreeMap<Double, Double>> lines = new TreeMap<>();
        TreeSet<Double> rates = new TreeSet<>();
        for (Ranking.Entry entry : ranking) {
            if (entry.diverged() || entry.validated() == onTest) {
                continue;
            }
            double lr = ((Number) entry.settings().get("learning_rate")).doubleValue();
            int batch = ((Number) entry.settings().get("batch_size")).intValue();
            rates.add(lr);
            lines.computeIfAbsent(batch, b -> new TreeMap<>()).merge(lr, entry.mean(), Math::max);
        }
        List<Double> positions = new ArrayList<>(rates);
        String measure = onTest ? "test accuracy" : "validation accuracy";
        XYChart chart = chart("Best " + measure + " against the learning rate", "learning rate",
                measure + " (mean over seeds)");
        chart.getStyler().setYAxisDecimalPattern("0.000");
        // outside the plot: inside, the box hides the points of the largest rates, often the lowest
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) Math.max(1, positions.size() - 1));
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long index = Math.round(x);
            // a blank tick is a space: XChart cannot measure an empty label
            return Math.abs(x - index) < 1e-6 && index >= 0 && index < positions.size()
                    ? BigDecimal.valueOf(positions.get((int) index)).stripTrailingZeros().toPlainString() : " ";
        });
        int colour = 0;
        for (Map.Entry<Integer, TreeMap<Double, Double>> line : lines.entrySet()) {
            Color lineColour = COLORS[colour++ % COLORS.length];
            List<Double> x = new ArrayList<>();
            for (double lr : line.getValue().keySet()) {
                x.add((double) positions.indexOf(lr));
            }
            XYSeries series = chart.addSeries("batch size " + line.getKey(), x,
                    new ArrayList<>(line.getValue().values()));
            series.setLineColor(lineColour);
            series.setMarkerColor(lineColour);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(new BasicStroke(2f));
        }
        if (lines.isEmpty()) {
            XYSeries series = chart.addSeries("no finished runs", new double[] {0}, new double[] {0});
            series.setEnabled(false);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

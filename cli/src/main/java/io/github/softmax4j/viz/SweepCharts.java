package io.github.softmax4j.viz;

import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.SettingText;
import io.github.softmax4j.train.TrainConfig;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The two charts of a sweep or a comparison: every run's accuracy against the epoch, and the
 * book's exercise, the best accuracy against the learning rate with one line per batch size (or
 * against the batch size, when the runs share one learning rate). A run
 * with a validation split is drawn by its validation accuracy, one without by its test accuracy;
 * when both kinds are shown, the legend says which is which.
 */
public final class SweepCharts {
    private static final Color[] COLORS = {new Color(0x1F, 0x77, 0xB4), new Color(0xFF, 0x7F, 0x0E),
            new Color(0x2C, 0xA0, 0x2C), new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD),
            new Color(0x8C, 0x56, 0x4B), new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F),
            new Color(0xBC, 0xBD, 0x22), new Color(0x17, 0xBE, 0xCF)};
    private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {8f, 3f, 2f, 3f}};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
            SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
    // numbers in numeric order, other values (schedules, pixel scalings) by their text
    private static final Comparator<Object> VALUES = (a, b) -> a instanceof Number x && b instanceof Number y
            ? Double.compare(x.doubleValue(), y.doubleValue()) : String.valueOf(a).compareTo(String.valueOf(b));

    private SweepCharts() {
    }

    // how a run's line is drawn: places in COLORS, DASHES and MARKERS (-1: no marker)
    private record Look(int colour, int dash, int marker) {
    }

    // a legend outside the plot, on the right, of these entries: the chart grows to keep the plot
    // about 480 pixels wide and to give each entry about 22 pixels of height
    private static XYChart chart(String title, String xTitle, String yTitle, List<String> entries) {
        Font legend = Palette.font(Font.PLAIN, 12);
        FontRenderContext measured = new FontRenderContext(null, true, true);
        int longest = (int) entries.stream().mapToDouble(entry -> legend.getStringBounds(entry, measured).getWidth())
                .max().orElse(0);
        XYChart chart = Palette.lineChart(title, xTitle, yTitle, Math.max(720, 600 + longest),
                Math.max(450, 120 + 22 * entries.size()));
        chart.getStyler().setMarkerSize(5);
        // outside the plot: inside, the box hides the curves that fall late in a run, or the points of
        // the largest rates, often the lowest
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    /** The accuracy drawn for runs some of which are {@code validated} and some {@code tested}. */
    private static String measure(boolean validated, boolean tested) {
        return validated && tested ? "validation or test accuracy" : tested ? "test accuracy" : "validation accuracy";
    }

    /**
     * Every run's accuracy against the epoch: its validation accuracy, or its test accuracy if it
     * held out no validation set. Runs are told apart by the settings in which they differ: the
     * colour shows the first, the dash the second, the marker the seed (or else a third), unless
     * that would draw two runs alike, when every run gets a look of its own; the legend names each
     * run by those settings, and by the accuracy drawn when both kinds are shown.
     */
    public static XYChart curvesChart(List<RunFolder> runs) {
        List<RunFolder> withEpochs = runs.stream().filter(run -> !run.metrics().epochs().isEmpty()).toList();
        List<String> keys = differing(withEpochs);
        List<List<Object>> values = new ArrayList<>();
        for (String key : keys) {
            TreeSet<Object> distinct = new TreeSet<>(VALUES);
            withEpochs.forEach(run -> distinct.add(run.metrics().config().get(key)));
            values.add(new ArrayList<>(distinct));
        }
        // in the order of their settings' values, so the legend reads as a table
        Comparator<RunFolder> bySettings = (a, b) -> 0;
        for (int k = 0; k < keys.size(); k++) {
            int index = k;
            bySettings = bySettings.thenComparingInt(run -> place(values, keys, run, index));
        }
        List<RunFolder> drawn = withEpochs.stream().sorted(bySettings).toList();
        boolean validated = drawn.stream().anyMatch(SweepCharts::validated);
        boolean tested = drawn.stream().anyMatch(run -> !validated(run));
        String measure = measure(validated, tested);
        List<String> labels = new ArrayList<>();
        for (RunFolder run : drawn) {
            labels.add(label(run, keys) + (validated && tested ? ": " + (validated(run) ? "val acc" : "test acc") : ""));
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.indexOf(labels.get(i)) != labels.lastIndexOf(labels.get(i))) {
                labels.set(i, labels.get(i) + " (" + drawn.get(i).name() + ")");
            }
        }
        List<Look> looks = looks(drawn, keys, values);
        XYChart chart = chart(capitalized(measure) + " of every run", "epoch", measure, labels);
        chart.getStyler().setXAxisDecimalPattern("0");
        for (int i = 0; i < drawn.size(); i++) {
            RunFolder run = drawn.get(i);
            List<EpochStats> epochs = run.metrics().epochs();
            XYSeries series = chart.addSeries(labels.get(i), epochs.stream().mapToDouble(EpochStats::epoch).toArray(),
                    epochs.stream().mapToDouble(validated(run) ? EpochStats::valAccuracy : EpochStats::testAccuracy)
                            .toArray());
            Look look = looks.get(i);
            series.setLineColor(COLORS[look.colour()]);
            series.setMarkerColor(COLORS[look.colour()]);
            float[] dash = DASHES[look.dash()];
            series.setLineStyle(dash == null ? new BasicStroke(1.5f)
                    : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
            series.setMarker(look.marker() < 0 ? SeriesMarkers.NONE : MARKERS[look.marker()]);
        }
        if (drawn.isEmpty()) {
            XYSeries series = chart.addSeries("no epochs yet", new double[] {0}, new double[] {0});
            series.setEnabled(false);
        }
        return chart;
    }

    // the colour tells the first differing setting, the dash the second, the marker the third; where
    // that leaves two runs alike, each run gets the next look of its own instead
    private static List<Look> looks(List<RunFolder> drawn, List<String> keys, List<List<Object>> values) {
        List<Look> looks = new ArrayList<>();
        for (RunFolder run : drawn) {
            looks.add(new Look(place(values, keys, run, 0) % COLORS.length, place(values, keys, run, 1) % DASHES.length,
                    keys.size() > 2 ? place(values, keys, run, 2) % MARKERS.length : -1));
        }
        if (new HashSet<>(looks).size() < looks.size()) {
            looks.clear();
            int lines = COLORS.length * DASHES.length;
            for (int i = 0; i < drawn.size(); i++) {
                looks.add(new Look(i % COLORS.length, i / COLORS.length % DASHES.length,
                        drawn.size() > lines ? i / lines % MARKERS.length : -1));
            }
        }
        return looks;
    }

    /** {@link #curvesChart} as an image. */
    public static BufferedImage curves(List<RunFolder> runs) {
        return BitmapEncoder.getBufferedImage(curvesChart(runs));
    }

    private static boolean validated(RunFolder run) {
        return run.metrics().epochs().stream().anyMatch(EpochStats::validated);
    }

    // the settings that differ between the runs, in the order a run records them, the seed last
    private static List<String> differing(List<RunFolder> runs) {
        List<String> keys = new ArrayList<>();
        for (String key : TrainConfig.defaults().toMap().keySet()) {
            Object first = runs.isEmpty() ? null : runs.get(0).metrics().config().get(key);
            if (!key.equals("seed") && runs.stream().anyMatch(run -> !Objects.equals(
                    String.valueOf(run.metrics().config().get(key)), String.valueOf(first)))) {
                keys.add(key);
            }
        }
        if (runs.stream().map(run -> String.valueOf(run.metrics().config().get("seed"))).distinct().count() > 1) {
            keys.add("seed");
        }
        return keys;
    }

    // "lr 0.1, batch 64, seed 2": the run's values of the settings that differ, or its name if none does
    private static String label(RunFolder run, List<String> keys) {
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            parts.add(SettingNames.of(key) + " " + SettingText.of(run.metrics().config().get(key)));
        }
        return parts.isEmpty() ? run.name() : String.join(", ", parts);
    }

    // the place of the run's value of the index-th differing setting among that setting's values, or 0
    private static int place(List<List<Object>> values, List<String> keys, RunFolder run, int index) {
        if (index >= keys.size()) {
            return 0;
        }
        Object value = run.metrics().config().get(keys.get(index));
        List<Object> all = values.get(index);
        for (int i = 0; i < all.size(); i++) {
            if (VALUES.compare(all.get(i), value) == 0) {
                return i;
            }
        }
        return 0;
    }

    /**
     * The setting the exercise's chart puts on its x axis: the learning rate, or the batch size when
     * the runs share one learning rate and differ in their batch sizes (the exercise on the batch
     * size), so the axis always shows a setting that varies.
     */
    public static String xSetting(List<Ranking.Entry> ranking) {
        return byBatchSize(ranking) ? "batch size" : "learning rate";
    }

    private static boolean byBatchSize(List<Ranking.Entry> ranking) {
        List<Ranking.Entry> drawn = ranking.stream().filter(entry -> !entry.diverged()).toList();
        return drawn.stream().map(SweepCharts::learningRate).distinct().count() == 1
                && drawn.stream().map(SweepCharts::batchSize).distinct().count() > 1;
    }

    private static double learningRate(Ranking.Entry entry) {
        return ((Number) entry.settings().get("learning_rate")).doubleValue();
    }

    private static int batchSize(Ranking.Entry entry) {
        return ((Number) entry.settings().get("batch_size")).intValue();
    }

    /**
     * The best mean accuracy over seeds, and over any other setting that varies, against the
     * learning rate, one line per batch size, or, when all runs share one learning rate, against
     * the batch size ({@link #xSetting}): the validation accuracy of settings with a validation
     * split, the test accuracy of those without, each kind on lines of its own (test dashed) named
     * so in the legend when both are shown. The values tried are spaced evenly and each is
     * labelled: a sweep's rates and batch sizes are usually spaced by a factor, so this is a log
     * scale whose every tick is a value that was tried.
     */
    public static XYChart accuracyBySettingChart(List<Ranking.Entry> ranking) {
        boolean byBatch = byBatchSize(ranking);
        // a line: its kind of accuracy and its value of the setting not on the x axis
        record Line(boolean tested, double other) {
        }
        Map<Line, TreeMap<Double, Double>> lines = new TreeMap<>(Comparator.comparing(Line::tested)
                .thenComparingDouble(Line::other));
        TreeSet<Double> tried = new TreeSet<>();
        for (Ranking.Entry entry : ranking) {
            if (entry.diverged()) {
                continue;
            }
            double lr = learningRate(entry);
            double batch = batchSize(entry);
            double x = byBatch ? batch : lr;
            tried.add(x);
            lines.computeIfAbsent(new Line(!entry.validated(), byBatch ? lr : batch), b -> new TreeMap<>())
                    .merge(x, entry.mean(), Math::max);
        }
        boolean validated = lines.keySet().stream().anyMatch(line -> !line.tested());
        boolean tested = lines.keySet().stream().anyMatch(Line::tested);
        List<String> labels = lines.keySet().stream().map(line -> (byBatch ? "learning rate " : "batch size ")
                + SettingText.of(line.other()) + (validated && tested
                ? line.tested() ? ", test accuracy" : ", validation accuracy" : "")).toList();
        List<Double> positions = new ArrayList<>(tried);
        String measure = measure(validated, tested);
        String axis = xSetting(ranking);
        XYChart chart = chart("Best " + measure + " against the " + axis, axis, measure + " (mean over seeds)", labels);
        chart.getStyler().setYAxisDecimalPattern("0.000");
        boolean oneValue = positions.size() == 1;
        if (oneValue) {
            // XChart's own ticks round the value, in the middle
            chart.getStyler().setXAxisMin(positions.get(0) / 2);
            chart.getStyler().setXAxisMax(positions.get(0) * 1.5);
            chart.getStyler().setXAxisDecimalPattern("0.###");
        } else {
            chart.getStyler().setXAxisMin(0.0);
            chart.getStyler().setXAxisMax((double) Math.max(1, positions.size() - 1));
            chart.setCustomXAxisTickLabelsFormatter(x -> {
                long index = Math.round(x);
                // a blank tick is a space: XChart cannot measure an empty label
                return Math.abs(x - index) < 1e-6 && index >= 0 && index < positions.size()
                        ? SettingText.of(positions.get((int) index)) : " ";
            });
        }
        Map<Double, Color> colours = new HashMap<>();
        int label = 0;
        for (Map.Entry<Line, TreeMap<Double, Double>> line : lines.entrySet()) {
            Color lineColour = colours.computeIfAbsent(line.getKey().other(), b -> COLORS[colours.size() % COLORS.length]);
            List<Double> x = new ArrayList<>();
            for (double value : line.getValue().keySet()) {
                x.add(oneValue ? value : positions.indexOf(value));
            }
            XYSeries series = chart.addSeries(labels.get(label++), x, new ArrayList<>(line.getValue().values()));
            series.setLineColor(lineColour);
            series.setMarkerColor(lineColour);
            // beside lines of validation accuracy, those of test accuracy are dashed, with square markers
            boolean apart = line.getKey().tested() && validated;
            series.setMarker(apart ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE);
            series.setLineStyle(apart ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    DASHES[1], 0f) : new BasicStroke(2f));
        }
        if (lines.isEmpty()) {
            XYSeries series = chart.addSeries("no finished runs", new double[] {0}, new double[] {0});
            series.setEnabled(false);
        }
        return chart;
    }

    /** {@link #accuracyBySettingChart} as an image. */
    public static BufferedImage accuracyBySetting(List<Ranking.Entry> ranking) {
        return BitmapEncoder.getBufferedImage(accuracyBySettingChart(ranking));
    }

    /** {@code text} with its first letter upper case: a measure as the start of a title. */
    static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

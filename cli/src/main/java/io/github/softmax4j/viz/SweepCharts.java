package io.github.softmax4j.viz;

import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.SettingNames;
import io.github.softmax4j.train.SettingText;
import io.github.softmax4j.train.TrainConfig;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The two charts of a sweep or a comparison: every run's accuracy against the epoch, and the
 * book's exercise, each setting's accuracy against the learning rate with one line per batch size
 * (or against whichever setting varies, when the learning rate does not). A run
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

    private static final String DIVERGED = "diverged (no accuracy)";

    private SweepCharts() {
    }

    // how a run's line is drawn: places in COLORS, DASHES and MARKERS (-1: no marker)
    private record Look(int colour, int dash, int marker) {
    }

    // a line of the exercise's chart: its kind of accuracy and its values of the other settings that vary
    private record Line(boolean tested, List<Object> others) {
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
            labels.add(label(run, keys) + (validated && tested ? ": " + AccuracyWords.of(validated(run)) : ""));
        }
        apart(labels, drawn, keys.isEmpty());
        List<Look> looks = looks(drawn, keys, values);
        SweepLegend legend = SweepLegend.of(labels);
        XYChart chart = legend.chart(capitalized(measure) + " of every run", "epoch", measure);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.000");
        for (int i = 0; i < drawn.size(); i++) {
            RunFolder run = drawn.get(i);
            List<EpochStats> epochs = run.metrics().epochs();
            XYSeries series = chart.addSeries(legend.name(labels.get(i)), epochs.stream().mapToDouble(EpochStats::epoch).toArray(),
                    epochs.stream().mapToDouble(validated(run) ? EpochStats::valAccuracy : EpochStats::testAccuracy)
                            .toArray());
            Look look = looks.get(i);
            series.setLineColor(COLORS[look.colour()]);
            series.setMarkerColor(COLORS[look.colour()]);
            float[] dash = DASHES[look.dash()];
            series.setLineStyle(dash == null ? new BasicStroke(1.5f)
                    : new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
            // a run of one epoch is a point, which a line without a marker would not show
            series.setMarker(look.marker() >= 0 ? MARKERS[look.marker()]
                    : epochs.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        if (drawn.isEmpty()) {
            XYSeries series = chart.addSeries("no epochs yet", new double[] {0}, new double[] {0});
            series.setEnabled(false);
        } else {
            double[] drawnValues = chart.getSeriesMap().values().stream().flatMapToDouble(series -> Arrays.stream(
                    series.getYData())).filter(value -> !Double.isNaN(value)).toArray();
            if (drawnValues.length > 0) {
                AccuracyAxis.fix(chart, drawnValues, drawn.get(0).metrics().epochs().get(0).epoch(), 1);
            }
        }
        return chart;
    }

    // runs named alike (copies of one run, or runs in folders of one name) are told apart by their
    // folders, which differ, each by as few of its path's last parts as do it: "a/run" and "b/run";
    // runs the settings do not tell apart are named by that alone
    private static void apart(List<String> labels, List<RunFolder> drawn, boolean byFolderAlone) {
        List<String> named = new ArrayList<>(labels);
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            List<Integer> alike = new ArrayList<>();
            for (int j = 0; j < labels.size(); j++) {
                if (labels.get(j).equals(label)) {
                    alike.add(j);
                }
            }
            if (alike.size() < 2) {
                continue;
            }
            List<String> folders = RunFolder.apart(alike.stream().map(j -> drawn.get(j).dir()).toList());
            String folder = folders.get(alike.indexOf(i));
            named.set(i, byFolderAlone ? folder : label + " (" + folder + ")");
        }
        for (int i = 0; i < labels.size(); i++) {
            labels.set(i, named.get(i));
        }
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
                // the dash changes with each run too, so that of runs drawn one on another (copies of a run)
                // the one below shows through the gaps of the one on top; each colour still takes every dash
                // in turn, so no two of the first COLORS x DASHES runs look alike
                looks.add(new Look(i % COLORS.length, (i + i / COLORS.length) % DASHES.length,
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

    // "lr 0.1, batch size 64, seed 2": the run's values of the settings that differ, or its name if none does
    private static String label(RunFolder run, List<String> keys) {
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            parts.add(SettingNames.of(key) + " " + SettingNames.value(key, run.metrics().config().get(key)));
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
     * The setting the exercise's chart puts on its x axis, by its metrics.json name: the learning
     * rate if it varies, else the batch size if it does, else the first setting that varies in the
     * order a run records them (momentum, a schedule, the epochs...), else the learning rate; so the
     * axis always shows a setting that varies when one does.
     */
    public static String xKey(List<Ranking.Entry> ranking) {
        List<String> varying = varying(ranking);
        return varying.contains("learning_rate") || varying.isEmpty() ? "learning_rate"
                : varying.contains("batch_size") ? "batch_size" : varying.get(0);
    }

    /** {@link #xKey} in words, as the axis and the headings name it: "learning rate", "momentum". */
    public static String xSetting(List<Ranking.Entry> ranking) {
        return SettingNames.spelled(xKey(ranking));
    }

    // the settings whose value differs between entries (diverged ones too), in the order runs record them
    /** Whether some setting was run with more than one seed, so that its accuracy is a mean over seeds. */
    static boolean seeded(List<Ranking.Entry> ranking) {
        return ranking.stream().anyMatch(Ranking.Entry::deviates);
    }

    static List<String> varying(List<Ranking.Entry> ranking) {
        List<String> keys = new ArrayList<>();
        for (Ranking.Entry entry : ranking) {
            entry.settings().keySet().stream().filter(key -> !keys.contains(key)).forEach(keys::add);
        }
        return keys.stream().filter(key -> ranking.stream().map(entry -> String.valueOf(entry.settings().get(key)))
                .distinct().count() > 1).toList();
    }

    /**
     * Each setting's mean accuracy over its seeds against the setting that varies ({@link #xKey}),
     * one line for each combination of the other settings that vary (the epochs among them, so runs
     * of different lengths stay apart): the validation accuracy of settings with a validation split,
     * the test accuracy of those without, each kind on lines of its own (test dashed) named so in
     * the legend when both are shown. A setting that diverged has no accuracy to draw: a cross in
     * the colour of its line, on the x axis at its value, marks it, beside those of the other lines
     * that diverged there, with the word "diverged" (or "2 diverged") above them. The values tried
     * are spaced evenly in their order (numbers by size, names such as schedules by their text) and
     * each is labelled: a sweep's rates and batch sizes are usually spaced by a factor, so this is a
     * log scale whose every tick is a value that was tried.
     */
    public static XYChart accuracyBySettingChart(List<Ranking.Entry> ranking) {
        String xKey = xKey(ranking);
        List<String> others = varying(ranking).stream().filter(key -> !key.equals(xKey)).toList();
        Comparator<List<Object>> byValues = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int order = VALUES.compare(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        };
        Comparator<Line> byLine = Comparator.comparing(Line::tested).thenComparing(Line::others, byValues);
        Map<Line, TreeMap<Object, Double>> lines = new TreeMap<>(byLine);
        // the values at which each line's settings diverged
        Map<Line, List<Object>> diverged = new TreeMap<>(byLine);
        TreeSet<Object> tried = new TreeSet<>(VALUES);
        for (Ranking.Entry entry : ranking) {
            Object x = entry.settings().get(xKey);
            tried.add(x);
            List<Object> values = new ArrayList<>();
            others.forEach(key -> values.add(entry.settings().get(key)));
            Line line = new Line(!entry.validated(), values);
            if (entry.diverged()) {
                diverged.computeIfAbsent(line, key -> new ArrayList<>()).add(x);
            } else if (!Double.isNaN(entry.mean())) {
                lines.computeIfAbsent(line, key -> new TreeMap<>(VALUES)).put(x, entry.mean());
            }
        }
        boolean validated = lines.keySet().stream().anyMatch(line -> !line.tested());
        boolean tested = lines.keySet().stream().anyMatch(Line::tested);
        String measure = measure(validated, tested);
        // lines of validation accuracy whose splits differ in size are told apart by their colour
        int heldOut = others.indexOf("validation");
        boolean sizesDiffer = heldOut >= 0 && lines.keySet().stream().filter(line -> !line.tested())
                .map(line -> String.valueOf(line.others().get(heldOut))).distinct().count() > 1;
        TreeSet<Line> every = new TreeSet<>(byLine);
        every.addAll(lines.keySet());
        every.addAll(diverged.keySet());
        // a line is named as a run on the curves is, by its values of the other settings that vary (the
        // validation split among them, "validation none" for a line of test accuracy), then by its kind
        // of accuracy in the tables' words when both kinds are drawn, or by that alone
        Map<Line, String> settings = new HashMap<>();
        Map<Line, String> names = new HashMap<>();
        // a line's colour tells its values of the other settings; the validation split goes with the kind
        // of accuracy, which the dash shows, unless validated lines differ in its size
        Map<List<Object>, Color> colours = new HashMap<>();
        Map<Line, Color> colour = new HashMap<>();
        for (Line line : every) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < others.size(); i++) {
                parts.add(SettingNames.of(others.get(i)) + " " + SettingNames.value(others.get(i), line.others().get(i)));
            }
            String values = String.join(", ", parts);
            String kind = AccuracyWords.of(!line.tested());
            settings.put(line, values.isEmpty() ? kind : values);
            names.put(line, values.isEmpty() ? kind : validated && tested ? values + ": " + kind : values);
            List<Object> coloured = new ArrayList<>(line.others());
            if (heldOut >= 0 && (line.tested() || !sizesDiffer)) {
                coloured.remove(heldOut);
            }
            colour.put(line, colours.computeIfAbsent(coloured, key -> COLORS[colours.size() % COLORS.length]));
        }
        // the crosses of the settings that diverged are named by their line's settings, or as a whole when
        // there is one line
        Map<Line, String> divergedNames = new HashMap<>();
        diverged.keySet().forEach(line -> divergedNames.put(line, every.size() == 1 ? DIVERGED
                : settings.get(line) + ": diverged"));
        List<String> entries = new ArrayList<>();
        lines.keySet().forEach(line -> entries.add(names.get(line)));
        diverged.keySet().forEach(line -> entries.add(divergedNames.get(line)));
        List<Object> positions = new ArrayList<>(tried);
        String axis = SettingNames.spelled(xKey);
        SweepLegend legend = SweepLegend.of(entries);
        names.replaceAll((line, name) -> legend.name(name));
        divergedNames.replaceAll((line, name) -> legend.name(name));
        XYChart chart = legend.chart(capitalized(measure) + " against the " + axis, axis,
                measure + (seeded(ranking) ? " (mean over seeds)" : ""));
        chart.getStyler().setYAxisDecimalPattern("0.000");
        // the plot reaches down to the x axis, whose line is its lower edge: the crosses of settings that
        // diverged are drawn on it
        chart.getStyler().setPlotMargin(0);
        // one value sits in the middle of the axis
        chart.getStyler().setXAxisMin(positions.size() == 1 ? -1.0 : 0.0);
        chart.getStyler().setXAxisMax(positions.size() == 1 ? 1.0 : positions.size() - 1.0);
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long index = Math.round(x);
            // a blank tick is spaces, one left of the values and two right of them: XChart cannot
            // measure an empty label, and draws no ticks at all where two labels are alike
            return Math.abs(x - index) < 1e-6 && index >= 0 && index < positions.size()
                    ? SettingText.of(positions.get((int) index)) : x < 0 ? " " : "  ";
        });
        for (Map.Entry<Line, TreeMap<Object, Double>> line : lines.entrySet()) {
            List<Double> x = new ArrayList<>();
            for (Object value : line.getValue().keySet()) {
                x.add((double) positions.indexOf(value));
            }
            XYSeries series = chart.addSeries(names.get(line.getKey()), x, new ArrayList<>(line.getValue().values()));
            Color lineColour = colour.get(line.getKey());
            series.setLineColor(lineColour);
            series.setMarkerColor(lineColour);
            // beside lines of validation accuracy, those of test accuracy are dashed, with square markers
            boolean apart = line.getKey().tested() && validated;
            series.setMarker(apart ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE);
            series.setLineStyle(apart ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    DASHES[1], 0f) : new BasicStroke(2f));
        }
        double[] accuracies = lines.values().stream().flatMap(line -> line.values().stream())
                .mapToDouble(Double::doubleValue).toArray();
        // room below the accuracies for the words over the crosses
        AccuracyAxis.fix(chart, accuracies.length == 0 ? new double[] {0.5} : accuracies,
                positions.size() == 1 ? -1 : 0, diverged.isEmpty() ? 1 : 2);
        // every setting diverged: no accuracy to read, so no scale either, nor its grid
        chart.getStyler().setYAxisTicksVisible(accuracies.length > 0);
        chart.getStyler().setPlotGridHorizontalLinesVisible(accuracies.length > 0);
        if (!diverged.isEmpty()) {
            markDiverged(chart, diverged, divergedNames, colour, positions);
        }
        if (lines.isEmpty() && diverged.isEmpty()) {
            XYSeries series = chart.addSeries("no finished runs", new double[] {0}, new double[] {0});
            series.setEnabled(false);
        }
        if (positions.size() == 1) {
            // XChart draws x ticks only where x values differ: a series that draws nothing spans the axis
            XYSeries span = chart.addSeries("x axis", new double[] {-1, 1}, new double[] {Double.NaN, Double.NaN});
            span.setMarker(SeriesMarkers.NONE);
            span.setLineStyle(SeriesLines.NONE);
            span.setShowInLegend(false);
        }
        return chart;
    }

    // for each line's settings that diverged, a cross in the line's colour on the x axis at each value,
    // the crosses of several lines at one value side by side, and a word above them, "diverged" or
    // "2 diverged", so that their height is not read as an accuracy; each line's crosses are a series
    // too, which draws nothing (no accuracy) but names them in the legend
    private static void markDiverged(XYChart chart, Map<Line, List<Object>> diverged, Map<Line, String> names,
                                     Map<Line, Color> colours, List<Object> positions) {
        int[] count = new int[positions.size()];
        diverged.values().forEach(values -> values.forEach(value -> count[positions.indexOf(value)]++));
        // about 14 pixels apart on a plot some 450 wide, a group never wider than 0.8 of the space between values
        double span = positions.size() == 1 ? 2 : positions.size() - 1;
        int[] placed = new int[positions.size()];
        List<DivergedMarks.Cross> crosses = new ArrayList<>();
        for (Map.Entry<Line, List<Object>> line : diverged.entrySet()) {
            Color colour = colours.get(line.getKey());
            double[] x = new double[line.getValue().size()];
            for (int i = 0; i < x.length; i++) {
                int at = positions.indexOf(line.getValue().get(i));
                double step = count[at] == 1 ? 0 : Math.min(0.03 * span, 0.8 / (count[at] - 1));
                x[i] = at + (placed[at]++ - (count[at] - 1) / 2.0) * step;
                crosses.add(new DivergedMarks.Cross(x[i], colour));
            }
            double[] y = new double[x.length];
            Arrays.fill(y, Double.NaN);
            XYSeries series = chart.addSeries(names.get(line.getKey()), x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CROSS);
            series.setMarkerColor(colour);
        }
        List<DivergedMarks.Word> words = new ArrayList<>();
        for (int at = 0; at < count.length; at++) {
            if (count[at] > 0) {
                words.add(new DivergedMarks.Word(count[at] == 1 ? "diverged" : count[at] + " diverged", at));
            }
        }
        chart.getStyler().setAnnotationTextFontColor(Palette.TEXT);
        chart.getStyler().setAnnotationTextFont(chart.getStyler().getAxisTickLabelsFont());
        chart.addAnnotation(new DivergedMarks(crosses, words));
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

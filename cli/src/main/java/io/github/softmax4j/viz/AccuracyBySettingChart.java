package io.github.softmax4j.viz;

import io.github.softmax4j.experiment.Ranking;
import io.github.softmax4j.train.SettingNames;
import io.github.softmax4j.train.SettingText;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The second chart of a sweep or a comparison, the book's exercise: each setting's accuracy
 * against the learning rate with one line per batch size (or against whichever setting varies,
 * when the learning rate does not), validation accuracy for settings with a validation split,
 * test accuracy for those without.
 */
public final class AccuracyBySettingChart {
    private static final String DIVERGED = "diverged (no accuracy)";

    private AccuracyBySettingChart() {
    }

    // a line of the chart: its kind of accuracy and its values of the other settings that vary
    private record Line(boolean tested, List<Object> others) {
    }

    /**
     * Each setting's mean accuracy over its seeds against the setting that varies ({@link VaryingSettings#xKey}),
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
    public static XYChart chart(List<Ranking.Entry> ranking) {
        String xKey = VaryingSettings.xKey(ranking);
        List<String> others = VaryingSettings.varying(ranking).stream().filter(key -> !key.equals(xKey)).toList();
        Comparator<List<Object>> byValues = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int order = VaryingSettings.ORDER.compare(a.get(i), b.get(i));
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
        TreeSet<Object> tried = new TreeSet<>(VaryingSettings.ORDER);
        for (Ranking.Entry entry : ranking) {
            Object x = entry.settings().get(xKey);
            tried.add(x);
            List<Object> values = new ArrayList<>();
            others.forEach(key -> values.add(entry.settings().get(key)));
            Line line = new Line(!entry.validated(), values);
            if (entry.diverged()) {
                diverged.computeIfAbsent(line, key -> new ArrayList<>()).add(x);
            } else if (!Double.isNaN(entry.mean())) {
                lines.computeIfAbsent(line, key -> new TreeMap<>(VaryingSettings.ORDER)).put(x, entry.mean());
            }
        }
        boolean validated = lines.keySet().stream().anyMatch(line -> !line.tested());
        boolean tested = lines.keySet().stream().anyMatch(Line::tested);
        String measure = AccuracyWords.measure(validated, tested);
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
            colour.put(line, colours.computeIfAbsent(coloured, key -> LineLooks.COLOURS[colours.size() % LineLooks.COLOURS.length]));
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
        XYChart chart = legend.chart(AccuracyWords.capitalized(measure) + " against the " + axis, axis,
                measure + (VaryingSettings.seeded(ranking) ? " (mean over seeds)" : ""));
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
            series.setLineStyle(LineLooks.stroke(2f, apart ? LineLooks.DASHES[1] : null));
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

    /** {@link #chart} as an image. */
    public static BufferedImage render(List<Ranking.Entry> ranking) {
        return BitmapEncoder.getBufferedImage(chart(ranking));
    }
}

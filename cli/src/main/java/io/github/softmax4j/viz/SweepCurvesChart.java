package io.github.softmax4j.viz;

import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.SettingNames;
import io.github.softmax4j.train.TrainConfig;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The first chart of a sweep or a comparison: every run's accuracy against the epoch, by its
 * validation accuracy, or by its test accuracy if it held out no validation set; when both kinds
 * are shown, the legend says which is which.
 */
public final class SweepCurvesChart {
    private SweepCurvesChart() {
    }

    // how a run's line is drawn: places in LineLooks' colours, dashes and markers (-1: no marker)
    private record Look(int colour, int dash, int marker) {
    }

    /**
     * Every run's accuracy against the epoch: its validation accuracy, or its test accuracy if it
     * held out no validation set. Runs are told apart by the settings in which they differ: the
     * colour shows the first, the dash the second, the marker the seed (or else a third), unless
     * that would draw two runs alike, when every run gets a look of its own; the legend names each
     * run by those settings, and by the accuracy drawn when both kinds are shown.
     */
    public static XYChart chart(List<RunFolder> runs) {
        List<RunFolder> withEpochs = runs.stream().filter(run -> !run.metrics().epochs().isEmpty()).toList();
        List<String> keys = differing(withEpochs);
        List<List<Object>> values = new ArrayList<>();
        for (String key : keys) {
            TreeSet<Object> distinct = new TreeSet<>(VaryingSettings.ORDER);
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
        boolean validated = drawn.stream().anyMatch(SweepCurvesChart::validated);
        boolean tested = drawn.stream().anyMatch(run -> !validated(run));
        String measure = AccuracyWords.measure(validated, tested);
        List<String> labels = new ArrayList<>();
        for (RunFolder run : drawn) {
            labels.add(label(run, keys));
        }
        apart(labels, drawn, keys.isEmpty());
        // the kind of accuracy last, after the folder that tells copies apart: "lr 0.1 (a/run): test acc"
        for (int i = 0; i < labels.size(); i++) {
            labels.set(i, labels.get(i) + (validated && tested ? ": " + AccuracyWords.of(validated(drawn.get(i))) : ""));
        }
        List<Look> looks = looks(drawn, keys, values);
        SweepLegend legend = SweepLegend.of(labels);
        XYChart chart = legend.chart(AccuracyWords.capitalized(measure) + " of every run", "epoch", measure);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0.000");
        for (int i = 0; i < drawn.size(); i++) {
            RunFolder run = drawn.get(i);
            List<EpochStats> epochs = run.metrics().epochs();
            XYSeries series = chart.addSeries(legend.name(labels.get(i)), epochs.stream().mapToDouble(EpochStats::epoch).toArray(),
                    epochs.stream().mapToDouble(validated(run) ? EpochStats::valAccuracy : EpochStats::testAccuracy)
                            .toArray());
            Look look = looks.get(i);
            series.setLineColor(LineLooks.COLOURS[look.colour()]);
            series.setMarkerColor(LineLooks.COLOURS[look.colour()]);
            series.setLineStyle(LineLooks.stroke(1.5f, LineLooks.DASHES[look.dash()]));
            // a run of one epoch is a point, which a line without a marker would not show
            series.setMarker(look.marker() >= 0 ? LineLooks.MARKERS[look.marker()]
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
            looks.add(new Look(place(values, keys, run, 0) % LineLooks.COLOURS.length, place(values, keys, run, 1) % LineLooks.DASHES.length,
                    keys.size() > 2 ? place(values, keys, run, 2) % LineLooks.MARKERS.length : -1));
        }
        if (new HashSet<>(looks).size() < looks.size()) {
            looks.clear();
            int lines = LineLooks.COLOURS.length * LineLooks.DASHES.length;
            for (int i = 0; i < drawn.size(); i++) {
                // the dash changes with each run too, so that of runs drawn one on another (copies of a run)
                // the one below shows through the gaps of the one on top; each colour still takes every dash
                // in turn, so no two of the first COLOURS x DASHES runs look alike
                looks.add(new Look(i % LineLooks.COLOURS.length, (i + i / LineLooks.COLOURS.length) % LineLooks.DASHES.length,
                        drawn.size() > lines ? i / lines % LineLooks.MARKERS.length : -1));
            }
        }
        return looks;
    }

    /** {@link #chart} as an image. */
    public static BufferedImage render(List<RunFolder> runs) {
        return BitmapEncoder.getBufferedImage(chart(runs));
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
            if (VaryingSettings.ORDER.compare(all.get(i), value) == 0) {
                return i;
            }
        }
        return 0;
    }

}

package io.github.softmax4j.viz;

import io.github.softmax4j.train.EpochStats;
import io.github.softmax4j.train.Progress;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The three lines d2l's Animator draws while training (train loss, train accuracy, test
 * accuracy against the epoch), as an XChart line chart for PNG and SVG files. A run with a
 * validation split shows validation loss and accuracy instead of the test accuracy, and a dashed
 * vertical line at the epoch it keeps, named {@code kept: epoch N} in the legend.
 */
public final class TrainingCurves {
    /** The name of the series that draws nothing and only makes the epoch ticks round numbers. */
    static final String ROUND_TICKS = "round epoch ticks";
    private static final int LOSS_AXIS = 0;
    private static final int ACCURACY_AXIS = 1;

    private TrainingCurves() {
    }

    /**
     * The chart of {@code history}. Losses are read on the left axis, from 0 to 1 or to the largest
     * loss if above 1; accuracies on the right axis, always 0 to 1, so a loss that explodes does not
     * flatten the accuracy lines.
     */
    public static XYChart chart(List<EpochStats> history) {
        XYChart chart = Palette.lineChart("Training curves", "epoch", "loss");
        chart.setYAxisGroupTitle(LOSS_AXIS, "loss");
        chart.setYAxisGroupTitle(ACCURACY_AXIS, "accuracy");
        var styler = chart.getStyler();
        styler.setYAxisGroupPosition(ACCURACY_AXIS, Styler.YAxisPosition.Right);
        // below the plot, in a row: inside it, the box hid the line of a kept epoch under it, or ran
        // along it, and the curves' last points
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setMarkerSize(history.size() > 50 ? 0 : 6);
        styler.setXAxisDecimalPattern("0");
        styler.setYAxisDecimalPattern("0.0#");
        double first = history.isEmpty() ? 1.0 : history.get(0).epoch();
        double last = history.isEmpty() ? 2.0 : Math.max(history.get(history.size() - 1).epoch(), first + 1);
        if (history.size() == 1) {
            // one epoch: in the middle of the axis, its only labelled tick; a blank label is spaces, one
            // left of it and two right of it: XChart cannot measure an empty label, and draws no ticks
            // at all where two labels are alike
            styler.setXAxisMin(first - 1);
            styler.setXAxisMax(first + 1);
            chart.setCustomXAxisTickLabelsFormatter(x -> Math.abs(x - first) < 1e-6 ? String.valueOf((int) first)
                    : x < first ? " " : "  ");
        } else {
            styler.setXAxisMin(first);
            styler.setXAxisMax(last);
        }
        double top = Math.max(1.0, history.stream().mapToDouble(s -> Math.max(s.trainLoss(),
                s.validated() ? s.valLoss() : 0)).max().orElse(1.0));
        styler.setYAxisMin(LOSS_AXIS, 0.0);
        styler.setYAxisMax(LOSS_AXIS, Math.ceil(top * 10) / 10);
        styler.setYAxisMin(ACCURACY_AXIS, 0.0);
        styler.setYAxisMax(ACCURACY_AXIS, 1.0);

        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        add(chart, "train loss", epochs, history.stream().mapToDouble(EpochStats::trainLoss).toArray(),
                Palette.TRAIN_LOSS, LOSS_AXIS);
        add(chart, "train acc", epochs, history.stream().mapToDouble(EpochStats::trainAccuracy).toArray(),
                Palette.TRAIN_ACC, ACCURACY_AXIS);
        if (!history.isEmpty() && history.get(0).validated()) {
            add(chart, "val loss", epochs, history.stream().mapToDouble(EpochStats::valLoss).toArray(),
                    Palette.VAL_LOSS, LOSS_AXIS);
            add(chart, "val acc", epochs, history.stream().mapToDouble(EpochStats::valAccuracy).toArray(),
                    Palette.TEST_ACC, ACCURACY_AXIS);
            EpochStats kept = Progress.kept(history);
            // from far below the accuracy axis to far above it: the plot cuts the line at its edges, so it
            // runs the plot's full height, not only from 0 to 1 (XChart keeps a margin around those)
            XYSeries keptLine = chart.addSeries(keptLabel(kept), new double[] {kept.epoch(), kept.epoch()},
                    new double[] {-1, 2});
            keptLine.setYAxisGroup(ACCURACY_AXIS);
            keptLine.setLineColor(Palette.KEPT);
            keptLine.setMarker(SeriesMarkers.NONE);
            keptLine.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        } else {
            add(chart, "test acc", epochs, history.stream().mapToDouble(EpochStats::testAccuracy).toArray(),
                    Palette.TEST_ACC, ACCURACY_AXIS);
        }
        // XChart puts the ticks of an evenly spaced x axis on every k-th epoch and lets 3-digit labels
        // run into each other ("100109118"); one unevenly spaced point that draws nothing makes it
        // choose round numbers of epochs instead; with one epoch, XChart draws ticks only where the
        // x values differ, so this series spans the axis
        XYSeries roundTicks = chart.addSeries(ROUND_TICKS, history.size() == 1 ? new double[] {first - 1, first + 1}
                : new double[] {first, first + 0.5}, new double[] {0, 0});
        roundTicks.setYAxisGroup(LOSS_AXIS);
        roundTicks.setMarker(SeriesMarkers.NONE);
        roundTicks.setLineStyle(SeriesLines.NONE);
        roundTicks.setShowInLegend(false);
        return chart;
    }

    /**
     * What the chart of {@code history} shows, in a sentence for the report: its lines, over how
     * many epochs, and where they end or which epoch the run kept.
     */
    public static String caption(List<EpochStats> history) {
        if (history.isEmpty()) {
            return "No epoch has ended yet.";
        }
        String span = history.size() == 1 ? "after the run's one epoch" : "after each of the run's " + history.size()
                + " epochs";
        EpochStats last = last(history);
        if (!last.validated()) {
            return String.format(Locale.ROOT, "Train loss, train accuracy and test accuracy %s (d2l's Animator); the "
                    + "test accuracy ends at %.4f.", span, last.testAccuracy());
        }
        EpochStats kept = Progress.kept(history);
        return String.format(Locale.ROOT, "Train loss, train accuracy, validation loss and validation accuracy %s "
                + "(d2l's Animator); the dashed line marks epoch %d, kept for the best validation accuracy, %.4f.",
                span, kept.epoch(), kept.valAccuracy());
    }

    /** The legend's name of the kept epoch's line: "kept: epoch 8". */
    static String keptLabel(EpochStats kept) {
        return "kept: epoch " + kept.epoch();
    }

    private static void add(XYChart chart, String name, double[] x, double[] y, java.awt.Color color, int axis) {
        XYSeries series = chart.addSeries(name, x.length == 0 ? new double[] {0} : x, y.length == 0 ? new double[] {0} : y);
        series.setYAxisGroup(axis);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(new BasicStroke(2f));
        series.setShowInLegend(true);
        if (x.length == 0) {
            series.setEnabled(false);
        }
    }

    /** The chart as an image. */
    public static BufferedImage render(List<EpochStats> history) {
        return BitmapEncoder.getBufferedImage(chart(history));
    }

    /**
     * The chart as SVG. XChart draws its text as outlines, so a title and a description are
     * added as the SVG's own title and desc elements: screen readers, search and tests see them.
     */
    public static String svg(List<EpochStats> history) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart(history), bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        String svg = bytes.toString(StandardCharsets.UTF_8);
        int open = svg.indexOf('>', svg.indexOf("<svg")) + 1;
        EpochStats kept = history.isEmpty() || !last(history).validated() ? null : Progress.kept(history);
        String epochs = history.size() == 1 ? "at epoch 1" : "against the epoch, 1 to " + history.size();
        String description = history.isEmpty() ? "no epochs yet" : kept != null
                ? String.format(Locale.ROOT, "train loss, train acc, val loss and val acc %s;"
                        + " after the last epoch: train loss %.4f, train acc %.4f, val loss %.4f, val acc %.4f; %s,"
                        + " the best val acc, %.4f", epochs, last(history).trainLoss(),
                last(history).trainAccuracy(), last(history).valLoss(), last(history).valAccuracy(),
                keptLabel(kept), kept.valAccuracy())
                : String.format(Locale.ROOT, "train loss, train acc and test acc %s; after the"
                        + " last epoch: train loss %.4f, train acc %.4f, test acc %.4f", epochs,
                last(history).trainLoss(), last(history).trainAccuracy(), last(history).testAccuracy());
        return svg.substring(0, open) + "\n  <title>Training curves</title>\n  <desc>" + description + "</desc>"
                + svg.substring(open);
    }

    private static EpochStats last(List<EpochStats> history) {
        return history.get(history.size() - 1);
    }
}

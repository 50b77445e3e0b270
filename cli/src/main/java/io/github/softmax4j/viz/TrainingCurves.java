package io.github.softmax4j.viz;

import io.github.softmax4j.train.EpochStats;
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
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The three lines d2l's Animator draws while training (train loss, train accuracy, test
 * accuracy against the epoch), as an XChart line chart for PNG and SVG files. A run with a
 * validation split shows validation loss and accuracy instead of the test accuracy.
 */
public final class TrainingCurves {

    private TrainingCurves() {
    }

    /** The chart of {@code history}; the y axis runs from 0 to 1, or to the largest loss if above 1. */
    public static XYChart chart(List<EpochStats> history) {
        XYChart chart = Palette.lineChart("Training curves", "epoch", "loss / accuracy");
        var styler = chart.getStyler();
        styler.setMarkerSize(6);
        styler.setXAxisDecimalPattern("0");
        styler.setYAxisDecimalPattern("0.0#");
        styler.setXAxisMin(history.isEmpty() ? 1.0 : history.get(0).epoch());
        styler.setXAxisMax(history.isEmpty() ? 2.0 : Math.max(history.get(history.size() - 1).epoch(), 2.0));
        double top = Math.max(1.0, history.stream().mapToDouble(s -> Math.max(s.trainLoss(),
                s.validated() ? s.valLoss() : 0)).max().orElse(1.0));
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(Math.ceil(top * 10) / 10);

        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        add(chart, "train loss", epochs, history.stream().mapToDouble(EpochStats::trainLoss).toArray(), Palette.TRAIN_LOSS);
        add(chart, "train acc", epochs, history.stream().mapToDouble(EpochStats::trainAccuracy).toArray(), Palette.TRAIN_ACC);
        if (!history.isEmpty() && history.get(0).validated()) {
            add(chart, "val loss", epochs, history.stream().mapToDouble(EpochStats::valLoss).toArray(),
                    Palette.VAL_LOSS);
            add(chart, "val acc", epochs, history.stream().mapToDouble(EpochStats::valAccuracy).toArray(),
                    Palette.TEST_ACC);
        } else {
            add(chart, "test acc", epochs, history.stream().mapToDouble(EpochStats::testAccuracy).toArray(),
                    Palette.TEST_ACC);
        }
        return chart;
    }

    private static void add(XYChart chart, String name, double[] x, double[] y, java.awt.Color color) {
        XYSeries series = chart.addSeries(name, x.length == 0 ? new double[] {0} : x, y.length == 0 ? new double[] {0} : y);
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
        String description = history.isEmpty() ? "no epochs yet" : last(history).validated()
                ? String.format(Locale.ROOT, "train loss, train acc, val loss and val acc against the epoch, 1 to %d;"
                        + " after the last epoch: train loss %.4f, train acc %.4f, val loss %.4f, val acc %.4f",
                history.size(), last(history).trainLoss(), last(history).trainAccuracy(), last(history).valLoss(),
                last(history).valAccuracy())
                : String.format(Locale.ROOT, "train loss, train acc and test acc against the epoch, 1 to %d; after the"
                        + " last epoch: train loss %.4f, train acc %.4f, test acc %.4f", history.size(),
                last(history).trainLoss(), last(history).trainAccuracy(), last(history).testAccuracy());
        return svg.substring(0, open) + "\n  <title>Training curves</title>\n  <desc>" + description + "</desc>"
                + svg.substring(open);
    }

    private static EpochStats last(List<EpochStats> history) {
        return history.get(history.size() - 1);
    }
}

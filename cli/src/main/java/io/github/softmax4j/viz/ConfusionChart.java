package io.github.softmax4j.viz;

import io.github.softmax4j.eval.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * The confusion matrix as an XChart heat map: rows are the true class (first class at the top),
 * columns the predicted class; each cell shows, and is coloured by, its share of the row.
 */
public final class ConfusionChart {
    private ConfusionChart() {
    }

    /** The heat map of {@code matrix} with the given class names. */
    public static HeatMapChart chart(ConfusionMatrix matrix, List<String> classNames, String title) {
        int k = matrix.classes();
        HeatMapChart chart = new HeatMapChartBuilder().width(80 * k + 260).height(60 * k + 200).title(title)
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Palette.BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(Palette.font(Font.BOLD, 16));
        styler.setAxisTitleFont(Palette.font(Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(Palette.font(Font.PLAIN, 12));
        styler.setXAxisLabelRotation(35);
        styler.setShowValue(true);
        styler.setValueFont(Palette.font(Font.PLAIN, 12));
        styler.setValueFontColor(Palette.TEXT);
        styler.setHeatMapValueDecimalPattern("0.0'%'");
        styler.setRangeColors(new Color[] {Color.WHITE, new Color(0xC6, 0xDB, 0xEF), new Color(0x6B, 0xAE, 0xD6)});
        styler.setMin(0);
        styler.setMax(100);
        styler.setLegendVisible(true);
        styler.setDrawBorder(true);

        List<String> columns = new ArrayList<>(classNames);
        // the heat map counts rows from the bottom; list them reversed so class 0 is on top
        List<String> rows = new ArrayList<>(classNames);
        java.util.Collections.reverse(rows);
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                cells.add(new Number[] {p, k - 1 - t, Math.round(1000 * matrix.rowShare(t, p)) / 10.0});
            }
        }
        chart.addSeries("share of the true class (%)", columns, rows, cells);
        return chart;
    }

    /** The heat map as an image. */
    public static BufferedImage render(ConfusionMatrix matrix, List<String> classNames, String title) {
        return BitmapEncoder.getBufferedImage(chart(matrix, classNames, title));
    }

    /**
     * A compact text table for the terminal: one row per true class with its counts per predicted
     * class and the share of the row classified correctly.
     */
    public static String table(ConfusionMatrix matrix, List<String> classNames) {
        int k = matrix.classes();
        int nameWidth = classNames.stream().mapToInt(String::length).max().orElse(5);
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-" + (nameWidth + 4) + "s", "true \\ predicted"));
        for (int p = 0; p < k; p++) {
            text.append(String.format(Locale.ROOT, "%6d", p));
        }
        text.append("   correct\n");
        for (int t = 0; t < k; t++) {
            text.append(String.format(Locale.ROOT, "%2d  %-" + nameWidth + "s", t, classNames.get(t)));
            for (int p = 0; p < k; p++) {
                text.append(String.format(Locale.ROOT, "%6d", matrix.count(t, p)));
            }
            text.append(String.format(Locale.ROOT, "   %6.1f%%%n", 100 * matrix.rowShare(t, t)));
        }
        return text.toString();
    }
}

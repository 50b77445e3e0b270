package io.github.softmax4j.viz;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The colours and fonts every picture shares, so they look like one set. */
final class Palette {
    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x66, 0x66, 0x66);
    static final Color WRONG = new Color(0xC6, 0x28, 0x28);
    static final Color TRAIN_LOSS = new Color(0x1F, 0x77, 0xB4);
    static final Color TRAIN_ACC = new Color(0xD6, 0x27, 0x28);
    static final Color TEST_ACC = new Color(0x2C, 0xA0, 0x2C);
    static final Color VAL_LOSS = new Color(0x94, 0x67, 0xBD);
    static final Color KEPT = new Color(0x44, 0x44, 0x44);
    // diverging scale for weights: blue below zero, white at zero, red above
    static final Color NEGATIVE = new Color(0x21, 0x66, 0xAC);
    static final Color POSITIVE = new Color(0xB2, 0x18, 0x2B);

    private Palette() {
    }

    /** A 720x450 line chart in the set's style, its legend inside at the lower right. */
    static XYChart lineChart(String title, String xTitle, String yTitle) {
        return lineChart(title, xTitle, yTitle, 720, 450);
    }

    /** A line chart of the given size in the set's style, its legend inside at the lower right. */
    static XYChart lineChart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(BACKGROUND);
        styler.setPlotBorderVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.InsideSE);
        styler.setLegendBorderColor(MUTED);
        styler.setChartTitleFont(font(Font.BOLD, 16));
        styler.setAxisTitleFont(font(Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(font(Font.PLAIN, 12));
        styler.setLegendFont(font(Font.PLAIN, 12));
        return chart;
    }

    static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    /** The colour of {@code value} on the diverging scale from -limit (blue) to +limit (red). */
    static Color diverging(float value, float limit) {
        float t = limit == 0 ? 0 : Math.max(-1f, Math.min(1f, value / limit));
        Color end = t < 0 ? NEGATIVE : POSITIVE;
        float a = Math.abs(t);
        return new Color(mix(255, end.getRed(), a), mix(255, end.getGreen(), a), mix(255, end.getBlue(), a));
    }

    private static int mix(int from, int to, float amount) {
        return Math.round(from + (to - from) * amount);
    }
}

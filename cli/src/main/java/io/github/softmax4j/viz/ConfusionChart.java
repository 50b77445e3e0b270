package io.github.softmax4j.viz;

import io.github.softmax4j.eval.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * The confusion matrix as an XChart heat map: rows are the true class (first class at the top),
 * columns the predicted class; each cell shows, and is coloured by, its share of the row. The
 * colour bar beside it is drawn here, not by XChart, whose bar has no title and labels its ends
 * "0.0" and "100.0" without a unit.
 */
public final class ConfusionChart {
    private static final Color[] RANGE = {Color.WHITE, new Color(0xC6, 0xDB, 0xEF), new Color(0x6B, 0xAE, 0xD6)};
    private static final String BAR_TITLE = "% of the true class (row)";
    // room right of the heat map for the colour bar, its labels and its title
    private static final int BAR_STRIP = 110;
    private static final int BAR_WIDTH = 18;

    private ConfusionChart() {
    }

    /** The heat map of {@code matrix} with the given class names, without its colour bar. */
    public static HeatMapChart chart(ConfusionMatrix matrix, List<String> classNames, String title) {
        int k = matrix.classes();
        HeatMapChart chart = new HeatMapChartBuilder().width(80 * k + 170).height(60 * k + 200).title(title)
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Palette.BACKGROUND);
        styler.setPlotBorderVisible(false);
        // XChart draws its grid lines through the cells' centres, where the cells hide them, and leaves
        // a margin round the cells where their dashed ends show; instead the cells fill the plot up to
        // the axes, no grid lines are drawn, and the title keeps some room from the cells
        styler.setPlotContentSize(1.0);
        styler.setPlotMargin(0);
        styler.setPlotGridLinesVisible(false);
        styler.setChartTitlePadding(12);
        styler.setChartTitleFont(Palette.font(Font.BOLD, 16));
        styler.setAxisTitleFont(Palette.font(Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(Palette.font(Font.PLAIN, 12));
        styler.setXAxisLabelRotation(35);
        styler.setShowValue(true);
        styler.setValueFont(Palette.font(Font.PLAIN, 12));
        styler.setValueFontColor(Palette.TEXT);
        styler.setHeatMapValueDecimalPattern("0.0'%'");
        styler.setRangeColors(RANGE.clone());
        styler.setMin(0);
        styler.setMax(100);
        styler.setLegendVisible(false);
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

    /** The heat map as an image, with its colour bar on the right. */
    public static BufferedImage render(ConfusionMatrix matrix, List<String> classNames, String title) {
        BufferedImage heatMap = BitmapEncoder.getBufferedImage(chart(matrix, classNames, title));
        int width = heatMap.getWidth() + BAR_STRIP;
        int height = heatMap.getHeight();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Palette.BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.drawImage(heatMap, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            drawColourBar(g, heatMap.getWidth() + 10, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The colour of a cell holding {@code percent} of its row, as the heat map colours it (linear through RANGE). */
    static Color colour(double percent) {
        double index = Math.max(0, Math.min(100, percent)) / 100 * (RANGE.length - 1);
        int from = Math.min((int) index, RANGE.length - 2);
        double t = index - from;
        Color a = RANGE[from];
        Color b = RANGE[from + 1];
        return new Color((int) (a.getRed() + t * (b.getRed() - a.getRed())),
                (int) (a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) (a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    // a vertical bar from 0% (bottom) to 100%, centred on the cells, labelled every 25% and titled
    // along its length, reading upwards
    private static void drawColourBar(Graphics2D g, int x, int height) {
        int barHeight = (height - 120) / 2;
        int centre = height / 2 - 25;
        int top = centre - barHeight / 2;
        for (int row = 0; row < barHeight; row++) {
            g.setColor(colour(100.0 * (barHeight - 1 - row) / (barHeight - 1)));
            g.fillRect(x, top + row, BAR_WIDTH, 1);
        }
        g.setColor(Palette.MUTED);
        g.drawRect(x - 1, top - 1, BAR_WIDTH + 1, barHeight + 1);
        g.setFont(Palette.font(Font.PLAIN, 12));
        FontMetrics labels = g.getFontMetrics();
        int labelX = x + BAR_WIDTH + 7;
        for (int percent = 0; percent <= 100; percent += 25) {
            int y = top + (int) Math.round((barHeight - 1) * (100 - percent) / 100.0);
            g.setColor(Palette.MUTED);
            g.drawLine(x + BAR_WIDTH, y, x + BAR_WIDTH + 3, y);
            g.setColor(Palette.TEXT);
            g.drawString(percent + "%", labelX, y + (labels.getAscent() - labels.getDescent()) / 2);
        }
        BufferedImage title = horizontalText(g, BAR_TITLE, Palette.font(Font.PLAIN, 14));
        AffineTransform upwards = AffineTransform.getTranslateInstance(labelX + labels.stringWidth("100%") + 10,
                centre + title.getWidth() / 2);
        upwards.quadrantRotate(-1);
        g.drawImage(title, upwards, null);
    }

    // the text on the background, to be turned a quarter without blurring
    private static BufferedImage horizontalText(Graphics2D like, String text, Font font) {
        FontMetrics metrics = like.getFontMetrics(font);
        BufferedImage image = new BufferedImage(metrics.stringWidth(text), metrics.getAscent() + metrics.getDescent(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Palette.BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.setColor(Palette.TEXT);
            g.drawString(text, 0, metrics.getAscent());
        } finally {
            g.dispose();
        }
        return image;
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

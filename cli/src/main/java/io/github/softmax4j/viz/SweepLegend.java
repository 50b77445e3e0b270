package io.github.softmax4j.viz;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The legend of a sweep's or a comparison's chart, outside the plot, and the chart's size to suit
 * it. Short entries go on the right: the chart grows to keep the plot about 480 pixels wide and to
 * give each entry about 22 pixels of height. An entry too long for that (a run named by a long
 * folder) would make the picture wider than a page shows it, which then shrinks the plot with it:
 * the legend goes below the plot instead, the chart keeps its 720 pixels of width and grows in
 * height, and each entry longer than that width is wrapped onto lines of its own.
 */
final class SweepLegend {
    // the widest entry kept on the right: the chart is then at most 900 pixels wide
    private static final int RIGHT_MOST = 300;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 450;
    // the text of an entry below the plot: the chart's width less the chart's and the legend's padding
    // and the entry's line and marker
    private static final int BELOW_MOST = 540;
    private static final Font FONT = Palette.font(Font.PLAIN, 12);
    private static final FontRenderContext MEASURED = new FontRenderContext(null, true, true);

    private final List<String> entries;
    private final int longest;

    private SweepLegend(List<String> entries) {
        this.entries = List.copyOf(entries);
        this.longest = (int) entries.stream().mapToDouble(SweepLegend::width).max().orElse(0);
    }

    /** The legend of these entries, the names of the chart's series in the order they are added. */
    static SweepLegend of(List<String> entries) {
        return new SweepLegend(entries);
    }

    /** Whether the legend goes below the plot: some entry is too long for the right. */
    boolean below() {
        return longest > RIGHT_MOST;
    }

    /** The chart, sized for the plot and this legend, with the legend in its place. */
    XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart;
        if (below()) {
            int lines = entries.stream().mapToInt(entry -> name(entry).split("\n").length).sum();
            int lineHeight = (int) Math.ceil(FONT.getStringBounds("Xg", MEASURED).getHeight());
            chart = Palette.lineChart(title, xTitle, yTitle, WIDTH, HEIGHT + 30 + lines * lineHeight
                    + entries.size() * 8);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        } else {
            chart = Palette.lineChart(title, xTitle, yTitle, Math.max(WIDTH, 600 + longest),
                    Math.max(HEIGHT, 120 + 22 * entries.size()));
            // outside the plot: inside, the box hides the curves that fall late in a run, or the points of
            // the largest rates, often the lowest
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        }
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    /**
     * The series name that shows {@code entry}: the entry itself on the right; below the plot, the
     * entry broken into lines at spaces, or within a word longer than a line, to fit the chart's width.
     */
    String name(String entry) {
        if (!below() || width(entry) <= BELOW_MOST) {
            return entry;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : entry.split(" ")) {
            String joined = line.length() == 0 ? word : line + " " + word;
            if (width(joined) <= BELOW_MOST) {
                line.setLength(0);
                line.append(joined);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word longer than a line is broken where the line is full
            for (int c = 0; c < word.length(); c = word.offsetByCodePoints(c, 1)) {
                String longer = line.toString() + word.substring(c, word.offsetByCodePoints(c, 1));
                if (line.length() > 0 && width(longer) > BELOW_MOST) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(word.codePointAt(c));
            }
        }
        lines.add(line.toString());
        return String.join("\n", lines);
    }

    private static double width(String text) {
        return FONT.getStringBounds(text, MEASURED).getWidth();
    }
}

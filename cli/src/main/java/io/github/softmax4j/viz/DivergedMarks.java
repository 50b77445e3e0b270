package io.github.softmax4j.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The marks of the settings that diverged, drawn over a chart: each a cross in the colour of its
 * line, centred on the x axis (the plot's lower edge) at its value, and over the crosses at one
 * value a word ("diverged", "2 diverged"), moved in from the plot's edges so that it stays inside.
 * XChart draws a series' markers only within the span of the data, some way above the axis,
 * where their height would read as an accuracy; this draws on the axis itself. It extends XChart's
 * Annotation, which XChart exposes for custom drawing but keeps in an internal package: a new
 * XChart version (pom.xml's xchart.version) needs SweepChartsTest's pictures looked at again.
 */
final class DivergedMarks extends Annotation {
    // pixels between a cross and its word, and between a word and the plot's edge
    private static final int GAP = 3;

    /** A cross at {@code x}, in the x axis's units, in {@code colour}. */
    record Cross(double x, Color colour) {
    }

    /** The {@code text} over the crosses at {@code x}. */
    record Word(String text, double x) {
    }

    private final List<Cross> crosses;
    private final List<Word> words;

    DivergedMarks(List<Cross> crosses, List<Word> words) {
        super(false);
        this.crosses = List.copyOf(crosses);
        this.words = List.copyOf(words);
    }

    @Override
    public void paint(Graphics2D g) {
        Object antialiasing = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int axis = getYAxisScreenValueForMax();
        int size = styler.getMarkerSize() + 3;
        for (Cross cross : crosses) {
            g.setColor(cross.colour());
            SeriesMarkers.CROSS.paint(g, getXAxisScreenValue(cross.x()), axis, size);
        }
        g.setColor(styler.getAnnotationTextFontColor());
        int left = getXAxisScreenValueForMin() + GAP;
        int right = getXAxisScreenValueForMax() - GAP;
        for (Word word : words) {
            TextLayout layout = new TextLayout(word.text(), styler.getAnnotationTextFont(), g.getFontRenderContext());
            Rectangle2D ink = layout.getBounds();
            double x = Math.max(left, Math.min(right - ink.getWidth(), getXAxisScreenValue(word.x())
                    - ink.getWidth() / 2));
            double bottom = axis - size / 2.0 - GAP;
            AffineTransform place = AffineTransform.getTranslateInstance(x - ink.getX(),
                    bottom - ink.getY() - ink.getHeight());
            g.fill(layout.getOutline(place));
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialiasing);
    }
}

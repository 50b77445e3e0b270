package io.github.softmax4j.viz;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * What the linear model looks for: each class's weights drawn as an image the size of the input,
 * on a diverging scale centred on zero that is shared by all panels (red: a bright pixel there
 * raises the class's score; blue: it lowers it).
 */
public final class WeightTemplates {
    private static final int ZOOM = 5;
    private static final int GAP = 18;
    private static final int MARGIN = 20;
    private static final int COLUMNS = 5;

    private WeightTemplates() {
    }

    /** Renders {@code weight} (classes, height * width) row-major as one panel per class. */
    public static BufferedImage render(float[] weight, List<String> classNames, int height, int width) {
        int classes = classNames.size();
        float limit = 0;
        for (float w : weight) {
            limit = Math.max(limit, Math.abs(w));
        }
        int panelW = width * ZOOM;
        int panelH = height * ZOOM;
        int rows = (classes + COLUMNS - 1) / COLUMNS;
        int columns = Math.min(COLUMNS, classes);
        int titleH = 24;
        int imageW = 2 * MARGIN + columns * panelW + (columns - 1) * GAP;
        int legendTop = MARGIN + 40 + rows * (panelH + titleH + GAP);
        int imageH = legendTop + 70;

        BufferedImage image = new BufferedImage(imageW, imageH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Palette.BACKGROUND);
            g.fillRect(0, 0, imageW, imageH);
            g.setColor(Palette.TEXT);
            g.setFont(Palette.font(Font.BOLD, 16));
            g.drawString("Class templates: the weights of each class", MARGIN, MARGIN + 16);
            for (int c = 0; c < classes; c++) {
                int x = MARGIN + (c % COLUMNS) * (panelW + GAP);
                int y = MARGIN + 40 + (c / COLUMNS) * (panelH + titleH + GAP);
                g.setFont(Palette.font(Font.PLAIN, 14));
                g.setColor(Palette.TEXT);
                FontMetrics metrics = g.getFontMetrics();
                String name = classNames.get(c);
                g.drawString(name, x + (panelW - metrics.stringWidth(name)) / 2, y + 16);
                g.drawImage(panel(weight, c * height * width, height, width, limit), x, y + titleH, panelW, panelH, null);
            }
            drawLegend(g, (imageW - 300) / 2, legendTop + 8, limit);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static BufferedImage panel(float[] weight, int offset, int height, int width, float limit) {
        BufferedImage panel = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int col = 0; col < width; col++) {
                panel.setRGB(col, r, Palette.diverging(weight[offset + r * width + col], limit).getRGB());
            }
        }
        return panel;
    }

    private static void drawLegend(Graphics2D g, int x, int y, float limit) {
        int barW = 300;
        for (int i = 0; i < barW; i++) {
            g.setColor(Palette.diverging((2f * i / (barW - 1) - 1f) * limit, limit));
            g.fillRect(x + i, y, 1, 14);
        }
        g.setColor(Palette.MUTED);
        g.drawRect(x, y, barW, 14);
        g.setFont(Palette.font(Font.PLAIN, 12));
        g.setColor(Palette.TEXT);
        FontMetrics metrics = g.getFontMetrics();
        String low = String.format(Locale.ROOT, "%.3f", -limit);
        String high = String.format(Locale.ROOT, "+%.3f", limit);
        g.drawString(low, x - metrics.stringWidth(low) / 2, y + 30);
        g.drawString("0", x + barW / 2 - metrics.stringWidth("0") / 2, y + 30);
        g.drawString(high, x + barW - metrics.stringWidth(high) / 2, y + 30);
        String note = "blue: a bright pixel here lowers the class's score      red: raises it";
        g.setColor(Palette.MUTED);
        g.drawString(note, x + barW / 2 - metrics.stringWidth(note) / 2, y + 48);
    }
}

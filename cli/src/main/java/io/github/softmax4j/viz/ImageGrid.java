package io.github.softmax4j.viz;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A grid of 28x28 images, each with lines of caption above it (d2l: show_images and
 * predict_ch3). Pixels are shown as they are, light object on black, enlarged without
 * smoothing; a highlighted tile (a wrong prediction) gets its caption and a frame in red.
 */
public final class ImageGrid {
    /** One image: {@code pixels} (side x side uint8), caption lines, and whether to mark it. */
    public record Tile(byte[] pixels, List<String> caption, boolean highlighted) {
        public Tile {
            pixels = pixels.clone();
            caption = List.copyOf(caption);
        }
    }

    private static final int SIDE = 28;
    private static final int ZOOM = 4;
    private static final int CELL = SIDE * ZOOM;
    private static final int GAP = 14;
    private static final int LINE = 17;
    private static final int MARGIN = 16;
    private static final int TITLE = 34;

    private ImageGrid() {
    }

    /** Renders {@code tiles} in rows of {@code columns} under {@code title}; cells widen to fit captions. */
    public static BufferedImage render(String title, List<Tile> tiles, int columns) {
        int rows = (tiles.size() + columns - 1) / columns;
        int lines = tiles.stream().mapToInt(t -> t.caption().size()).max().orElse(0);
        Font captionFont = Palette.font(Font.PLAIN, 13);
        Font titleFont = Palette.font(Font.BOLD, 16);
        int cellWidth = Math.max(CELL, widestCaption(tiles, captionFont) + 8);
        int cellHeight = lines * LINE + 6 + CELL;
        int width = Math.max(2 * MARGIN + columns * cellWidth + (columns - 1) * GAP, titleWidth(title, titleFont) + 2 * MARGIN);
        int height = MARGIN + TITLE + rows * cellHeight + (rows - 1) * GAP + MARGIN;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Palette.BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setFont(titleFont);
            g.setColor(Palette.TEXT);
            g.drawString(title, MARGIN, MARGIN + 18);
            int left = (width - (columns * cellWidth + (columns - 1) * GAP)) / 2;
            for (int i = 0; i < tiles.size(); i++) {
                int x = left + (i % columns) * (cellWidth + GAP);
                int y = MARGIN + TITLE + (i / columns) * (cellHeight + GAP);
                drawTile(g, tiles.get(i), x, y, cellWidth, lines, captionFont);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawTile(Graphics2D g, Tile tile, int x, int y, int cellWidth, int lines, Font font) {
        g.setFont(font);
        g.setColor(tile.highlighted() ? Palette.WRONG : Palette.TEXT);
        FontMetrics metrics = g.getFontMetrics();
        int captionTop = y + (lines - tile.caption().size()) * LINE;
        for (int l = 0; l < tile.caption().size(); l++) {
            String text = tile.caption().get(l);
            g.drawString(text, x + (cellWidth - metrics.stringWidth(text)) / 2, captionTop + (l + 1) * LINE - 4);
        }
        int imageX = x + (cellWidth - CELL) / 2;
        int imageY = y + lines * LINE + 6;
        g.drawImage(grayscale(tile.pixels()), imageX, imageY, CELL, CELL, null);
        if (tile.highlighted()) {
            g.setStroke(new BasicStroke(3f));
            g.drawRect(imageX - 2, imageY - 2, CELL + 3, CELL + 3);
        }
    }

    /** The pixels as an RGB image with equal channels. */
    private static BufferedImage grayscale(byte[] pixels) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < pixels.length; i++) {
            int v = pixels[i] & 0xFF;
            image.setRGB(i % SIDE, i / SIDE, v << 16 | v << 8 | v);
        }
        return image;
    }

    private static int widestCaption(List<Tile> tiles, Font font) {
        FontMetrics metrics = metrics(font);
        return tiles.stream().flatMap(t -> t.caption().stream()).mapToInt(metrics::stringWidth).max().orElse(0);
    }

    private static int titleWidth(String title, Font font) {
        return metrics(font).stringWidth(title);
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}

package io.github.softmax4j.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** What tests look for in a rendered picture; the command line's tests look for text too. */
public final class Pixels {
    private Pixels() {
    }

    /** Number of distinct colours in the image: 1 for a blank one. */
    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** Number of pixels within {@code tolerance} of {@code colour} in every channel, in the given box. */
    static int count(BufferedImage image, Color colour, int tolerance, int x0, int y0, int x1, int y1) {
        int found = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) <= tolerance
                        && Math.abs(c.getGreen() - colour.getGreen()) <= tolerance
                        && Math.abs(c.getBlue() - colour.getBlue()) <= tolerance) {
                    found++;
                }
            }
        }
        return found;
    }

    /**
     * {@code text} as a picture draws it on the background with {@link Graphics2D#drawString} and
     * antialiased text, cut to its ink; {@code rotated} turns it a quarter left, to read bottom to top.
     */
    public static BufferedImage text(String text, Font font, Color colour, boolean rotated) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics metrics = scratch.createGraphics().getFontMetrics(font);
        int width = metrics.stringWidth(text) + 4;
        int height = metrics.getAscent() + metrics.getDescent() + 4;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Palette.BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.setColor(colour);
        g.drawString(text, 2, 2 + metrics.getAscent());
        g.dispose();
        if (rotated) {
            BufferedImage turned = new BufferedImage(height, width, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    turned.setRGB(y, width - 1 - x, image.getRGB(x, y));
                }
            }
            image = turned;
        }
        return ink(image);
    }

    // the smallest box holding every pixel that is not the background
    private static BufferedImage ink(BufferedImage image) {
        int background = Palette.BACKGROUND.getRGB();
        int x0 = image.getWidth();
        int y0 = image.getHeight();
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return image.getSubimage(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /** Whether {@code part} appears pixel for pixel in {@code image} with its left edge at x0 or right of it. */
    public static boolean contains(BufferedImage image, BufferedImage part, int x0) {
        // try only where the part's first ink pixel lands on its colour
        int ax = 0;
        while (part.getRGB(ax, 0) == Palette.BACKGROUND.getRGB()) {
            ax++;
        }
        int anchor = part.getRGB(ax, 0);
        for (int y = 0; y + part.getHeight() <= image.getHeight(); y++) {
            for (int x = Math.max(0, x0); x + part.getWidth() <= image.getWidth(); x++) {
                if (image.getRGB(x + ax, y) == anchor && matches(image, part, x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(BufferedImage image, BufferedImage part, int x0, int y0) {
        for (int y = 0; y < part.getHeight(); y++) {
            for (int x = 0; x < part.getWidth(); x++) {
                if (image.getRGB(x0 + x, y0 + y) != part.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The smallest box holding every pixel of exactly {@code colour}; empty if there is none. */
    static Rectangle box(BufferedImage image, Color colour) {
        Rectangle box = new Rectangle();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == colour.getRGB()) {
                    box = box.isEmpty() ? new Rectangle(x, y, 1, 1) : box.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return box;
    }

    /** {@link #count} over the whole image. */
    static int count(BufferedImage image, Color colour, int tolerance) {
        return count(image, colour, tolerance, 0, 0, image.getWidth(), image.getHeight());
    }
}

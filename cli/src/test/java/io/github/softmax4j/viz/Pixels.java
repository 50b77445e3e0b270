package io.github.softmax4j.viz;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** What tests look for in a rendered picture. */
final class Pixels {
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

    /** {@link #count} over the whole image. */
    static int count(BufferedImage image, Color colour, int tolerance) {
        return count(image, colour, tolerance, 0, 0, image.getWidth(), image.getHeight());
    }
}

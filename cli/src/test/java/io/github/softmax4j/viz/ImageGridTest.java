package io.github.softmax4j.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageGridTest {
    private static byte[] square(int brightness) {
        byte[] pixels = new byte[784];
        for (int r = 8; r < 20; r++) {
            for (int c = 8; c < 20; c++) {
                pixels[r * 28 + c] = (byte) brightness;
            }
        }
        return pixels;
    }

    @Test
    void lays18TilesOutInThreeRowsOfSix() {
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            tiles.add(new ImageGrid.Tile(square(200), List.of("Sneaker"), false));
        }
        BufferedImage image = ImageGrid.render("Samples", tiles, 6);
        assertTrue(image.getWidth() > 6 * 112 && image.getWidth() < 6 * 112 + 200, "width " + image.getWidth());
        assertTrue(image.getHeight() > 3 * 112 && image.getHeight() < 3 * 112 + 250, "height " + image.getHeight());
        // each tile is a black square holding a gray square of 12x12 pixels, drawn 4 times larger
        int gray = Pixels.count(image, new Color(200, 200, 200), 0);
        assertTrue(gray >= 18 * 48 * 48 && gray < 18 * 48 * 48 * 11 / 10, "gray pixels: " + gray);
        assertTrue(Pixels.count(image, Color.BLACK, 0) >= 18 * (112 * 112 - 48 * 48));
        assertEquals(0, Pixels.count(image, Palette.WRONG, 20), "nothing is marked wrong");
    }

    @Test
    void marksOnlyTheHighlightedTileInRed() {
        List<ImageGrid.Tile> tiles = List.of(new ImageGrid.Tile(square(200), List.of("Shirt", "Shirt"), false),
                new ImageGrid.Tile(square(200), List.of("Shirt", "Coat"), true));
        BufferedImage image = ImageGrid.render("Predictions", tiles, 2);
        int half = image.getWidth() / 2;
        assertEquals(0, Pixels.count(image, Palette.WRONG, 30, 0, 40, half, image.getHeight()));
        assertTrue(Pixels.count(image, Palette.WRONG, 30, half, 40, image.getWidth(), image.getHeight()) > 4 * 112,
                "a red frame around the wrong prediction");
    }

    @Test
    void copiesTheTileData() {
        byte[] pixels = square(255);
        List<String> caption = new ArrayList<>(List.of("Bag"));
        ImageGrid.Tile tile = new ImageGrid.Tile(pixels, caption, false);
        pixels[8 * 28 + 8] = 0;
        caption.add("changed");
        assertEquals((byte) 255, tile.pixels()[8 * 28 + 8]);
        assertEquals(List.of("Bag"), tile.caption());
    }
}

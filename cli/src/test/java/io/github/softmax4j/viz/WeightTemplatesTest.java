package io.github.softmax4j.viz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightTemplatesTest {
    @Test
    void positiveWeightsAreRedNegativeBlueOnOneSharedScale() {
        // class 0: all +1; class 1: all -1 (2x2 "images")
        float[] weight = {1, 1, 1, 1, -1, -1, -1, -1};
        BufferedImage image = WeightTemplates.render(weight, List.of("up", "down"), 2, 2);
        assertTrue(Pixels.count(image, Palette.POSITIVE, 2) >= 100, "the first panel is fully red");
        assertTrue(Pixels.count(image, Palette.NEGATIVE, 2) >= 100, "the second panel is fully blue");
    }

    @Test
    void zeroIsWhite() {
        assertTrue(Palette.diverging(0f, 0.5f).equals(java.awt.Color.WHITE));
        assertTrue(Palette.diverging(0.5f, 0.5f).equals(Palette.POSITIVE));
        assertTrue(Palette.diverging(-9f, 0.5f).equals(Palette.NEGATIVE));
    }
}

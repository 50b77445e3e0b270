package io.github.softmax4j.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TilesTest {
    @Test
    void aMistakesConfidenceIsRoundedButNeverToACertaintyItIsNot() {
        assertEquals("p = 0.973", Tiles.confidence(0.97349));
        assertEquals("p = 0.999", Tiles.confidence(0.9994));
        assertEquals("p > 0.999", Tiles.confidence(0.99996));
        assertEquals("p = 1.000", Tiles.confidence(1.0));
    }
}

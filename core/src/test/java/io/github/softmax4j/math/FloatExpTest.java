package io.github.softmax4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatExpTest {
    @Test
    void isWithinThreeUnitsInTheLastPlaceOverTheWholeRange() {
        int first = Float.floatToRawIntBits(-0f);
        int last = Float.floatToRawIntBits(FloatExp.FLOOR);
        double worst = 0;
        float worstAt = 0;
        // every 16th of the 1.1 billion floats in [FLOOR, 0]; all of them give at most 2.74
        for (int bits = first; bits <= last; bits += 16) {
            float x = Float.intBitsToFloat(bits);
            double exact = Math.exp(x);
            double ulps = Math.abs(FloatExp.exp(x) - exact) / Math.ulp((float) exact);
            if (ulps > worst) {
                worst = ulps;
                worstAt = x;
            }
        }
        assertTrue(worst <= 3, worst + " units in the last place at " + worstAt);
    }

    @Test
    void keepsTheEdgesOfItsRange() {
        assertEquals(1f, FloatExp.exp(0f));
        assertEquals(1f, FloatExp.exp(-0f));
        assertEquals(FloatExp.exp(FloatExp.FLOOR), FloatExp.exp(Float.NEGATIVE_INFINITY));
        assertTrue(FloatExp.exp(FloatExp.FLOOR) >= Float.MIN_NORMAL);
        assertTrue(Float.isNaN(FloatExp.exp(Float.NaN)));
    }
}

package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SettingTextTest {
    @Test
    void floatsPrintAsTheShortestDecimalAUserWouldType() {
        assertEquals("50", SettingText.of(50f));
        assertEquals("0.1", SettingText.of(0.1f));
        assertEquals("0.03", SettingText.of(0.03f));
        assertEquals("0.0001", SettingText.of(1e-4f));
        assertEquals("0", SettingText.of(0f));
        assertEquals("-2", SettingText.of(-2f));
        assertEquals("9999", SettingText.of(9999f));
        assertEquals("0.00025", SettingText.of(2.5e-4f));
    }

    @Test
    void numbersThatGrowByAFactorKeepOneNotationPastTheEdgesOfThePlainRange() {
        // a sweep's --lr 1e3,1e4,...,1e8: plain up to 1000, then exponents, never 1000000 beside 1e7
        List<String> large = new ArrayList<>();
        for (float lr : new float[] {1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f}) {
            large.add(SettingText.of(lr));
        }
        assertEquals(List.of("1000", "1e4", "1e5", "1e6", "1e7", "1e8"), large);
        List<String> small = new ArrayList<>();
        for (float decay : new float[] {1e-3f, 1e-4f, 1e-5f, 1e-6f, 1e-7f}) {
            small.add(SettingText.of(decay));
        }
        assertEquals(List.of("0.001", "0.0001", "1e-5", "1e-6", "1e-7"), small);
        // a sweep's run folders keep the names earlier versions gave them below 1e4
        assertEquals(List.of("0.00005", "0.00002", "1e-5"), List.of(SettingText.of(5e-5f), SettingText.of(2e-5f),
                SettingText.of(1e-5f)));
        assertEquals("1.2e4", SettingText.of(12000f));
        assertEquals("1.00005e4", SettingText.of(10000.5f));
        assertEquals("-1e6", SettingText.of(-1e6f));
        assertEquals("1e6", SettingText.of((Object) 1000000.0), "as metrics.json gives it back");
    }

    @Test
    void veryLargeAndVerySmallNumbersUseAShortExponent() {
        assertEquals("1e-7", SettingText.of(1e-7f));
        assertEquals("2.5e-7", SettingText.of(2.5e-7f));
        assertEquals("3e38", SettingText.of(3e38f));
        assertEquals("NaN", SettingText.of(Float.NaN));
        assertEquals("Infinity", SettingText.of(Float.POSITIVE_INFINITY));
    }

    @Test
    void valuesReadBackFromJsonPrintTheSameWay() {
        // metrics.json holds floats as 50.0 and 1.0E-4, which read back as doubles
        assertEquals("50", SettingText.of((Object) 50.0));
        assertEquals("0.0001", SettingText.of((Object) 1.0e-4));
        assertEquals("1", SettingText.of(1.0));
        assertEquals("0.03", SettingText.of((Object) 0.03f));
        assertEquals("256", SettingText.of((Object) 256));
        assertEquals("cosine", SettingText.of((Object) "cosine"));
        assertEquals("true", SettingText.of((Object) true));
        assertEquals("-", SettingText.of((Object) null));
    }

    @Test
    void aFloatSettingReadsTheSameAsItsValueReadBackFromJson() {
        // a config line prints the float, a table or report the double metrics.json gives back: weight decay 1e-5
        // is one of them, a hair below 1e-5 as a float and exactly 1e-5 as the double read from "1.0E-5"
        assertEquals("1e-5", SettingText.of((Object) 1.0e-5));
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            float value = (float) Math.pow(10, -9 + 14 * random.nextDouble()) * (random.nextBoolean() ? 1 : -1);
            assertEquals(SettingText.of(value), SettingText.of((Object) Double.parseDouble(Float.toString(value))),
                    Float.toString(value));
        }
        for (float edge : new float[] {1e-5f, Math.nextUp(1e-5f), Math.nextDown(1e-5f), 1e4f, Math.nextDown(1e4f)}) {
            assertEquals(SettingText.of(edge), SettingText.of((Object) Double.parseDouble(Float.toString(edge))),
                    Float.toString(edge));
        }
    }

    @Test
    void anExplodedLossIsWrittenInTheSettingsNotationToThreeDigits() {
        assertEquals("the loss exploded to 3.58e7", DivergenceException.describe(35_812_345.0));
        assertEquals("the loss exploded to 46.1", DivergenceException.describe(46.0517));
        assertEquals("the loss became NaN", DivergenceException.describe(Double.NaN));
    }
}

package io.github.softmax4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("1000000", SettingText.of(1e6f));
    }

    @Test
    void veryLargeAndVerySmallNumbersUseAShortExponent() {
        assertEquals("0.000001", SettingText.of(1e-6f));
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
}

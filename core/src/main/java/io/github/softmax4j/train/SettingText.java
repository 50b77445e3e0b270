package io.github.softmax4j.train;

import java.math.BigDecimal;

/**
 * A setting's value as a person types it: the shortest decimal that reads back as the same
 * number, so a learning rate of 50 prints as 50, not 50.0, and 1e-4 as 0.0001, not 1.0E-4. Run
 * names, the printed tables and messages all use it, so one value reads the same everywhere.
 */
public final class SettingText {
    private SettingText() {
    }

    /** 0.1 -> "0.1", 50 -> "50", 1e-4 -> "0.0001", 1e-7 -> "1e-7", 3e38 -> "3e38". */
    public static String of(float value) {
        return Float.isFinite(value) ? decimal(Float.toString(value), Math.abs(value)) : Float.toString(value);
    }

    /** The same for a double, such as a float setting read back from metrics.json: 50.0 -> "50". */
    public static String of(double value) {
        return Double.isFinite(value) ? decimal(Double.toString(value), Math.abs(value)) : Double.toString(value);
    }

    /**
     * A value of a settings map: a number as {@link #of(float)} writes it, a missing value as "-",
     * anything else as its text.
     */
    public static String of(Object value) {
        if (value instanceof Float f) {
            return of(f.floatValue());
        }
        if (value instanceof Double d) {
            return of(d.doubleValue());
        }
        return value == null ? "-" : String.valueOf(value);
    }

    // plain below 1e7 and down to 1e-6 (smaller ones BigDecimal writes with an exponent), else a
    // short exponent: 1e-7, 2.5e-8, 3e38
    private static String decimal(String shortest, double magnitude) {
        BigDecimal decimal = new BigDecimal(shortest).stripTrailingZeros();
        return magnitude == 0 || magnitude >= 1e-5 && magnitude < 1e7 ? decimal.toPlainString()
                : decimal.toString().replace("E+", "e").replace("E", "e");
    }
}

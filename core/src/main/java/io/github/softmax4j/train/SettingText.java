package io.github.softmax4j.train;

import java.math.BigDecimal;

/**
 * A setting's value as a person types it: the shortest decimal that reads back as the same
 * number, so a learning rate of 50 prints as 50, not 50.0, and 1e-4 as 0.0001, not 1.0E-4. One
 * rule picks the notation: plain above 0.00001 up to below 10000, where it reads at a glance, and a
 * short exponent outside (1e4, 1e6, 1e-5, 1e-6), so learning rates that grow by a factor never
 * switch between 1000000 and 1e7 within a list. The rule reads the shortest decimal, so a float
 * setting and the double that metrics.json gives back for it print alike. Run names, the printed
 * tables, the charts, the report and messages all use it, so one value reads the same everywhere.
 */
public final class SettingText {
    // plain strictly above the lower edge: the float nearest 1e-5 lies a hair below it, so run folders have
    // always been named wd1e-5, and sweep --resume finds the runs of a sweep an earlier version started
    private static final BigDecimal LOWER_EDGE = new BigDecimal("0.00001");
    private static final BigDecimal LARGEST_PLAIN = new BigDecimal("10000");

    private SettingText() {
    }

    /** 0.1 -> "0.1", 50 -> "50", 1e-4 -> "0.0001", 5e-5 -> "0.00005", 1e6 -> "1e6", 1e-7 -> "1e-7", 3e38 -> "3e38". */
    public static String of(float value) {
        return Float.isFinite(value) ? decimal(Float.toString(value)) : Float.toString(value);
    }

    /** The same for a double, such as a float setting read back from metrics.json: 50.0 -> "50". */
    public static String of(double value) {
        return Double.isFinite(value) ? decimal(Double.toString(value)) : Double.toString(value);
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

    // plain above 1e-5 up to below 1e4, else the digits as d.ddd and a short exponent: 1e6, 1e-5, 2.5e-7, 3e38
    private static String decimal(String shortest) {
        BigDecimal decimal = new BigDecimal(shortest).stripTrailingZeros();
        boolean plain = decimal.abs().compareTo(LOWER_EDGE) > 0 && decimal.abs().compareTo(LARGEST_PLAIN) < 0;
        if (decimal.signum() == 0 || plain) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        return (decimal.signum() < 0 ? "-" : "") + digits.charAt(0)
                + (digits.length() > 1 ? "." + digits.substring(1) : "") + "e" + exponent;
    }
}

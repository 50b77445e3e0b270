package io.github.softmax4j.cli;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the value of every float and double option, as Java reads a number, but refuses one the
 * type cannot hold instead of reading it as what the type rounds it to: {@code --lr 1e309} is not
 * Infinity, and {@code --lr 1e-50} is not 0. The message quotes the value as typed and states the
 * type's limit.
 */
final class FloatingPoint {
    // the digits before the exponent, without sign or hex prefix; a number is zero only if they are all 0
    private static final Pattern DECIMAL_SIGNIFICAND = Pattern.compile("[+-]?([0-9.]*).*");
    private static final Pattern HEX_SIGNIFICAND = Pattern.compile("[+-]?0[xX]([0-9a-fA-F.]*).*");

    private FloatingPoint() {
    }

    /** The float {@code value} names; a BadValue for text that is not a number or past a float's range. */
    static Float toFloat(String value) {
        return read(value, Float::valueOf, "a float", String.valueOf(Float.MAX_VALUE),
                String.valueOf(Float.MIN_VALUE));
    }

    /** The double {@code value} names; a BadValue for text that is not a number or past a double's range. */
    static Double toDouble(String value) {
        return read(value, Double::valueOf, "a double", String.valueOf(Double.MAX_VALUE),
                String.valueOf(Double.MIN_VALUE));
    }

    private static <T extends Number> T read(String value, Function<String, T> parse, String type, String largest,
                                             String smallest) {
        T number;
        try {
            number = parse.apply(value);
        } catch (NumberFormatException e) {
            throw BadValue.mustBe("a number", value);
        }
        double read = number.doubleValue();
        if (Double.isInfinite(read) && !value.contains("Infinity")) {
            throw new BadValue(value + " is too large in size for " + type + ", which holds numbers between -"
                    + largest + " and " + largest);
        }
        if (read == 0 && !zero(value)) {
            throw new BadValue(value + " is too small in size for " + type + ", whose smallest number above 0 is "
                    + smallest + " (it would be read as 0)");
        }
        return number;
    }

    // whether the text names zero itself ("0", "-0.0", "0e5", "0x0p3") rather than a number that rounds to it
    private static boolean zero(String value) {
        var hex = HEX_SIGNIFICAND.matcher(value.strip());
        if (hex.matches()) {
            return !hex.group(1).matches(".*[1-9a-fA-F].*");
        }
        var decimal = DECIMAL_SIGNIFICAND.matcher(value.strip());
        return decimal.matches() && !decimal.group(1).matches(".*[1-9].*");
    }
}

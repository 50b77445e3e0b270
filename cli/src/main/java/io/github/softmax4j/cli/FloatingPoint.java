package io.github.softmax4j.cli;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the value of every float and double option: a number as a person writes one ({@code 0.1},
 * {@code -2}, {@code 1e-3}, or {@code Infinity} and {@code NaN} for the option's own check to
 * refuse), not Java's other spellings ({@code 0.1f}, {@code 0x1p3}). A number the type cannot hold
 * is refused instead of read as what the type rounds it to: {@code --lr 1e309} is not Infinity, and
 * {@code --lr 1e-50} is not 0. The message quotes the value as typed and states the type's limit.
 */
final class FloatingPoint {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:Infinity|NaN|([0-9]+\\.?[0-9]*|\\.[0-9]+)"
            + "(?:[eE][+-]?[0-9]+)?)");

    private FloatingPoint() {
    }

    /** The float {@code value} names; a BadValue for text that is not a number or past a float's range. */
    static Float toFloat(String value) {
        return read(value, Float::valueOf, "a float", "3.4e38", "1.4e-45");
    }

    /** The double {@code value} names; a BadValue for text that is not a number or past a double's range. */
    static Double toDouble(String value) {
        return read(value, Double::valueOf, "a double", "1.8e308", "4.9e-324");
    }

    private static <T extends Number> T read(String value, Function<String, T> parse, String type, String largest,
                                             String smallest) {
        Matcher decimal = DECIMAL.matcher(value.strip());
        if (!decimal.matches()) {
            throw BadValue.mustBe("a number", value);
        }
        T number = parse.apply(value.strip());
        double read = number.doubleValue();
        if (Double.isInfinite(read) && decimal.group(1) != null) {
            throw new BadValue(value + " is too large for " + type + ", which holds numbers up to about " + largest
                    + " either side of 0");
        }
        if (read == 0 && decimal.group(1) != null && decimal.group(1).matches(".*[1-9].*")) {
            throw new BadValue(value + " is too small for " + type + ", whose smallest number above 0 is about "
                    + smallest + " (it would be read as 0)");
        }
        return number;
    }
}

package io.github.softmax4j.cli;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * A value an option or parameter cannot take, told as every other bad option is: its name, what it
 * must be, and what it got ({@code --lr must be a number, got abc}). The project's converters throw
 * it with the words that follow the name; for the types picocli converts itself (numbers, true or
 * false, the values of an enum) {@link #describe} says what the type takes.
 */
final class BadValue extends TypeConversionException {
    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, float.class, Float.class, double.class, Double.class,
            boolean.class, Boolean.class);
    private static final Map<Class<?>, long[]> WHOLE_NUMBERS = Map.of(Integer.class,
            new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE}, Byte.class,
            new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE});

    /** {@code words} follow the option's name: "must be unit or symmetric, got bright". */
    BadValue(String words) {
        super(words);
    }

    /** For a value that is not {@code requirement}: "must be a number, got abc". */
    static BadValue mustBe(String requirement, String value) {
        return new BadValue("must be " + requirement + ", got " + shown(value));
    }

    /** The line for a value that could not be converted, without the command's prefix; empty for any other problem. */
    static Optional<String> describe(ParameterException e) {
        ArgSpec arg = e.getArgSpec();
        if (arg == null || e.getValue() == null || !(e.getCause() instanceof TypeConversionException problem)) {
            return Optional.empty();
        }
        String name = arg instanceof OptionSpec option ? option.longestName() : ((PositionalParamSpec) arg).paramLabel();
        String words = problem instanceof BadValue own ? own.getMessage()
                : mustBe(requirement(arg, e.getValue()), e.getValue()).getMessage();
        return Optional.of(name + " " + words);
    }

    // what picocli's own conversion of the option's type takes
    private static String requirement(ArgSpec arg, String value) {
        Class<?> raw = arg.isMultiValue() ? arg.auxiliaryTypes()[0] : arg.type();
        Class<?> type = WRAPPERS.getOrDefault(raw, raw);
        if (WHOLE_NUMBERS.containsKey(type)) {
            return wholeNumber(WHOLE_NUMBERS.get(type), value);
        }
        if (type == Float.class || type == Double.class) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return either(Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        return "a valid " + type.getSimpleName();
    }

    // a whole number past the type's range is told the limit it passed
    private static String wholeNumber(long[] range, String value) {
        if (!value.strip().matches("[+-]?\\d+")) {
            return "a whole number";
        }
        BigInteger number = new BigInteger(value.strip());
        return number.signum() < 0 ? "a whole number down to " + range[0] : "a whole number up to " + range[1];
    }

    /** "a, b or c". */
    static String either(List<String> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return values.subList(0, values.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + values.get(values.size() - 1);
    }

    // an empty value would read as nothing at all after "got"
    private static String shown(String value) {
        return value.isBlank() ? "'" + value + "'" : value;
    }
}

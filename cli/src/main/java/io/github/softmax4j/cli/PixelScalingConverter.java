package io.github.softmax4j.cli;

import io.github.softmax4j.data.PixelScaling;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --pixels unit|symmetric}. */
final class PixelScalingConverter implements ITypeConverter<PixelScaling> {
    @Override
    public PixelScaling convert(String value) {
        try {
            return PixelScaling.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected 'unit' or 'symmetric', got '" + value + "'");
        }
    }
}

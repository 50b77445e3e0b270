package io.github.softmax4j.cli;

import io.github.softmax4j.data.PixelScaling;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --pixels unit|symmetric}. */
final class PixelScalingConverter implements ITypeConverter<PixelScaling> {
    @Override
    public PixelScaling convert(String value) {
        try {
            return PixelScaling.fromId(value);
        } catch (IllegalArgumentException e) {
            List<String> ids = Arrays.stream(PixelScaling.values()).map(PixelScaling::id).toList();
            throw BadValue.mustBe(BadValue.either(ids), value);
        }
    }
}

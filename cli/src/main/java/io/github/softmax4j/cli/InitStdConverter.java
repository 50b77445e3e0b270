package io.github.softmax4j.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads {@code --init-std}: a standard deviation from 0 to {@value #MAX}. Larger initial weights
 * make the softmax answer the same for every image (with pixels in [0, 1] the logits run into the
 * thousands), and from about 3.7e37 on some weights are infinite, a model no command can load.
 */
final class InitStdConverter implements ITypeConverter<Float> {
    /** The largest standard deviation accepted. */
    static final float MAX = 100;

    @Override
    public Float convert(String value) {
        float std = FloatingPoint.toFloat(value);
        if (!(std >= 0 && std <= MAX)) {
            throw BadValue.mustBe(String.format(Locale.ROOT, "between 0 and %.0f (d2l uses 0.01)", MAX), value);
        }
        return std;
    }
}

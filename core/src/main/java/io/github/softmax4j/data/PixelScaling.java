package io.github.softmax4j.data;

import java.util.Locale;

/**
 * How uint8 pixels become model inputs. {@code UNIT} is torchvision's ToTensor (x/255, as the d2l
 * chapter uses); {@code SYMMETRIC} adds Normalize(0.5, 0.5), giving (x/255 - 0.5)/0.5 in [-1, 1].
 */
public enum PixelScaling {
    UNIT("x/255", 0f, 1f),
    SYMMETRIC("(x/255 - 0.5)/0.5", 0.5f, 0.5f);

    private final String formula;
    private final float mean;
    private final float std;

    PixelScaling(String formula, float mean, float std) {
        this.formula = formula;
        this.mean = mean;
        this.std = std;
    }

    /** The scaled value of one uint8 pixel given as a signed Java byte: (x/255 - mean) / std. */
    public float scale(byte pixel) {
        return ((pixel & 0xFF) / 255f - mean) / std;
    }

    /** The mean subtracted after dividing by 255: 0 or 0.5. */
    public float mean() {
        return mean;
    }

    /** The standard deviation divided by last: 1 or 0.5. */
    public float std() {
        return std;
    }

    /** The formula, for people: {@code x/255} or {@code (x/255 - 0.5)/0.5}. */
    public String formula() {
        return formula;
    }

    /** The lower-case name used on the command line and in model files: {@code unit} or {@code symmetric}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}; throws IllegalArgumentException naming the accepted values. */
    public static PixelScaling fromId(String id) {
        for (PixelScaling s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("pixel scaling must be 'unit' or 'symmetric', got '" + id + "'");
    }
}

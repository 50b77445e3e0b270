package io.github.softmax4j.viz;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.eval.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The tiles of the image grids: samples with their class (show_images), predictions, mistakes. */
public final class Tiles {
    private Tiles() {
    }

    /** Examples first .. first+count-1, captioned with their class name (d2l: show_images). */
    public static List<ImageGrid.Tile> samples(Dataset data, int first, int count, List<String> classNames) {
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            tiles.add(new ImageGrid.Tile(data.image(i), List.of(classNames.get(data.label(i))), false));
        }
        return tiles;
    }

    /**
     * Examples first .. first+count-1 captioned "true" over "predicted" (d2l: predict_ch3), the
     * wrong ones highlighted.
     */
    public static List<ImageGrid.Tile> predictions(Predictions predictions, Dataset data, int first, int count,
                                                   List<String> classNames) {
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            tiles.add(new ImageGrid.Tile(data.image(i), List.of(classNames.get(predictions.truth(i)),
                    classNames.get(predictions.predicted(i))), !predictions.correct(i)));
        }
        return tiles;
    }

    /** Up to {@code count} misclassified examples, most confident first, with both classes and p. */
    public static List<ImageGrid.Tile> mistakes(Predictions predictions, Dataset data, int count,
                                                List<String> classNames) {
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int i : predictions.mostConfidentMistakes(count)) {
            tiles.add(new ImageGrid.Tile(data.image(i), List.of("true: " + classNames.get(predictions.truth(i)),
                    "said: " + classNames.get(predictions.predicted(i)),
                    confidence(predictions.confidence(i)) + "  (#" + i + ")"), true));
        }
        return tiles;
    }

    /** "p = 0.973"; a probability below 1 that rounds to 1.000 is "p > 0.999", never a certainty it is not. */
    static String confidence(double p) {
        String rounded = String.format(Locale.ROOT, "%.3f", p);
        return p < 1 && rounded.equals("1.000") ? "p > 0.999" : "p = " + rounded;
    }
}

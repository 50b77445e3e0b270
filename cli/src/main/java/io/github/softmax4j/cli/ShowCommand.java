package io.github.softmax4j.cli;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.eval.Predictions;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.viz.ImageGrid;
import io.github.softmax4j.viz.Png;
import io.github.softmax4j.viz.Tiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code softmax4j show}: a grid of data set images with their class names (d2l: show_images). */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw a grid of Fashion-MNIST images titled with their class (d2l's show_images) as a PNG.",
                "With --model, each title is the true class over the model's prediction, wrong ones in red."})
final class ShowCommand implements Callable<Integer> {
    /** Which part of the data set to draw from. */
    enum Split { train, test }

    // the most images a row, and rows: each side of the picture stays within about 15,000 pixels (a tile with its
    // caption and gap is about 126 pixels wide and 150 tall), where one row of 1000 would be 126,000 pixels wide
    private static final int MOST_A_SIDE = 100;

    @Spec
    private CommandSpec spec;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "train",
            description = "train or test (default: ${DEFAULT-VALUE}).")
    private Split split;

    @Option(names = "--count", paramLabel = "N", defaultValue = "18", description = "Number of images, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    private int count;

    @Option(names = "--rows", paramLabel = "N", description = "Rows of the grid, 1 to --count, at most 100, and enough that a row holds "
            + "at most 100 images (default: about half as many as columns, 3 for 18 images).")
    private Integer rows;

    @Option(names = "--first", paramLabel = "INDEX", defaultValue = "0",
            description = "Index of the first image in the split, 0 or more, the last image within it (default: ${DEFAULT-VALUE}).")
    private int first;

    @Option(names = "--model", paramLabel = "MODEL", description = "Also show this model's predictions.")
    private Path model;

    @Mixin
    private DataDirOption data;

    @Option(names = "--out", paramLabel = "FILE", description = "PNG file to write; missing folders on its path are "
            + "created (default: fashion-mnist-<split>.png).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        checkOptions();
        Path target = target();
        try {
            SavedModel saved = model == null ? null : Models.loadFor(model, data.dataSet());
            if (model != null) {
                Models.untrainedNote("show", model).ifPresent(stderr::println);
            }
            Dataset images = split == Split.train ? data.load().train() : data.loadTest(false);
            if ((long) first + count > images.size()) {
                throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                        "--first %d with --count %d goes past the %d images of the %s split; keep --first + --count "
                                + "at most %d", first, count, images.size(), split, images.size()));
            }
            int columns = (count + rows - 1) / rows;
            List<ImageGrid.Tile> tiles;
            String title = count == 1 ? String.format(Locale.ROOT, "%s %s image %d", data.dataSet().name(), split, first)
                    : String.format(Locale.ROOT, "%s %s images %d to %d", data.dataSet().name(), split, first,
                    first + count - 1);
            if (saved == null) {
                tiles = Tiles.samples(images, first, count, data.dataSet().classNames());
            } else {
                Predictions predictions = Predictions.of(saved.model(), images, saved.pixelScaling());
                tiles = Tiles.predictions(predictions, images, first, count, saved.classNames());
                title += ": true class over predicted class (red: wrong)";
            }
            Png.write(ImageGrid.render(title, tiles, columns), target);
            stdout.println("picture: " + target);
            return 0;
        } catch (IOException e) {
            stderr.println("softmax4j show: " + FileProblem.describe(e));
            return Softmax4jCli.EXIT_PROBLEM;
        }
    }

    private void checkOptions() {
        if (count < 1 || count > 1000) {
            throw new ParameterException(spec.commandLine(), "--count must be between 1 and 1000, got " + count);
        }
        if (rows == null) {
            rows = (int) Math.max(1, Math.round(Math.sqrt(count / 2.0)));
        }
        if (rows < 1 || rows > count) {
            throw new ParameterException(spec.commandLine(), "--rows must be between 1 and --count (" + count + "), got " + rows);
        }
        int fewestRows = (count + MOST_A_SIDE - 1) / MOST_A_SIDE;
        if (rows < fewestRows || rows > MOST_A_SIDE) {
            throw new ParameterException(spec.commandLine(), "--rows must be between " + fewestRows + " and "
                    + Math.min(count, MOST_A_SIDE) + " for --count " + count + ", got " + rows + ": a grid has at most "
                    + MOST_A_SIDE + " images a row and " + MOST_A_SIDE + " rows, so that its picture can be viewed");
        }
        if (first < 0) {
            throw new ParameterException(spec.commandLine(), "--first must be >= 0, got " + first);
        }
        data.validate();
        Models.requireFile(spec, model, "--model");
        OutputFile.check(spec, out, "--out", ".png", "a PNG");
        OutputFile.requireNotInput(spec, target(), out == null ? "the default --out" : "--out", model, "--model");
        if (out == null) {
            OutputFile.requireDefaultWritable(spec, target());
        }
        OutputFile.requireNotInUse(spec, out == null ? "the default --out" : "--out", target(),
                target().toAbsolutePath().getParent(), out == null ? "give --out FILE in another folder"
                        : "choose another folder");
    }

    private Path target() {
        return out != null ? out : Path.of("fashion-mnist-" + split + ".png");
    }

}

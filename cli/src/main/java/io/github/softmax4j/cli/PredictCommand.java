package io.github.softmax4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.ImagePreprocessor;
import io.github.softmax4j.data.TerminalText;
import io.github.softmax4j.model.Classifier;
import io.github.softmax4j.model.PredictionReport;
import io.github.softmax4j.train.SettingText;
import io.github.softmax4j.viz.Png;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code softmax4j predict MODEL IMAGE...}: classify a person's own images, or test images by index. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Classify images of clothing with a saved model. Any PNG, JPEG, GIF or BMP is prepared as the "
                + "training data was: grayscale; the garment is what differs from the border's background, lighter "
                + "or darker, shown light on black; cropped to it (specks aside), its longer side scaled to 28 pixels "
                + "and centred. A picture where nothing stands out is reported, not answered.")
final class PredictCommand implements Callable<Integer> {
    // made on first use: picocli makes every command to parse any command line, and an
    // ObjectMapper's classes take tens of milliseconds to load
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.safetensors written by softmax4j train.")
    private Path modelPath;

    @Parameters(index = "1..*", paramLabel = "IMAGE", description = "Image files to classify.")
    private List<Path> images = new ArrayList<>();

    @Option(names = "--test-index", paramLabel = "N", description = "Also classify test image N, 0 to 9999 (repeatable).")
    private List<Integer> testIndices = new ArrayList<>();

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "Classes to list per image, 1 to the model's classes (10) (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0",
            description = "Answer \"unsure\" when the best class's probability is below P, 0 to 1 (default: ${DEFAULT-VALUE}; "
                    + "see the table of softmax4j evaluate to choose it).")
    private double minConfidence;

    @Option(names = "--json", description = "Print one JSON object per image, one per line.")
    private boolean json;

    @Option(names = "--save-input", paramLabel = "DIR", description = "Write the 28x28 image the model saw, for each "
            + "input, into DIR (created, with missing folders above it) as NAME-28x28.png; inputs sharing a NAME get "
            + "NAME-2-28x28.png, NAME-3-...")
    private Path saveInput;

    @Mixin
    private DataDirOption data;

    // the file each input's 28x28 image is saved to with --save-input, images first, then test images, in the order given
    private final List<Path> savedFiles = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        checkOptions();
        Classifier classifier;
        try {
            classifier = new Classifier(Models.loadFor(modelPath, data.dataSet()));
            Models.untrainedNote("predict", modelPath).ifPresent(err::println);
        } catch (IOException e) {
            err.println("softmax4j predict: " + FileProblem.describe(e));
            return Softmax4jCli.EXIT_PROBLEM;
        }
        int classes = classifier.model().classNames().size();
        if (top > classes) {
            throw new ParameterException(spec.commandLine(), "--top must be between 1 and " + classes
                    + ", the model's number of classes, got " + top);
        }
        // the test images are read before anything is classified, so that an index past the last one
        // is a bad option, not a failure after other inputs' answers
        Dataset test = null;
        IOException testProblem = null;
        if (!testIndices.isEmpty()) {
            try {
                test = data.loadTest(json);
            } catch (IOException e) {
                testProblem = e;
            }
        }
        if (test != null) {
            checkTestIndices(test.size());
        }
        int failures = 0;
        for (int i = 0; i < images.size(); i++) {
            Path image = images.get(i);
            try {
                byte[] pixels = ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(image), image.toString());
                report(out, image.toString(), classifier.classifyPixels(pixels), pixels, saved(i), null);
            } catch (IOException e) {
                failed(out, err, image.toString(), FileProblem.describe(e));
                failures++;
            }
        }
        if (testProblem != null) {
            for (int index : testIndices) {
                failed(out, err, "test:" + index, FileProblem.describe(testProblem));
            }
            out.flush();
            return Softmax4jCli.EXIT_PROBLEM;
        }
        if (test != null) {
            for (int i = 0; i < testIndices.size(); i++) {
                int index = testIndices.get(i);
                byte[] pixels = test.image(index);
                try {
                    report(out, "test:" + index, classifier.classifyPixels(pixels), pixels, saved(images.size() + i),
                            classifier.model().classNames().get(test.label(index)));
                } catch (IOException e) {
                    failed(out, err, "test:" + index, FileProblem.describe(e));
                    failures++;
                }
            }
        }
        out.flush();
        return failures == 0 ? 0 : Softmax4jCli.EXIT_PROBLEM;
    }

    /**
     * One input that could not be classified: its line on stderr, and with --json also a JSON
     * object on stdout, so that a script reading stdout gets one line per input.
     */
    private void failed(PrintWriter out, PrintWriter err, String input, String message) {
        err.println("softmax4j predict: " + TerminalText.of(message));
        if (json) {
            out.println(Json.MAPPER.createObjectNode().put("input", input).put("error", message));
        }
    }

    /**
     * Prints one prediction, and saves the image the model saw to {@code saved} unless it is null;
     * {@code trueLabel} is the known class of a test image, else null.
     */
    private void report(PrintWriter out, String input, Classifier.Prediction prediction, byte[] pixels, Path saved,
                        String trueLabel) throws IOException {
        PredictionReport answer = new PredictionReport(input, prediction, top, minConfidence);
        if (saved != null) {
            // made with the first image saved, so that inputs none of which can be read leave no folder behind
            Files.createDirectories(saved.getParent());
            Png.write(seenImage(pixels), saved);
        }
        if (json) {
            Map<String, Object> line = answer.toMap();
            if (trueLabel != null) {
                line.put("true_label", trueLabel);
            }
            if (saved != null) {
                line.put("saved_input", saved.toString());
            }
            out.println(Json.MAPPER.writeValueAsString(line));
            return;
        }
        StringBuilder text = new StringBuilder(TerminalText.of(input)).append(": ");
        if (answer.unsure()) {
            text.append(String.format(Locale.ROOT, "unsure (best guess %s at %.4f is below --min-confidence %s)",
                    prediction.label(), prediction.probability(), SettingText.of(minConfidence)));
        } else {
            text.append(String.format(Locale.ROOT, "%s %.4f", prediction.label(), prediction.probability()));
        }
        List<Classifier.Scored> others = prediction.top(top).subList(1, Math.min(top, prediction.ranked().size()));
        for (int i = 0; i < others.size(); i++) {
            text.append(i == 0 ? "; then " : ", ").append(String.format(Locale.ROOT, "%s %.4f", others.get(i).label(),
                    others.get(i).probability()));
        }
        if (trueLabel != null) {
            text.append("; true class ").append(trueLabel).append(answer.unsure() ? ""
                    : trueLabel.equals(prediction.label()) ? " (right)" : " (wrong)");
        }
        out.println(text);
    }

    // the file the i-th input's image is saved to, or null without --save-input
    private Path saved(int i) {
        return saveInput == null ? null : savedFiles.get(i);
    }

    /**
     * The files the inputs the model saw are saved to, in the order given: NAME-28x28.png, or
     * NAME-2-28x28.png, NAME-3-... when an earlier input already took the name (a.png and a.jpg, or
     * two folders' shirt.png), so no input's file replaces another's; each input has its name even
     * if it cannot be read. One that is an input image is a bad option: it would replace that image.
     */
    private void planSavedFiles() {
        List<String> names = new ArrayList<>();
        images.forEach(image -> names.add(stripExtension(image.getFileName().toString())));
        testIndices.forEach(index -> names.add("test-" + index));
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            String candidate = name;
            for (int suffix = 2; !taken.add(candidate); suffix++) {
                candidate = name + "-" + suffix;
            }
            savedFiles.add(saveInput.resolve(candidate + "-28x28.png"));
        }
        Set<Path> inputs = new HashSet<>();
        for (Path image : images) {
            realPath(image).ifPresent(inputs::add);
        }
        for (Path file : savedFiles) {
            if (realPath(file).filter(inputs::contains).isPresent()) {
                throw new ParameterException(spec.commandLine(), "--save-input " + saveInput + " would save an "
                        + "input's image as " + file + ", which is an IMAGE to classify; choose another folder");
            }
        }
    }

    // the file's real path when it exists
    private static Optional<Path> realPath(Path file) {
        try {
            return Optional.of(file.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static BufferedImage seenImage(byte[] pixels) {
        BufferedImage image = new BufferedImage(ImagePreprocessor.SIDE, ImagePreprocessor.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, ImagePreprocessor.SIDE, ImagePreprocessor.SIDE, pixels);
        return image;
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private void checkOptions() {
        Models.requireFile(spec, modelPath, "MODEL");
        if (images.isEmpty() && testIndices.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give at least one IMAGE or --test-index N");
        }
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be > 0, got " + top);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new ParameterException(spec.commandLine(), "--min-confidence must be between 0 and 1, got "
                    + SettingText.of(minConfidence));
        }
        for (int index : testIndices) {
            if (index < 0) {
                throw new ParameterException(spec.commandLine(), "--test-index must be >= 0, got " + index);
            }
        }
        if (saveInput != null) {
            OutputFile.requireFolders(spec, saveInput, "--save-input");
            if (Files.exists(saveInput) && !Files.isDirectory(saveInput)) {
                throw new ParameterException(spec.commandLine(), "--save-input " + saveInput + " is not a folder; "
                        + "give a folder");
            }
            OutputFile.requireWritableFolder(spec, saveInput, "--save-input");
            OutputFile.requireNotRunFile(spec, saveInput, "--save-input");
            OutputFile.requireNotInUse(spec, "--save-input", saveInput, saveInput, "choose another folder");
            planSavedFiles();
        }
        // image files are classified without the data set: only test images read it
        if (!testIndices.isEmpty()) {
            data.validate();
        }
    }

    private void checkTestIndices(int testImages) {
        for (int index : testIndices) {
            if (index >= testImages) {
                throw new ParameterException(spec.commandLine(), "--test-index must be between 0 and "
                        + (testImages - 1) + ", the last of the " + testImages + " test images, got " + index);
            }
        }
    }
}

package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.model.Classifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's NumPy snippet on a model and some test images and checks it gives softmax4j's
 * predictions. Needs python3 with NumPy: skipped without, except when CI is "true".
 */
class PythonReadmeTest {
    private static final String MARKER = "<!-- python-snippet: the test suite runs this block -->";
    private static final int IMAGES = 50;

    @TempDir
    Path dir;

    private static String snippet() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int marker = readme.indexOf(MARKER);
        assertTrue(marker >= 0, "README.md has the marked Python block");
        int start = readme.indexOf("```python\n", marker) + "```python\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static boolean pythonWithNumpy() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void theNumpySnippetGivesTheSamePredictions() throws IOException, InterruptedException {
        if (!pythonWithNumpy()) {
            String reason = "python3 with NumPy not found; the README's Python snippet is not checked";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + " (required when CI=true)");
            }
            assumeTrue(false, reason);
        }
        Files.copy(TrainedModel.model(), dir.resolve("model.safetensors"));
        Dataset test = RealData.load().test();
        byte[] pixels = new byte[IMAGES * 784];
        List<String> expected = new ArrayList<>();
        Classifier classifier = Classifier.load(TrainedModel.model());
        for (int i = 0; i < IMAGES; i++) {
            System.arraycopy(test.image(i), 0, pixels, i * 784, 784);
            Classifier.Prediction p = classifier.classifyPixels(test.image(i));
            expected.add(String.format(java.util.Locale.ROOT, "%s %.5f", p.label(), p.probability()));
        }
        Files.write(dir.resolve("images.u8"), pixels);
        String program = snippet() + """

                images = np.fromfile("images.u8", dtype=np.uint8).reshape(-1, 784)
                for image in images:
                    label, probability = predict(image)
                    print(f"{label} {probability:.5f}")
                """;
        Process python = new ProcessBuilder("python3", "-").directory(dir.toFile()).redirectErrorStream(true).start();
        python.getOutputStream().write(program.getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "python3 finished");
        assertEquals(0, python.exitValue(), output);
        assertEquals(expected, output.lines().toList());
    }
}

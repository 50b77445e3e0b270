package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chapter scripts in docs/, run by {@code softmax4j jshell SCRIPT} in a JVM of their own as a
 * learner runs them: each returns by itself and prints the chapter's numbers. Each trains the
 * real model for 10 epochs, so they need the data set (see {@link RealData}).
 */
class ChapterScriptsTest {
    @TempDir
    Path dir;

    private record Output(int exitCode, String out, String err) {
    }

    private Output run(String script) throws IOException, InterruptedException {
        return run(Path.of("..", "docs", script).toAbsolutePath());
    }

    private Output run(Path script) throws IOException, InterruptedException {
        return run(script, Path.of(System.getProperty("java.io.tmpdir")));
    }

    private Output run(Path script, Path temporaryFiles) throws IOException, InterruptedException {
        Path data = RealData.dir();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + temporaryFiles, "-cp", System.getProperty("java.class.path"), Softmax4jCli.class.getName(), "jshell",
                script.toString()).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("FASHION_MNIST_DIR", data.toString());
        int code = builder.start().waitFor();
        return new Output(code, Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** The number printed after {@code label} on the line that starts with it. */
    private static double number(String out, String label) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(label) + " ?(-?[0-9.]+(?:E[0-9]+)?|Infinity|NaN)").matcher(out);
        assertTrue(matcher.find(), () -> "a line starting '" + label + "' in:\n" + out);
        return Double.parseDouble(matcher.group(1));
    }

    private static void assertNoErrors(Output output) {
        assertEquals(0, output.exitCode(), output.err());
        // JShell reports a failing snippet and goes on; such a report starts with "|  "
        assertTrue(output.out().lines().noneMatch(line -> line.startsWith("|")), output.out());
        assertTrue(output.err().lines().allMatch(line -> line.equals("WARNING: Using incubator modules: "
                + "jdk.incubator.vector")), output.err());
    }

    @Test
    void aScriptWithAFailingStatementEndsWithExitCode1AfterRunningTheRest() throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("bad.jsh"), "int x = \"a\";\nthrow new RuntimeException(\"boom\");\n"
                + "System.out.println(\"still ran\");\n");
        Output output = run(script);
        assertEquals(1, output.exitCode(), output.err());
        assertTrue(output.out().contains("still ran"), output.out());
        assertTrue(output.err().contains("incompatible types: java.lang.String cannot be converted to int"),
                output.err());
        assertTrue(output.err().contains("Exception java.lang.RuntimeException: boom"), output.err());
        assertTrue(output.err().strip().endsWith("softmax4j jshell: " + script + " has statements or commands that failed "
                + "(above); it ran on to its end"), output.err());
    }

    @Test
    void aScriptThatEndsInsideAStatementEndsWithExitCode1NamingItsLine() throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("unfinished.jsh"), "int a = 3;\nSystem.out.println(\"ran \" + a);\n"
                + "int b = Math.max(a,\n    4;\n");
        Output output = run(script);
        assertEquals(1, output.exitCode(), output.err());
        assertTrue(output.out().contains("ran 3"), output.out());
        assertTrue(output.err().strip().endsWith("softmax4j jshell: " + script + " ends inside the statement that "
                + "starts on line 3, so that statement did not run; finish it and run the script again"), output.err());
    }

    @Test
    void aScriptsSystemExitEndsTheCommandWithItsStatusAndLeavesNoTemporaryFiles(@TempDir Path temporary)
            throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("exits.jsh"), "System.out.println(\"before\");\nSystem.exit(3);\n"
                + "System.out.println(\"after\");\n");
        Output output = run(script, temporary);
        assertEquals(3, output.exitCode(), output.err());
        assertEquals("before", output.out().strip());
        try (var left = Files.list(temporary)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aScriptWhoseCommandFailsEndsWithExitCode1AfterRunningTheRest() throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("commands.jsh"), "List raw = new ArrayList();\nraw.add(\"x\");\n"
                + "/open nosuch.jsh\nSystem.err.println(\"said on stderr\");\nSystem.out.println(\"still ran\");\n");
        Output output = run(script);
        assertEquals(1, output.exitCode(), output.err());
        assertTrue(output.out().contains("still ran"), output.out());
        assertTrue(output.err().contains("File 'nosuch.jsh' for '/open' is not found."), output.err());
        assertTrue(output.err().strip().endsWith("softmax4j jshell: " + script + " has statements or commands that "
                + "failed (above); it ran on to its end"), output.err());
    }

    @Test
    void aFailedStatementAfterAWarningOverSeveralLinesFailsTheScript() throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("warned.jsh"), "List raw = new ArrayList();\n"
                + "void add() { raw.add(\n    \"x\"); }\nint bad = \"s\";\n");
        Output output = run(script);
        assertTrue(output.err().contains("unchecked call"), output.err());
        assertEquals(1, output.exitCode(), output.err());
    }

    @Test
    void aScriptThatWritesToStandardErrorWithOnlyWarningsEndsWithExitCode0() throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("stderr.jsh"), "List raw = new ArrayList();\nraw.add(\"x\");\n"
                + "System.err.println(\"said on stderr\");\n");
        Output output = run(script);
        assertEquals(0, output.exitCode(), output.err());
        assertTrue(output.err().contains("said on stderr"), output.err());
    }

    @ParameterizedTest
    @CsvSource({"d2l-3.6.jsh, predict_ch3.png, wrote", "d2l-3.7.jsh, d2l-3.7.safetensors, test image 0:"})
    void aChapterScriptThatCannotWriteItsFileSaysSoAndNothingThatDependsOnIt(String script, String file,
            String dependent) throws IOException, InterruptedException {
        // a folder in the file's place: the write fails, even for root
        Files.createDirectory(dir.resolve(file));
        Output output = run(script);
        assertEquals(1, output.exitCode(), output.err());
        assertTrue(output.err().contains("Exception java.nio.file."), output.err());
        assertTrue(output.out().lines().noneMatch(line -> line.startsWith(dependent)), output.out());
        assertTrue(output.err().lines().noneMatch(line -> line.contains("NullPointerException")), output.err());
    }

    @Test
    void aScriptWithOnlyWarningsEndsWithExitCode0() throws IOException, InterruptedException {
        Path script = Files.writeString(dir.resolve("warns.jsh"), "List raw = new ArrayList();\nraw.add(\"x\");\n"
                + "System.out.println(\"ran \" + raw);\n");
        Output output = run(script);
        assertTrue(output.err().contains("unchecked call"), output.err());
        assertEquals(0, output.exitCode(), output.err());
        assertTrue(output.out().contains("ran [x]"), output.out());
    }

    @Test
    void theReadmesJshellBlockCanBePastedLineByLine() throws IOException {
        // JShell runs a line that is complete by itself at once, so a line that starts with a dot
        // would be a statement of its own: "illegal start of expression"
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```java", readme.indexOf("Settings beyond the chapter's are"));
        String block = readme.substring(start + "```java".length(), readme.indexOf("```", start + 1));
        assertTrue(block.contains("TrainConfig.defaults()"), block);
        assertTrue(block.lines().noneMatch(line -> line.strip().startsWith(".")), block);
    }

    // the README, where it tells of the scripts, names each file a script leaves in the working folder
    private void assertTheReadmeNamesWhatIsLeftBehind(String script) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("## The chapter, step by step");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> left;
        try (var files = Files.list(dir)) {
            left = files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.equals("out.txt") && !name.equals("err.txt")).sorted().toList();
        }
        assertTrue(!left.isEmpty(), script + " leaves a file");
        for (String name : left) {
            assertTrue(section.contains("`" + name + "`"), "README's \"The chapter, step by step\" says that " + script
                    + " leaves " + name + " in the working folder");
        }
    }

    @Test
    void section36PrintsTheChaptersNumbersAndWritesThePicture() throws Exception {
        Output output = run("d2l-3.6.jsh");
        assertNoErrors(output);
        String out = output.out();
        assertTrue(out.contains("X.sum(0) = [[5.0000, 7.0000, 9.0000]]"), out);
        assertTrue(out.contains("X.sum(1) = [[6.0000], [15.0000]]"), out);
        assertTrue(out.contains("X_prob.sum(1) = [[1.0000], [1.0000]]"), out);
        assertTrue(out.contains("y_hat[[0, 1], y] = [0.1, 0.5]"), out);
        assertTrue(out.contains("cross_entropy(y_hat, y) = [[2.3026, 0.6931]]"), out);
        assertEquals(0.5, number(out, "accuracy(y_hat, y) / len(y) ="));
        double untrained = number(out, "evaluate_accuracy(net, test_iter) =");
        assertTrue(untrained > 0.05 && untrained < 0.2, "an untrained model is right about one time in ten: " + untrained);
        assertEquals(10, out.lines().filter(line -> line.startsWith("epoch ")).count(), out);
        assertTrue(number(out, "epoch 10: train loss") < 0.5, out);
        Matcher last = Pattern.compile("epoch 10: .*test acc ([0-9.]+)").matcher(out);
        assertTrue(last.find() && Double.parseDouble(last.group(1)) >= 0.82, out);
        assertTrue(out.contains("d2l's check, train loss < 0.5 and both accuracies > 0.7: true"), out);
        assertTrue(out.contains("test image 0: Ankle boot / Ankle boot"), out);
        assertTrue(out.contains("wrote predict_ch3.png   // "), "named as the script names it: " + out);
        BufferedImage picture = ImageIO.read(dir.resolve("predict_ch3.png").toFile());
        assertTrue(picture.getWidth() > 6 * 28 && picture.getHeight() > 28, "six test images side by side");
        assertTheReadmeNamesWhatIsLeftBehind("d2l-3.6.jsh");
    }

    @Test
    void section37TrainsInOneCallSavesTheModelAndShowsTheOverflow() throws Exception {
        Output output = run("d2l-3.7.jsh");
        assertNoErrors(output);
        String out = output.out();
        assertTrue(number(out, "epoch 10: train loss") < 0.5, out);
        SavedModel saved = ModelFile.load(dir.resolve("d2l-3.7.safetensors"));
        assertEquals(List.of(784, 10), List.of(saved.model().features(), saved.model().classes()));
        assertTrue(out.contains("test image 0: Ankle boot with probability"), out);
        assertEquals(5.1847055e21, number(out, "exp(50) ="), 1e15);
        assertEquals(Double.POSITIVE_INFINITY, number(out, "exp(1000) ="));
        assertTrue(out.contains("naive softmax(o) = [NaN, 0.0, 0.0]"), out);
        assertTrue(out.contains("stable softmax(o) = [1.0, 0.0, 0.0]"), out);
        assertEquals(Double.POSITIVE_INFINITY, number(out, "-log softmax(o)[y] ="));
        assertEquals(950.0, number(out, "cross-entropy from the logits ="));
        assertTheReadmeNamesWhatIsLeftBehind("d2l-3.7.jsh");
    }
}

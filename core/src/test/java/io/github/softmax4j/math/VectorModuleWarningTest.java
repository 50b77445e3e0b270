package io.github.softmax4j.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that embeds the library without jdk.incubator.vector is told once, through
 * System.Logger, which flag it lacks; with the module, the library says nothing at all.
 */
class VectorModuleWarningTest {
    @TempDir
    Path dir;

    private record Output(String out, List<String> errLines) {
    }

    private Output run(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                EmbeddingProgram.class.getName()));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertEquals(0, process.waitFor(), () -> "the program failed: " + read(err));
        return new Output(read(out), Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void withoutTheModuleTheFallbackIsReportedOnceNamingTheFlag() throws Exception {
        Output output = run(List.of());
        assertEquals("trained twice with scalar\n", output.out());
        List<String> warnings = output.errLines().stream().filter(line -> line.startsWith("WARNING")).toList();
        assertEquals(1, warnings.size(), () -> "one warning, got: " + output.errLines());
        assertTrue(warnings.get(0).contains("--add-modules jdk.incubator.vector"), warnings.get(0));
        assertTrue(output.errLines().size() <= 2, () -> "the logger's source line and the warning only: "
                + output.errLines());
    }

    @Test
    void withTheModuleTheLibrarySaysNothing() throws Exception {
        Output output = run(List.of("--add-modules", "jdk.incubator.vector"));
        assertTrue(output.out().startsWith("trained twice with SIMD"), output.out());
        assertEquals(List.of("WARNING: Using incubator modules: jdk.incubator.vector"), output.errLines(),
                "only the JVM's own notice of the incubator module");
    }

    @Test
    void askingForTheScalarKernelsIsNotWarnedAbout() throws Exception {
        Output output = run(List.of("-D" + BatchKernels.PROPERTY + "=scalar"));
        assertEquals("trained twice with scalar\n", output.out());
        assertEquals(List.of(), output.errLines());
    }
}

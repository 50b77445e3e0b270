package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model file cut short, or a text file given as the model, is told in one line by every command
 * that reads a model: the file, the precise problem, and the same advice.
 */
class DamagedModelTest {
    private static final String ADVICE = ": the file is cut short or not a softmax4j model; train it again or copy "
            + "it again";

    @TempDir
    Path dir;

    static Stream<String> commands() {
        return Stream.of("evaluate", "predict", "show", "train");
    }

    private CliRun run(String command, Path model) {
        String data = RealData.dir().toString();
        List<String> args = switch (command) {
            case "evaluate" -> List.of("evaluate", model.toString(), "--data-dir", data);
            case "predict" -> List.of("predict", model.toString(), "--test-index", "0", "--data-dir", data);
            case "show" -> List.of("show", "--split", "test", "--model", model.toString(), "--data-dir", data,
                    "--out", dir.resolve("grid.png").toString());
            default -> List.of("train", "--init", model.toString(), "--epochs", "1", "--data-dir", data,
                    "--out", dir.resolve("run").toString());
        };
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertAdvised(CliRun run, String command, Path model, String problem) {
        assertAdvised(run, command, model, problem, ADVICE);
    }

    private static void assertAdvised(CliRun run, String command, Path model, String problem, String advice) {
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        String line = run.err().strip();
        assertTrue(line.startsWith("softmax4j " + command + ": " + model + ": "), line);
        assertTrue(line.contains(problem), line);
        assertTrue(line.endsWith(advice), line);
        assertFalse(line.contains("Exception"), line);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aModelCutShortIsToldWhatToDo(String command) throws IOException {
        byte[] whole = Files.readAllBytes(TrainedModel.model());
        Path model = Files.write(dir.resolve("cut.safetensors"), Arrays.copyOf(whole, whole.length - 20_000));
        assertAdvised(run(command, model), command, model, "data_offsets");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aTextFileGivenAsTheModelIsToldWhatToDo(String command) throws IOException {
        Path model = Files.writeString(dir.resolve("README.md"), "# softmax4j\n\nSoftmax regression, from scratch.\n"
                .repeat(100), StandardCharsets.UTF_8);
        assertAdvised(run(command, model), command, model, "is a text file, not a model",
                "; give a model (a .safetensors file) in its place");
    }
}

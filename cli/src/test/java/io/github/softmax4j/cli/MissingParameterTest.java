package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Something left out is asked for in the project's words, never picocli's ("Missing required
 * parameter: 'MODEL'"): the command alone, a command without its required parameter, and every
 * option of every command given without its value.
 */
class MissingParameterTest {
    private static String firstLine(CliRun run) {
        assertEquals(2, run.exitCode(), run.err());
        assertFalse(run.err().contains("Missing"), run.err());
        return run.err().lines().findFirst().orElseThrow();
    }

    @Test
    void noCommandAsksForOne() {
        assertEquals("softmax4j: give a command, such as train; softmax4j --help lists them", firstLine(CliRun.of()));
        String help = CliRun.of("--help").out();
        assertTrue(help.contains("softmax4j [-hV] COMMAND"), help);
        assertFalse(help.contains("[COMMAND]"), help);
    }

    @Test
    void aMissingParameterIsAskedForWithWhatItIs() {
        assertEquals("softmax4j evaluate: give MODEL, a model.safetensors written by softmax4j train",
                firstLine(CliRun.of("evaluate")));
        assertEquals("softmax4j train: --lr needs a value", firstLine(CliRun.of("train", "--lr")));
    }

    @Test
    void everyRequiredParameterAndEveryOptionsValueOfEveryCommand() {
        int checked = 0;
        for (CommandLine command : Softmax4jCli.commandLine().getSubcommands().values()) {
            String name = command.getCommandName();
            for (PositionalParamSpec parameter : command.getCommandSpec().positionalParameters()) {
                if (parameter.arity().min() > 0 && parameter.index().min() == 0) {
                    String line = firstLine(CliRun.of(name));
                    assertTrue(line.startsWith("softmax4j " + name + ": give " + parameter.paramLabel() + ", "), line);
                    checked++;
                }
            }
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.arity().min() > 0) {
                    List<String> args = List.of(name, option.longestName());
                    assertEquals("softmax4j " + name + ": " + option.longestName() + " needs a value",
                            firstLine(CliRun.of(args.toArray(String[]::new))), String.join(" ", args));
                    checked++;
                }
            }
        }
        assertTrue(checked > 40, "checked " + checked);
    }
}

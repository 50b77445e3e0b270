package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A value of the wrong type is told in the project's words, "--lr must be a number, got abc", by
 * every command for every option and parameter that takes a typed value, never in picocli's
 * ("Invalid value for option '--lr': 'abc' is not a float").
 */
class BadValueTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train --batch-size abc|softmax4j train: --batch-size must be a whole number, got abc",
        "train --epochs 2.5|softmax4j train: --epochs must be a whole number, got 2.5",
        "train --epochs 99999999999|softmax4j train: --epochs must be a whole number up to 2147483647, got 99999999999",
        "train --seed -99999999999999999999|softmax4j train: --seed must be a whole number down to "
                + "-9223372036854775808, got -99999999999999999999",
        "train --lr abc|softmax4j train: --lr must be a number, got abc",
        "train --init-std 1000|softmax4j train: --init-std must be between 0 and 100 (d2l uses 0.01), got 1000",
        "train --init-std abc|softmax4j train: --init-std must be a number, got abc",
        "train --pixels bright|softmax4j train: --pixels must be unit or symmetric, got bright",
        "train --lr-schedule linear|softmax4j train: --lr-schedule must be constant, cosine or step, got linear",
        "sweep --lr 0,x|softmax4j sweep: --lr must be a number, got x",
        "sweep --batch-size 64,big|softmax4j sweep: --batch-size must be a whole number, got big",
        "sweep --init-std 0.01,1000|softmax4j sweep: --init-std must be between 0 and 100 (d2l uses 0.01), got 1000",
        "show --split validation|softmax4j show: --split must be train or test, got validation",
        "predict --min-confidence high|softmax4j predict: --min-confidence must be a number, got high",
        "predict --test-index first|softmax4j predict: --test-index must be a whole number, got first",
        "board --port http|softmax4j board: --port must be a whole number, got http",
        "evaluate --json=maybe|softmax4j evaluate: --json must be true or false, got maybe",
    })
    void aValueOfTheWrongTypeIsToldInTheProjectsWords(String command, String message) {
        CliRun run = CliRun.of(command.split(" "));
        assertEquals(2, run.exitCode(), run.err());
        String name = command.substring(0, command.indexOf(' '));
        List<String> expected = new ArrayList<>(List.of(message));
        expected.addAll(usage(Softmax4jCli.commandLine(), name));
        assertEquals(expected, run.err().lines().toList(), run.err());
    }

    // every float and double option: the number as typed, why it cannot be used and the type's limit, never
    // the Infinity or 0 the type would round it to
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train --lr 1e309|softmax4j train: --lr 1e309 is too large for a float, which holds numbers up to about 3.4e38 "
                + "either side of 0",
        "train --lr 1e39|softmax4j train: --lr 1e39 is too large for a float, which holds numbers up to about 3.4e38 "
                + "either side of 0",
        "train --momentum -1e309|softmax4j train: --momentum -1e309 is too large for a float, which holds numbers up "
                + "to about 3.4e38 either side of 0",
        "train --weight-decay 1e-50|softmax4j train: --weight-decay 1e-50 is too small for a float, whose "
                + "smallest number above 0 is about 1.4e-45 (it would be read as 0)",
        "train --init-std 1e309|softmax4j train: --init-std 1e309 is too large for a float, which holds numbers up to "
                + "about 3.4e38 either side of 0",
        "sweep --lr 0.1,1e309|softmax4j sweep: --lr 1e309 is too large for a float, which holds numbers up to about "
                + "3.4e38 either side of 0",
        "sweep --weight-decay 0,0.00001e-45|softmax4j sweep: --weight-decay 0.00001e-45 is too small for a float, "
                + "whose smallest number above 0 is about 1.4e-45 (it would be read as 0)",
        "predict --min-confidence 1e309|softmax4j predict: --min-confidence 1e309 is too large for a double, which "
                + "holds numbers up to about 1.8e308 either side of 0",
        "train --lr Infinity|softmax4j train: --lr must be finite and > 0, got Infinity",
        "train --lr -0e-50|softmax4j train: --lr must be finite and > 0, got 0",
        "train --lr 0.1f|softmax4j train: --lr must be a number, got 0.1f",
        "train --lr 0x1p3|softmax4j train: --lr must be a number, got 0x1p3",
        "train --momentum 1d|softmax4j train: --momentum must be a number, got 1d",
    })
    void aNumberPastItsTypesRangeIsQuotedAsTypedWithTheLimit(String command, String message) {
        aValueOfTheWrongTypeIsToldInTheProjectsWords(command, message);
    }

    @Test
    void aPathTheFileSystemCannotHoldIsNamedWithItsOption() {
        CliRun run = CliRun.of("evaluate", "--chart", "a\u0000b.png", "model.safetensors");
        assertEquals(2, run.exitCode(), run.err());
        // the nul is shown as U+FFFD, as every control character of a name printed to the terminal
        assertEquals("softmax4j evaluate: --chart 'a\uFFFDb.png' cannot be used as a file name (nul character not "
                + "allowed); rename it", run.err().lines().findFirst().orElseThrow(), run.err());
    }

    @Test
    void everyTypedOptionAndParameterOfEveryCommandSaysWhatItMustBe() {
        int checked = 0;
        CommandLine root = Softmax4jCli.commandLine();
        for (CommandLine command : root.getSubcommands().values()) {
            String name = command.getCommandName();
            List<String> usage = usage(root, name);
            for (ArgSpec arg : command.getCommandSpec().args()) {
                Class<?> type = arg.isMultiValue() ? arg.auxiliaryTypes()[0] : arg.type();
                if (type == String.class) {
                    continue;
                }
                String bad = type == Path.class ? "a\u0000b" : "abc";
                List<String> args = new ArrayList<>(List.of(name));
                String shownName;
                if (arg instanceof OptionSpec option) {
                    shownName = option.longestName();
                    args.addAll(arg.arity().max() == 0 ? List.of(shownName + "=" + bad) : List.of(shownName, bad));
                } else {
                    PositionalParamSpec positional = (PositionalParamSpec) arg;
                    shownName = positional.paramLabel();
                    for (int before = 0; before < positional.index().min(); before++) {
                        args.add("x");
                    }
                    args.add(bad);
                }
                CliRun run = CliRun.of(args.toArray(String[]::new));
                String what = String.join(" ", args);
                List<String> lines = run.err().lines().toList();
                assertEquals(2, run.exitCode(), what + ": " + run.err());
                assertTrue(lines.get(0).startsWith("softmax4j " + name + ": " + shownName + " "), what + ": " + run.err());
                assertTrue(type == Path.class ? lines.get(0).contains(" cannot be used as a file name")
                        : lines.get(0).contains(" must be ") && lines.get(0).endsWith(", got abc"), what + ": " + run.err());
                assertFalse(run.err().contains("Invalid value") || run.err().contains("is not a"), what + ": " + run.err());
                assertEquals(usage, lines.subList(1, lines.size()), what + ": " + run.err());
                checked++;
            }
        }
        assertTrue(checked >= 50, "the commands have many typed options, found " + checked);
    }

    // the usage lines a bad option of the command ends with
    private static List<String> usage(CommandLine root, String command) {
        CommandLine.Help help = root.getSubcommands().get(command).getHelp();
        List<String> lines = new ArrayList<>((help.synopsisHeading().stripLeading() + help.synopsis(0)).lines().toList());
        lines.add("Run 'softmax4j " + command + " --help' for all options.");
        return lines;
    }
}

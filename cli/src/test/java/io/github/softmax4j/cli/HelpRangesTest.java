package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every numeric option whose values are limited says its limits in its help: each limit below is
 * shown to be enforced (a value past it is a bad option whose message states the limit in the one
 * style of all of them) and to be in the option's description, and every numeric option of every
 * command is either listed here or takes any value.
 */
class HelpRangesTest {
    /** Numeric options that take any value of their type. */
    private static final Set<String> UNLIMITED = Set.of("train --seed");

    @TempDir
    Path dir;

    static Stream<Arguments> limits() {
        return Stream.of(
                limit("train", "--epochs", "0", "1 or more"),
                limit("train", "--batch-size", "0", "1 up to the images that train the model"),
                limit("train", "--lr", "0", "above 0"),
                limit("train", "--init-std", "101", "0 to 100"),
                limit("train", "--momentum", "1", "0 <= M < 1"),
                limit("train", "--weight-decay", "-1", "0 or more"),
                limit("train", "--validation", "-1", "0 up to fewer than all of them"),
                limit("train", "--early-stopping", "-1", "P 0 or more"),
                limit("train", "--threads", "0", "1 or more"),
                limit("sweep", "--lr", "0", "each above 0"),
                limit("sweep", "--batch-size", "0", "each 1 up to the images that train the model"),
                limit("sweep", "--momentum", "1", "each 0 <= M < 1"),
                limit("sweep", "--weight-decay", "-1", "each 0 or more"),
                limit("sweep", "--init-std", "101", "each 0 to 100"),
                limit("sweep", "--epochs", "0", "1 or more"),
                limit("sweep", "--seeds", "0", "N 1 or more"),
                limit("sweep", "--validation", "0", "1 up to fewer than all of them"),
                limit("sweep", "--early-stopping", "-1", "P 0 or more"),
                limit("sweep", "--threads", "0", "1 or more"),
                limit("sweep", "--side-by-side", "0", "1 to the threads"),
                limit("predict", "--test-index", "-1", "0 to 9999"),
                limit("predict", "--test-index", "10000", "0 to 9999"),
                limit("predict", "--top", "0", "1 to the model's classes (10)"),
                limit("predict", "--top", "11", "1 to the model's classes (10)"),
                limit("predict", "--min-confidence", "2", "0 to 1"),
                limit("show", "--count", "1001", "1 to 1000"),
                limit("show", "--rows", "0", "1 to --count"),
                limit("show", "--rows", "19", "1 to --count"),
                limit("show", "--first", "-1", "0 or more"),
                limit("board", "--port", "70000", "0 to 65535"));
    }

    private static Arguments limit(String command, String option, String beyond, String stated) {
        return Arguments.of(command, option, beyond, stated);
    }

    private String[] args(String command, String option, String value) {
        String data = RealData.dir().toString();
        List<String> args = switch (command) {
            case "train", "sweep" -> List.of(command, option, value, "--data-dir", data, "--out",
                    dir.resolve("out").toString());
            case "predict" -> option.equals("--test-index")
                    ? List.of(command, TrainedModel.model().toString(), option, value, "--data-dir", data)
                    : List.of(command, TrainedModel.model().toString(), "--test-index", "0", option, value, "--data-dir",
                    data);
            case "show" -> List.of(command, option, value, "--data-dir", data, "--out", dir.resolve("x.png").toString());
            default -> List.of(command, dir.toString(), option, value);
        };
        return args.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("limits")
    void aLimitThatIsEnforcedIsStatedInTheHelp(String command, String option, String beyond, String stated) {
        CliRun run = CliRun.of(args(command, option, beyond));
        assertEquals(2, run.exitCode(), run.err());
        String first = run.err().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("softmax4j " + command + ": ") && first.contains(option), first);
        // one style for every limit: a bound as its symbol, a range as between A and B
        assertTrue(first.matches(".*" + Pattern.quote(option) + " must be (finite and )?(> |>= |between ).*"), first);
        String help = String.join(" ", Softmax4jCli.commandLine().getSubcommands().get(command).getCommandSpec()
                .findOption(option).description());
        assertTrue(help.contains(stated), option + " help should say '" + stated + "': " + help);
    }

    @Test
    void everyNumericOptionIsListedOrUnlimited() {
        Set<String> listed = limits().map(a -> a.get()[0] + " " + a.get()[1]).collect(Collectors.toSet());
        Set<String> unlisted = new HashSet<>();
        for (CommandLine command : Softmax4jCli.commandLine().getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                Class<?> type = option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type();
                boolean numeric = Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class);
                String name = command.getCommandName() + " " + option.longestName();
                if (numeric && !listed.contains(name) && !UNLIMITED.contains(name)) {
                    unlisted.add(name);
                }
            }
        }
        assertEquals(Set.of(), unlisted, "numeric options whose limits are not checked against their help");
    }
}

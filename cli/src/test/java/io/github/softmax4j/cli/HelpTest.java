package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The help pages wrap at spaces only: a file name, an option or a path is never cut at the end of a line. */
class HelpTest {
    // words joined by '.', '-' or '/', such as metrics.json, risk-coverage.png, /usr/share/datasets
    private static final Pattern JOINED = Pattern.compile("[A-Za-z0-9_$<>]+(?:[./-][A-Za-z0-9_$<>]+)+");

    private static List<String> joinedWords(CommandSpec spec) {
        List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            texts.addAll(List.of(arg.description()));
        }
        List<String> words = new ArrayList<>();
        for (String text : texts) {
            words.addAll(joinedWords(text));
        }
        return words;
    }

    private static List<String> joinedWords(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = JOINED.matcher(text.replaceAll("\\$\\{[^}]*}", ""));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    @Test
    void everyCommandsHelpKeepsFileNamesAndOptionsWhole() {
        CommandLine root = Softmax4jCli.commandLine();
        int checked = 0;
        for (CommandLine command : root.getSubcommands().values()) {
            String name = command.getCommandName();
            if (name.equals("help")) {
                continue;
            }
            CliRun run = CliRun.of(name, "--help");
            assertEquals(0, run.exitCode(), run.err());
            for (String word : joinedWords(command.getCommandSpec())) {
                assertTrue(run.out().contains(word), () -> "softmax4j " + name + " --help cuts '" + word + "':\n"
                        + run.out());
                checked++;
            }
        }
        CliRun top = CliRun.of("--help");
        for (CommandLine command : root.getSubcommands().values()) {
            String[] description = command.getCommandSpec().usageMessage().description();
            for (String word : description.length == 0 ? List.<String>of() : joinedWords(description[0])) {
                assertTrue(top.out().contains(word), () -> "softmax4j --help cuts '" + word + "':\n" + top.out());
                checked++;
            }
        }
        assertTrue(top.out().contains("  jshell    Open JShell with softmax4j on the class path"), top.out());
        assertTrue(checked > 30, "the help pages name many files and options, found " + checked);
    }

    @Test
    void everyCommandsUsageIsOneShortLineNamingItsParameters() {
        Map<String, String> usages = new LinkedHashMap<>();
        for (CommandLine command : Softmax4jCli.commandLine().getSubcommands().values()) {
            String name = command.getCommandName();
            CliRun run = CliRun.of(name, "--help");
            assertEquals(0, run.exitCode(), run.err());
            List<String> lines = run.out().lines().toList();
            int usage = lines.indexOf(lines.stream().filter(line -> line.startsWith("Usage: ")).findFirst()
                    .orElseThrow());
            assertTrue(lines.get(usage).length() <= 80 && !lines.get(usage + 1).startsWith(" "), "softmax4j " + name
                    + " --help has a usage of several lines:\n" + run.out());
            usages.put(name, lines.get(usage));
        }
        assertEquals("Usage: softmax4j sweep [OPTIONS]", usages.get("sweep"));
        assertEquals("Usage: softmax4j train [OPTIONS]", usages.get("train"));
        assertEquals("Usage: softmax4j evaluate [OPTIONS] MODEL", usages.get("evaluate"));
        assertEquals("Usage: softmax4j predict [OPTIONS] MODEL [IMAGE...]", usages.get("predict"));
        assertEquals("Usage: softmax4j compare [OPTIONS] DIR...", usages.get("compare"));
        assertTrue(usages.values().stream().allMatch(usage -> usage.matches("Usage: softmax4j [a-z]+ \\[OPTIONS].*")),
                usages.toString());
    }

    @Test
    void theBoardsHelpDoesNotPromiseADownloadItNeverMakes() {
        CliRun board = CliRun.of("board", "--help");
        assertEquals(0, board.exitCode());
        String text = board.out().replaceAll("\\s+", " ");
        assertFalse(text.contains("else download"), board.out());
        assertTrue(text.contains("/usr/share/datasets/fashion-mnist; the board never downloads them"), board.out());
        CliRun train = CliRun.of("train", "--help");
        assertTrue(train.out().replaceAll("\\s+", " ").contains("/usr/share/datasets/fashion-mnist, else download"),
                train.out());
    }

    @Test
    void theHelpListsTheExitCodesOfTheReadmesTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("### Exit codes"));
        Set<String> documented = new TreeSet<>(Pattern.compile("(?m)^\\| (\\d+) \\|")
                .matcher(table.substring(0, table.indexOf("\n\n", 20))).results().map(row -> row.group(1)).toList());
        CliRun help = CliRun.of("--help");
        String listed = help.out().substring(help.out().indexOf("Exit codes:"));
        Set<String> shown = new TreeSet<>(Pattern.compile("(?m)^  (\\d+) ").matcher(listed).results()
                .map(match -> match.group(1)).toList());
        assertEquals(Set.of("0", "1", "2", "129", "130", "143"), documented, table);
        assertEquals(documented, shown, help.out());
    }

    @Test
    void aBadOptionShowsTheShortUsageAndWhereToReadMore() {
        CliRun run = CliRun.of("sweep", "--lr", "0.1", "--no-such-option");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("softmax4j sweep: unknown option '--no-such-option'", "Usage: softmax4j sweep [OPTIONS]",
                "Run 'softmax4j sweep --help' for all options."), run.err().lines().toList(), run.err());
    }

    @Test
    void anUnknownCommandIsCalledOneWithSuggestionsWhenThereAreAny() {
        CliRun frob = CliRun.of("frob");
        assertEquals(2, frob.exitCode());
        assertEquals(List.of("softmax4j: unknown command 'frob'", "Usage: softmax4j [-hV] COMMAND",
                "Run 'softmax4j --help' for all options."), frob.err().lines().toList(), frob.err());
        CliRun typo = CliRun.of("trian", "--epochs", "3");
        assertEquals(2, typo.exitCode());
        assertEquals(List.of("softmax4j: unknown command 'trian'", "Did you mean: softmax4j train?",
                "Usage: softmax4j [-hV] COMMAND", "Run 'softmax4j --help' for all options."),
                typo.err().lines().toList(), typo.err());
    }

    @Test
    void helpForAnUnknownCommandIsCalledOneAsTheCommandAloneIsWithSuggestionsForHelp() {
        CliRun frob = CliRun.of("help", "frob");
        assertEquals(2, frob.exitCode());
        assertEquals(List.of("softmax4j: unknown command 'frob'", "Usage: softmax4j [-hV] COMMAND",
                "Run 'softmax4j --help' for all options."), frob.err().lines().toList(), frob.err());
        CliRun typo = CliRun.of("help", "trian");
        assertEquals(2, typo.exitCode());
        assertEquals(List.of("softmax4j: unknown command 'trian'", "Did you mean: softmax4j help train?",
                "Usage: softmax4j [-hV] COMMAND", "Run 'softmax4j --help' for all options."),
                typo.err().lines().toList(), typo.err());
        CliRun known = CliRun.of("help", "train");
        assertEquals(0, known.exitCode(), known.err());
        assertTrue(known.out().startsWith("Usage: softmax4j train [OPTIONS]"), known.out());
    }

    @Test
    void anArgumentACommandDoesNotTakeIsNamedWithoutItsIndex() {
        CliRun evaluate = CliRun.of("evaluate", "model.safetensors", "extra-arg");
        assertEquals(2, evaluate.exitCode());
        assertEquals(List.of("softmax4j evaluate: unexpected argument 'extra-arg'",
                "Usage: softmax4j evaluate [OPTIONS] MODEL", "Run 'softmax4j evaluate --help' for all options."),
                evaluate.err().lines().toList(), evaluate.err());
        CliRun train = CliRun.of("train", "one", "two");
        assertEquals(2, train.exitCode());
        assertEquals("softmax4j train: unexpected arguments 'one', 'two'", train.err().lines().findFirst().orElseThrow());
    }

    @Test
    void anOptionGivenTwiceIsNamedWithWhatToDo() {
        CliRun run = CliRun.of("train", "--lr=0.1", "--lr=0.2");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("softmax4j train: --lr is given twice; give it once", "Usage: softmax4j train [OPTIONS]",
                "Run 'softmax4j train --help' for all options."), run.err().lines().toList(), run.err());
    }

    @Test
    void aListOptionGivenTwiceIsRefusedWithItsValuesWrittenOnce() {
        CliRun run = CliRun.of("sweep", "--lr", "0.1", "--lr", "0.2,0.3,0.1", "--epochs", "1");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j sweep: --lr is given twice; give its values once, separated by commas: --lr 0.1,0.2,0.3",
                run.err().lines().findFirst().orElseThrow());
        assertEquals("", run.out());
    }

    @Test
    void anOptionNameAfterTheEndOfOptionsIsAnArgumentWithoutSuggestions() {
        CliRun run = CliRun.of("evaluate", "model.safetensors", "--", "--json");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("softmax4j evaluate: unexpected argument '--json'",
                "Usage: softmax4j evaluate [OPTIONS] MODEL", "Run 'softmax4j evaluate --help' for all options."),
                run.err().lines().toList(), run.err());
    }

    @Test
    void helpForACommandTakesNothingAfterIt() {
        CliRun run = CliRun.of("help", "train", "extra");
        assertEquals(2, run.exitCode(), run.out());
        assertEquals(List.of("softmax4j help: unexpected argument 'extra'", "Usage: softmax4j help [OPTIONS] [COMMAND]",
                "Run 'softmax4j help --help' for all options."), run.err().lines().toList(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void helpAndTheVersionTakeNothingUnexpected() {
        assertRefused(List.of("-V", "--bogus"), "softmax4j: unknown option '--bogus'", "softmax4j");
        assertRefused(List.of("evaluate", "--version", "--bogus"), "softmax4j evaluate: unknown option '--bogus'",
                "softmax4j evaluate");
        for (List<String> asked : List.of(List.of("--version"), List.of("train", "--version"))) {
            CliRun version = CliRun.of(asked.toArray(String[]::new));
            assertEquals(0, version.exitCode(), version.err());
            assertTrue(version.out().matches("softmax4j \\S+\\R"), asked + ": " + version.out());
        }
    }

    /** A word after --help or --version is no command to guess at: the line says the request takes none. */
    @Test
    void wordsAfterHelpOrTheVersionAreRefusedAsSuchWithTheRequestAlone() {
        assertRefusedWith(List.of("--version", "extra"), "softmax4j: --version takes no argument, got 'extra'; "
                + "run softmax4j --version", "Usage: softmax4j [-hV] COMMAND");
        assertRefusedWith(List.of("-V", "extra", "more"), "softmax4j: --version takes no argument, got 'extra', "
                + "'more'; run softmax4j --version", "Usage: softmax4j [-hV] COMMAND");
        assertRefusedWith(List.of("--help", "extra"), "softmax4j: --help takes no argument, got 'extra'; "
                + "softmax4j --help lists the commands, softmax4j help COMMAND shows one",
                "Usage: softmax4j [-hV] COMMAND");
        assertRefusedWith(List.of("train", "--help", "extra"), "softmax4j train: --help takes no argument, got "
                + "'extra'; run softmax4j train --help", "Usage: softmax4j train [OPTIONS]");
        assertRefusedWith(List.of("train", "--version", "extra"), "softmax4j train: --version takes no argument, "
                + "got 'extra'; run softmax4j --version", "Usage: softmax4j train [OPTIONS]");
    }

    /** The help command's --help takes no topic either, before or after it, as --help takes no word anywhere. */
    @Test
    void theHelpCommandsOwnHelpTakesNoTopic() {
        for (List<String> args : List.of(List.of("help", "--help", "extra"), List.of("help", "extra", "--help"),
                List.of("help", "-h", "extra"))) {
            assertRefusedWith(args, "softmax4j help: --help takes no argument, got 'extra'; run softmax4j help --help",
                    "Usage: softmax4j help [OPTIONS] [COMMAND]");
        }
        assertRefusedWith(List.of("help", "train", "--help"), "softmax4j help: --help takes no argument, got 'train'; "
                + "run softmax4j help --help, or softmax4j help train for its page",
                "Usage: softmax4j help [OPTIONS] [COMMAND]");
        CliRun own = CliRun.of("help", "--help");
        assertEquals(0, own.exitCode(), own.err());
        assertTrue(own.out().contains("Usage: softmax4j help"), own.out());
    }

    private static void assertRefusedWith(List<String> args, String message, String usage) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), args + ": " + run.out());
        String command = usage.substring("Usage: ".length()).replaceAll(" \\[.*", "");
        assertEquals(List.of(message, usage, "Run '" + command + " --help' for all options."),
                run.err().lines().toList(), args + ": " + run.err());
        assertEquals("", run.out(), args.toString());
    }

    private static void assertRefused(List<String> args, String message, String command) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), args + ": " + run.out());
        assertEquals(message, run.err().lines().findFirst().orElseThrow(), args + ": " + run.err());
        assertTrue(run.err().endsWith("Run '" + command + " --help' for all options." + System.lineSeparator()),
                run.err());
        assertEquals("", run.out(), args.toString());
    }

    @Test
    void anUnknownOptionIsNamedWithoutTheValueThatFollowedIt() {
        CliRun run = CliRun.of("train", "--epoch", "3");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("softmax4j train: unknown option '--epoch'", "Possible solutions: --epochs",
                "Usage: softmax4j train [OPTIONS]", "Run 'softmax4j train --help' for all options."),
                run.err().lines().toList(), run.err());
    }

    @Test
    void theHelpCommandsOwnHelpShowsNoFormatCodes() {
        CliRun run = CliRun.of("help", "--help");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\nWhen no COMMAND is given, the usage help for the main command is displayed.\n"),
                run.out());
        assertFalse(run.out().contains("%n"), run.out());
    }

    @Test
    void sweepsListsReadAsAValueThenMore() {
        CliRun run = CliRun.of("sweep", "--help");
        assertTrue(run.out().contains("--lr=X[,X...]") && run.out().contains("--batch-size=N[,N...]"), run.out());
        assertFalse(run.out().contains(".."  + "..."), run.out());
    }

    @Test
    void trainsHelpOnceCutReportHtmlAtTheEndOfALine() {
        // the description that wrapped as "report." / "html." before
        CliRun run = CliRun.of("train", "--help");
        assertTrue(run.out().contains("report.html"), run.out());
        assertTrue(run.out().lines().allMatch(line -> line.length() <= 80), run.out());
    }
}

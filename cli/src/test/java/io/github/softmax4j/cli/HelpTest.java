package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
    void trainsHelpOnceCutReportHtmlAtTheEndOfALine() {
        // the description that wrapped as "report." / "html." before
        CliRun run = CliRun.of("train", "--help");
        assertTrue(run.out().contains("report.html"), run.out());
        assertTrue(run.out().lines().allMatch(line -> line.length() <= 80), run.out());
    }
}

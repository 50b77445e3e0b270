package io.github.softmax4j.cli;

import io.github.softmax4j.data.TerminalText;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The {@code softmax4j} command. Exit codes: 0 success, 1 a data, model or training problem
 * (one line on stderr naming the file and the fix), 2 a bad option (message and usage), 129, 130
 * and 143 training stopped by SIGHUP, Ctrl-C (SIGINT) or SIGTERM after writing a resumable checkpoint.
 */
@Command(name = Softmax4jCli.ROOT, mixinStandardHelpOptions = true, versionProvider = Softmax4jCli.Version.class,
        description = "Softmax regression on Fashion-MNIST, from scratch.", synopsisSubcommandLabel = "COMMAND",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ShowCommand.class,
                SweepCommand.class, CompareCommand.class, BoardCommand.class, JshellCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:data, model or training problem", "2:bad option",
                "129:stopped by SIGHUP (terminal closed); train and sweep say how to resume",
                "130:stopped by Ctrl-C (SIGINT); train and sweep say how to resume",
                "143:stopped by SIGTERM; train and sweep say how to resume"})
public final class Softmax4jCli {
    /** The tool's name, first in every message and command name. */
    static final String ROOT = "softmax4j";
    /** Exit code for a data, model or training problem. */
    static final int EXIT_PROBLEM = 1;
    /** Exit code of training stopped by a signal; the JVM's own exit status is 130 (SIGINT) or 143 (SIGTERM). */
    static final int EXIT_INTERRUPTED = 130;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it with their own writers. */
    static CommandLine commandLine() {
        // one converter for a primitive type and its wrapper: two identical method references make two identical
        // lambda classes, and Java 17 crashes writing those into the launcher's class archive
        CommandLine.ITypeConverter<Float> floats = FloatingPoint::toFloat;
        CommandLine.ITypeConverter<Double> doubles = FloatingPoint::toDouble;
        CommandLine root = UnbrokenNamesHelp.install(new CommandLine(new Softmax4jCli()))
                .registerConverter(Path.class, Softmax4jCli::path)
                .registerConverter(float.class, floats)
                .registerConverter(Float.class, floats)
                .registerConverter(double.class, doubles)
                .registerConverter(Double.class, doubles)
                .setParameterExceptionHandler(Softmax4jCli::badOption)
                .setExecutionStrategy(Softmax4jCli::execute);
        // each command's usage is one line, "softmax4j sweep [OPTIONS]", its options listed below
        // it; spelt out in full, sweep's alone took eight lines; "softmax4j train --version" prints the version
        root.getSubcommands().values().forEach(command -> command.getCommandSpec().versionProvider(new Version())
                .usageMessage().abbreviateSynopsis(true));
        return root;
    }

    // a name the file system cannot hold (non-ASCII under LC_ALL=C) is a bad option, told plainly; an
    // empty one ('' or an unset shell variable) would be the current folder without a word
    private static Path path(String value) {
        if (value.isEmpty()) {
            throw new BadValue("is empty; give a path");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new BadValue(FileProblem.describe(e));
        }
    }

    // a bad option gets its message and the short synopsis, not the whole help page
    private static int badOption(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        Optional<CommandLine.UnmatchedArgumentException> helpTopic = unknownHelpTopic(e);
        CommandLine.ParameterException problem = helpTopic.isPresent() ? helpTopic.get() : e;
        String message = unusableName(problem).or(() -> unmatched(problem, args)).or(() -> given(problem))
                .or(() -> BadValue.describe(problem)).or(() -> missing(problem)).orElse(problem.getMessage());
        // a value as the user gave it may hold control characters: they are shown, not obeyed
        err.println(command.getCommandSpec().qualifiedName() + ": " + TerminalText.of(message));
        if (helpTopic.isPresent()) {
            suggestCommands(err, helpTopic.get(), Invocation.command() + " help ");
        } else if (e instanceof CommandLine.UnmatchedArgumentException unknown && !unknown.isUnknownOption()) {
            suggestCommands(err, unknown, Invocation.command() + " ");
        } else if (!(e instanceof CommandLine.UnmatchedArgumentException unknown && afterEndOfOptions(unknown, args))) {
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        }
        // the help command's heading starts with an empty line, which would split the message from its usage
        err.print(command.getHelp().synopsisHeading().stripLeading() + command.getHelp().synopsis(0));
        err.println("Run '" + Invocation.command() + command.getCommandSpec().qualifiedName()
                .substring(ROOT.length()) + " --help' for all options.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    // picocli ignores whatever it cannot match once help or the version is asked for (--version extra,
    // train --help --bogus, help train extra); that is a bad argument, as without the request
    private static int execute(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            CommandLine command = level.commandSpec().commandLine();
            Optional<String> wordsAfterRequest = wordsAfterRequest(level);
            if (wordsAfterRequest.isPresent()) {
                throw new CommandLine.ParameterException(command, wordsAfterRequest.get());
            }
            if (!level.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(command, level.unmatched());
            }
            listGivenTwice(level);
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    // words after --help or --version ("--version extra") are not a command to run nor one to guess at: the
    // request takes none, and is suggested alone, or as "help COMMAND" for a command's own page
    // (the help command takes a word as its topic, so "help --help extra" and "help extra --help" leave nothing
    // unmatched: its topic counts as such a word)
    private static Optional<String> wordsAfterRequest(CommandLine.ParseResult level) {
        List<String> words = new ArrayList<>();
        boolean helpCommand = level.commandSpec().userObject() instanceof CommandLine.HelpCommand;
        if (helpCommand) {
            level.matchedPositionals().forEach(topic -> words.addAll(topic.originalStringValues()));
        }
        words.addAll(level.unmatched());
        Optional<OptionSpec> request = level.matchedOptions().stream().filter(OptionSpec::usageHelp).findFirst()
                .or(() -> level.matchedOptions().stream().filter(OptionSpec::versionHelp).findFirst());
        if (request.isEmpty() || words.isEmpty() || words.stream().anyMatch(word -> word.startsWith("-"))) {
            return Optional.empty();
        }
        String name = request.get().longestName();
        String command = Invocation.command() + level.commandSpec().qualifiedName().substring(ROOT.length());
        CommandLine parent = level.commandSpec().parent() == null ? null : level.commandSpec().parent().commandLine();
        String topicPage = helpCommand && parent.getSubcommands().containsKey(words.get(0))
                ? ", or " + command + " " + words.get(0) + " for its page" : "";
        String alone = request.get().versionHelp() ? "run " + Invocation.command() + " " + name
                : parent == null ? command + " " + name + " lists the commands, "
                + command + " help COMMAND shows one" : "run " + command + " " + name + topicPage;
        return Optional.of(name + " takes no argument, got " + words.stream().map(word -> "'" + word + "'")
                .collect(Collectors.joining(", ")) + "; " + alone);
    }

    // picocli gathers a list option given twice (sweep --lr 0.1 --lr 0.2) into one list; any other option
    // given twice is refused, and a list is written once, with commas
    private static void listGivenTwice(CommandLine.ParseResult level) {
        for (OptionSpec option : level.matchedOptions()) {
            List<String> given = option.originalStringValues();
            if (!option.splitRegex().isEmpty() && given.size() > 1) {
                // each value once: a sweep refuses a value listed twice
                Set<String> values = new LinkedHashSet<>();
                given.forEach(list -> values.addAll(Arrays.asList(list.split(option.splitRegex()))));
                throw new CommandLine.ParameterException(level.commandSpec().commandLine(), option.longestName()
                        + " is given twice; give its values once, separated by commas: " + option.longestName() + " "
                        + String.join(",", values), option, given.get(1));
            }
        }
    }

    // the commands near an unknown name ("trian"), as the user can type them: "Did you mean: ./softmax4j train?"
    private static void suggestCommands(PrintWriter err, CommandLine.UnmatchedArgumentException unknown,
                                        String prefix) {
        List<String> suggestions = unknown.getSuggestions();
        if (!suggestions.isEmpty()) {
            err.println("Did you mean: " + suggestions.stream()
                    .map(name -> prefix + name.substring(name.lastIndexOf(' ') + 1))
                    .collect(Collectors.joining(" or ")) + "?");
        }
    }

    // picocli's help command says "Unknown subcommand 'frob'." of a name it has no page for; that is an
    // unknown command, as in "softmax4j frob", whose near misses are suggested as "softmax4j help train"
    private static Optional<CommandLine.UnmatchedArgumentException> unknownHelpTopic(CommandLine.ParameterException e) {
        CommandLine command = e.getCommandLine();
        CommandLine.ParseResult parsed = command.getParseResult();
        boolean fromHelp = parsed != null && parsed.hasSubcommand()
                && parsed.subcommand().commandSpec().userObject() instanceof CommandLine.HelpCommand;
        if (!fromHelp || e.getValue() == null || command.getSubcommands().containsKey(e.getValue())) {
            return Optional.empty();
        }
        return Optional.of(new CommandLine.UnmatchedArgumentException(command, List.of(e.getValue())));
    }

    // picocli leaves a file name it cannot convert unmatched, when it is one of several; say why
    // (it was offered to the parameter that takes a list, such as predict's IMAGE, which is named)
    private static Optional<String> unusableName(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            for (String argument : unmatched.getUnmatched()) {
                try {
                    Path.of(argument);
                } catch (InvalidPathException invalid) {
                    String parameter = e.getCommandLine().getCommandSpec().positionalParameters().stream()
                            .filter(CommandLine.Model.ArgSpec::isMultiValue).map(p -> p.paramLabel() + " ")
                            .findFirst().orElse("");
                    return Optional.of(parameter + FileProblem.describe(invalid));
                }
            }
        }
        return Optional.empty();
    }

    // picocli says "Unmatched argument at index 2: 'x'", counting from the command's name; say what was wrong
    // instead, and name an unknown option without the value that followed it
    private static Optional<String> unmatched(CommandLine.ParameterException e, String[] args) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        List<String> arguments = unmatched.getUnmatched();
        if (unmatched.isUnknownOption() && !afterEndOfOptions(unmatched, args)) {
            return Optional.of(named("unknown option", arguments.stream().filter(a -> a.startsWith("-")).toList()));
        }
        if (e.getCommandLine().getParent() == null) {
            return Optional.of(named("unknown command", arguments.subList(0, 1)));
        }
        return Optional.of(named("unexpected argument", arguments));
    }

    // after "--" every word is an argument, even one that looks like an option ("-- --json"); picocli
    // still calls it an unknown option and suggests itself
    private static boolean afterEndOfOptions(CommandLine.UnmatchedArgumentException e, String[] args) {
        List<String> words = Arrays.asList(args);
        int end = words.indexOf("--");
        return end >= 0 && words.subList(end + 1, words.size()).containsAll(e.getUnmatched());
    }

    // picocli says "option '--lr' (X) should be specified only once"; say what to do
    private static Optional<String> given(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.OverwrittenOptionException twice
                && twice.getOverwritten() instanceof OptionSpec option) {
            return Optional.of(option.longestName() + " is given twice; give it once");
        }
        return Optional.empty();
    }

    // picocli says "Missing required parameter: 'MODEL'" or "Missing required parameter for option '--lr' (X)";
    // say what to give instead: "give MODEL, a model.safetensors written by softmax4j train", "--lr needs a value"
    private static Optional<String> missing(CommandLine.ParameterException e) {
        if (e.getCommandLine().getParent() == null && e.getMessage().startsWith("Missing required subcommand")) {
            return Optional.of("give a command, such as train; " + Invocation.command() + " --help lists them");
        }
        if (!(e instanceof CommandLine.MissingParameterException missing) || missing.getMissing().isEmpty()) {
            return Optional.empty();
        }
        List<String> wanted = missing.getMissing().stream().map(arg -> arg instanceof OptionSpec option
                ? (e.getMessage().startsWith("Missing required option") ? "give " + option.longestName() + ", "
                + described(option) : option.longestName() + " needs a value")
                : "give " + ((PositionalParamSpec) arg).paramLabel() + ", " + described(arg)).toList();
        return Optional.of(String.join("; ", wanted));
    }

    // the first line of an option's description, lower-cased and without its full stop: "a model.safetensors
    // written by softmax4j train"
    private static String described(ArgSpec arg) {
        String text = arg.description().length == 0 ? arg.paramLabel() : arg.description()[0].strip();
        text = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String named(String what, List<String> arguments) {
        return what + (arguments.size() > 1 ? "s " : " ")
                + arguments.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Softmax4jCli.class.getPackage().getImplementationVersion();
            return new String[] {"softmax4j " + (version == null ? "development" : version)};
        }
    }
}

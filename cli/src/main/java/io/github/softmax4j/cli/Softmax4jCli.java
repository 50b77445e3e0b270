package io.github.softmax4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code softmax4j} command. Exit codes: 0 success, 1 a data, model or training problem
 * (one line on stderr naming the file and the fix), 2 a bad option (message and usage), 130 and
 * 143 training stopped by Ctrl-C (SIGINT) or SIGTERM after writing a resumable checkpoint.
 */
@Command(name = "softmax4j", mixinStandardHelpOptions = true, versionProvider = Softmax4jCli.Version.class,
        description = "Softmax regression on Fashion-MNIST, from scratch.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ShowCommand.class,
                SweepCommand.class, CompareCommand.class, BoardCommand.class, JshellCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:data, model or training problem", "2:bad option",
                "130:stopped by Ctrl-C (SIGINT); train and sweep say how to resume",
                "143:stopped by SIGTERM; train and sweep say how to resume"})
public final class Softmax4jCli {
    /** Exit code for a data, model or training problem. */
    static final int EXIT_PROBLEM = 1;
    /** Exit code of training stopped by a signal; the JVM's own exit status is 130 (SIGINT) or 143 (SIGTERM). */
    static final int EXIT_INTERRUPTED = 130;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it with their own writers. */
    static CommandLine commandLine() {
        return UnbrokenNamesHelp.install(new CommandLine(new Softmax4jCli()))
                .setParameterExceptionHandler(Softmax4jCli::badOption);
    }

    // a bad option gets its message and the short synopsis, not the whole help page
    private static int badOption(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandName().equals("softmax4j") ? "softmax4j: " + e.getMessage()
                : "softmax4j " + command.getCommandName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.print(command.getHelp().synopsis(0));
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for all options.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
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

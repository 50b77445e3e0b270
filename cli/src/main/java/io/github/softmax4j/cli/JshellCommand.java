package io.github.softmax4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code softmax4j jshell [SCRIPT]}: JShell with the library on its class path, the Vector API
 * module, and the imports a learner needs, so the chapter can be followed one step at a time.
 * JShell is a terminal program: it reads and writes this process's own streams.
 */
@Command(name = "jshell", mixinStandardHelpOptions = true,
        description = {"Open JShell with softmax4j on the class path, the Vector API module and the imports of its "
                + "packages, to follow the chapter one step at a time (/exit leaves).",
                "With SCRIPT, run it to the end and return, for example docs/d2l-3.6.jsh."})
final class JshellCommand implements Callable<Integer> {
    /** What every session starts with: the JDK's usual imports and these. */
    static final List<String> IMPORTS = List.of("io.github.softmax4j.data.*", "io.github.softmax4j.math.*",
            "io.github.softmax4j.model.*", "io.github.softmax4j.train.*", "io.github.softmax4j.eval.*",
            "io.github.softmax4j.viz.*");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT", description = "A JShell script to run.")
    private Path script;

    @Override
    public Integer call() throws Exception {
        InputPaths.requireFile(spec, script, "SCRIPT", "give a JShell script, such as "
                + "docs/d2l-3.6.jsh in the softmax4j folder");
        try {
            return start();
        } catch (IOException e) {
            spec.commandLine().getErr().println("softmax4j jshell: " + FileProblem.describe(e));
            return Softmax4jCli.EXIT_PROBLEM;
        }
    }

    private int start() throws Exception {
        Path folder = Files.createTempDirectory("softmax4j-jshell");
        // removed however the JVM ends: a script's System.exit and Ctrl-C skip the finally below
        folder.toFile().deleteOnExit();
        try {
            Path startup = Files.writeString(folder.resolve("imports.jsh"), importLines(), StandardCharsets.UTF_8);
            startup.toFile().deleteOnExit();
            List<String> arguments = new ArrayList<>(List.of("--class-path", System.getProperty("java.class.path"),
                    "--add-modules", "jdk.incubator.vector", "-R--add-modules=jdk.incubator.vector",
                    "-R-Djava.awt.headless=true", "--startup", "DEFAULT", "--startup", startup.toString()));
            JavaShellToolBuilder shell = JavaShellToolBuilder.builder();
            return script == null ? shell.start(arguments.toArray(String[]::new)) : runScript(shell, arguments, folder);
        } finally {
            deleteFolder(folder);
        }
    }

    private int runScript(JavaShellToolBuilder shell, List<String> arguments, Path folder) throws Exception {
        OptionalInt unfinished = UnfinishedStatement.lineIn(read(script));
        // the script, then /exit: no prompt, no history kept
        Path exit = Files.writeString(folder.resolve("exit.jsh"), "/exit\n", StandardCharsets.UTF_8);
        exit.toFile().deleteOnExit();
        // in this JVM, not in a second one as a session's statements run (there Ctrl-C stops just the
        // statement): the chapter's script takes a third of the time, System.exit(n) ends the command
        // with n, and System.in is the command's standard input, as for a Java program
        arguments.addAll(List.of("--execution", "local", "--feedback", "concise", script.toString(),
                exit.toString()));
        // JShell reports a statement that does not compile or throws on its own error stream, then
        // goes on, and ends with 0 all the same: what it writes there is what tells
        FailureReports reports = new FailureReports(System.err);
        shell.in(InputStream.nullInputStream(), InputStream.nullInputStream()).persistence(new HashMap<>())
                .err(new PrintStream(reports, true), System.err);
        int status = shell.start(arguments.toArray(String[]::new));
        if (status != 0) {
            return status;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (reports.failed()) {
            err.println("softmax4j jshell: " + script + " has statements or commands that failed (above); it ran on "
                    + "to its end");
        }
        if (unfinished.isPresent()) {
            err.println("softmax4j jshell: " + script + " ends inside the statement that starts on line "
                    + unfinished.getAsInt() + ", so that statement did not run; finish it and run the script again");
        }
        return reports.failed() || unfinished.isPresent() ? Softmax4jCli.EXIT_PROBLEM : 0;
    }

    // a problem that the JDK reports without the file's name (an I/O error) is given it
    private static String read(Path script) throws IOException {
        try {
            return new String(Files.readAllBytes(script), StandardCharsets.UTF_8);
        } catch (FileSystemException e) {
            throw e;
        } catch (IOException e) {
            throw new FileSystemException(script.toString(), null, e.getMessage());
        }
    }

    /**
     * JShell's error stream, passed on, noting a line that reports a failure: in concise feedback
     * {@code Error:} (a statement does not compile), {@code Exception ...} (it threw), or a command's
     * own line ({@code Invalid command: /opne}, {@code File 'x.jsh' for '/open' is not found.}). A
     * {@code Warning:} (an unchecked call, say) is not a failure, nor are the lines that explain it,
     * down to the line of carets that points into the statement (cut short with {@code ...} when the
     * statement spans lines).
     */
    private static final class FailureReports extends FilterOutputStream {
        private static final int PREFIX = 16;
        private final ByteArrayOutputStream start = new ByteArrayOutputStream(PREFIX);
        private boolean carets = true;
        private boolean inWarning;
        private boolean failed;

        FailureReports(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                endLine();
                return;
            }
            if (start.size() < PREFIX) {
                start.write(b);
            }
            carets &= b == ' ' || b == '^' || b == '-' || b == '.';
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        private void endLine() {
            String line = start.toString(StandardCharsets.UTF_8);
            if (line.startsWith("Error:") || line.startsWith("Exception ")) {
                failed = true;
                inWarning = false;
            } else if (line.startsWith("Warning:")) {
                inWarning = true;
            } else if (inWarning) {
                inWarning = !(carets && !line.isBlank());
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                // a stack trace's lines are indented
                failed = true;
            }
            start.reset();
            carets = true;
        }

        /** Whether a statement or a command failed, the last line included. */
        boolean failed() {
            endLine();
            return failed;
        }
    }

    private static String importLines() {
        StringBuilder lines = new StringBuilder();
        IMPORTS.forEach(name -> lines.append("import ").append(name).append(";\n"));
        return lines.toString();
    }

    private void deleteFolder(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(folder);
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("softmax4j jshell: could not remove " + folder + ": " + e.getMessage());
        }
    }
}

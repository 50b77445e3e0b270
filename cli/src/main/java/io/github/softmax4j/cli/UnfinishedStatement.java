package io.github.softmax4j.cli;

import java.util.List;
import java.util.OptionalInt;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Where a JShell script ends inside a statement it never finishes. JShell reads a script as it
 * reads typed lines: a statement that is not complete yet takes the next line too, and what is
 * still unfinished when the file ends is dropped without a word. Lines that start a JShell
 * command ({@code /open}, {@code /exit}, ...) are commands, as JShell takes them.
 */
final class UnfinishedStatement {
    private UnfinishedStatement() {
    }

    /** The line (from 1) on which the script's unfinished last statement starts, if it has one. */
    static OptionalInt lineIn(String script) {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            return lineIn(script.lines().toList(), shell.sourceCodeAnalysis());
        }
    }

    private static OptionalInt lineIn(List<String> lines, SourceCodeAnalysis analysis) {
        String pending = "";
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (pending.isBlank()) {
                pending = "";
                start = i + 1;
                if (isCommand(line)) {
                    continue;
                }
            }
            pending = pending.isEmpty() ? line : pending + "\n" + line;
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
            while (info.completeness().isComplete() && !info.remaining().isBlank()) {
                // several statements on a line: what follows the complete ones starts on this line
                pending = info.remaining();
                start = i + 1;
                info = analysis.analyzeCompletion(pending);
            }
            if (info.completeness().isComplete() || info.completeness() == Completeness.EMPTY) {
                pending = "";
            }
        }
        return pending.isBlank() ? OptionalInt.empty() : OptionalInt.of(start);
    }

    private static boolean isCommand(String line) {
        String text = line.strip();
        return text.startsWith("/") && !text.startsWith("//") && !text.startsWith("/*");
    }
}

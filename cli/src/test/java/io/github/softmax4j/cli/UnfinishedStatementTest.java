package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UnfinishedStatementTest {
    @Test
    void aScriptOfFinishedStatementsCommandsAndCommentsHasNone() {
        String script = """
                /* a comment
                   over two lines */
                int a = 1;
                /set feedback concise
                String text = \"""
                    a text block
                    \""";
                double b = Math.max(a,
                        2)
                int c = 1; int d = 2;
                // the end
                """;
        assertEquals(OptionalInt.empty(), UnfinishedStatement.lineIn(script));
    }

    @Test
    void anUnfinishedLastStatementIsFoundOnTheLineItStarts() {
        assertEquals(OptionalInt.of(3), UnfinishedStatement.lineIn("int a = 1;\n\nint b = Math.max(a,\n    2;\n"));
        assertEquals(OptionalInt.of(2), UnfinishedStatement.lineIn("int a = 1;\nvoid f() {\n    a++;\n"));
    }

    @Test
    void anUnfinishedStatementAfterFinishedOnesOnItsLineIsFound() {
        assertEquals(OptionalInt.of(2), UnfinishedStatement.lineIn("int a = 1;\nint b = 2; int c = (b +\n"));
    }

    @Test
    void anEmptyScriptHasNone() {
        assertEquals(OptionalInt.empty(), UnfinishedStatement.lineIn(""));
        assertEquals(OptionalInt.empty(), UnfinishedStatement.lineIn("\n\n// only a comment\n"));
    }
}

package io.github.softmax4j.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help pages, wrapped only at spaces. picocli wraps text where the JDK's line BreakIterator
 * allows, and that allows a break after '.', '-' and '/' inside a word, so a file name such as
 * metrics.json could be cut in two at the end of a line. Here those characters, when a word goes
 * on after them, stand in for the wrapping as characters that cannot break, and are put back in
 * the finished text. The three wrapped parts of a page are rebuilt on such a table: a command's
 * description, its options and parameters, and the list of commands.
 */
final class UnbrokenNamesHelp extends Help {
    private static final String JOINERS = ".-/";
    // private-use characters: one column wide, never a break opportunity, never in the help text
    private static final String STAND_INS = "\uE000\uE001\uE002";

    UnbrokenNamesHelp(CommandSpec spec, ColorScheme colorScheme) {
        super(spec, colorScheme);
    }

    /** Installs this help on {@code commandLine} and every subcommand. */
    static CommandLine install(CommandLine commandLine) {
        return commandLine.setHelpFactory(UnbrokenNamesHelp::new);
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                      ColorScheme scheme) {
        Layout layout = super.createDefaultLayout(options, positionals, scheme);
        TextTable table = new Table(scheme, layout.textTable());
        return new Layout(scheme, table, layout.optionRenderer(), layout.parameterRenderer());
    }

    @Override
    public String description(Object... params) {
        String[] lines = commandSpec().usageMessage().description();
        if (lines.length == 0) {
            return "";
        }
        TextTable table = new Table(colorScheme(), new Column[] {
            new Column(commandSpec().usageMessage().width(), 0, Column.Overflow.WRAP)});
        table.indentWrappedLines = 0;
        for (String line : lines) {
            // formatted as picocli formats it: its help command's description starts and ends with %n
            for (String part : String.format(line, params).split("\\R", -1)) {
                table.addRowValues(colorScheme().text(part));
            }
        }
        return table.toString();
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
        if (subcommands.isEmpty()) {
            return "";
        }
        int width = commandSpec().usageMessage().width();
        int names = Math.min(subcommands.keySet().stream().mapToInt(String::length).max().orElse(0), width / 3) + 4;
        TextTable table = new Table(colorScheme(), new Column[] {
            new Column(names, 2, Column.Overflow.SPAN), new Column(width - names, 0, Column.Overflow.WRAP)});
        for (Map.Entry<String, Help> entry : subcommands.entrySet()) {
            UsageMessageSpec usage = entry.getValue().commandSpec().usageMessage();
            String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
            Text[] lines = colorScheme().text(summary.length > 0 ? summary[0] : "").splitLines();
            table.addRowValues(colorScheme().commandText(entry.getKey()), lines[0]);
            for (int i = 1; i < lines.length; i++) {
                table.addRowValues(colorScheme().text(""), lines[i]);
            }
        }
        return table.toString();
    }

    /** A table whose last column, the descriptions, wraps only at spaces. */
    private static final class Table extends TextTable {
        private final ColorScheme scheme;

        Table(ColorScheme scheme, TextTable like) {
            this(scheme, like.columns());
            indentWrappedLines = like.indentWrappedLines;
        }

        Table(ColorScheme scheme, Column[] columns) {
            super(scheme, columns);
            this.scheme = scheme;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            if (col != columns().length - 1) {
                return super.putValue(row, col, value);
            }
            char[] chars = value.plainString().toCharArray();
            for (int i = 0; i + 1 < chars.length; i++) {
                int joiner = JOINERS.indexOf(chars[i]);
                if (joiner >= 0 && i > 0 && !Character.isWhitespace(chars[i - 1])
                        && Character.isLetterOrDigit(chars[i + 1])) {
                    chars[i] = STAND_INS.charAt(joiner);
                }
            }
            return super.putValue(row, col, scheme.text(new String(chars)));
        }

        @Override
        public StringBuilder toString(StringBuilder text) {
            int start = text.length();
            super.toString(text);
            for (int i = start; i < text.length(); i++) {
                int standIn = STAND_INS.indexOf(text.charAt(i));
                if (standIn >= 0) {
                    text.setCharAt(i, JOINERS.charAt(standIn));
                }
            }
            return text;
        }
    }
}

package io.github.softmax4j.cli;

import java.util.regex.Pattern;

/**
 * How the user runs softmax4j, for the commands the tool suggests ("continue with ./softmax4j
 * train --resume runs/long"): the launcher passes it as the system property
 * {@value #PROPERTY}, as the user typed it ({@code ./softmax4j}, {@code ../softmax4j/softmax4j}),
 * or plain {@code softmax4j} when that name on the PATH is the launcher. Without the launcher it is
 * {@code softmax4j}.
 */
final class Invocation {
    static final String PROPERTY = "softmax4j.command";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Invocation() {
    }

    /**
     * {@code word} (a path or a value in a suggested command) as bash reads it back: as it is when
     * it holds only letters, digits and {@code _ . / : = @ % + , -}, else in single quotes, a quote
     * inside written {@code '\''}.
     */
    static String quote(Object word) {
        String text = String.valueOf(word);
        if (!text.isEmpty() && SAFE.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** The command that runs softmax4j, as the user can type it again. */
    static String command() {
        String command = System.getProperty(PROPERTY);
        return command == null || command.isBlank() ? "softmax4j" : command;
    }
}

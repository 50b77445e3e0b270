package io.github.softmax4j.data;

/**
 * Text from outside (a file's name, a class name in a model file) made safe to print on a
 * terminal: every control or formatting character (escape codes, carriage returns, direction
 * overrides) becomes U+FFFD, so printing it never moves the cursor, clears the screen or turns
 * the rest of a line around.
 */
public final class TerminalText {
    private static final int REPLACEMENT = 0xFFFD;

    private TerminalText() {
    }

    /** {@code text} with its control and formatting characters shown as U+FFFD. */
    public static String of(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            shown.appendCodePoint(hidden ? REPLACEMENT : c);
        });
        return shown.toString();
    }
}

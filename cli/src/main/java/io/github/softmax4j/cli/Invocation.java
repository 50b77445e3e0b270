package io.github.softmax4j.cli;

/**
 * How the user runs softmax4j, for the commands the tool suggests ("continue with ./softmax4j
 * train --resume runs/long"): the launcher passes it as the system property
 * {@value #PROPERTY}, as the user typed it ({@code ./softmax4j}, {@code ../softmax4j/softmax4j}),
 * or plain {@code softmax4j} when that name on the PATH is the launcher. Without the launcher it is
 * {@code softmax4j}.
 */
final class Invocation {
    static final String PROPERTY = "softmax4j.command";

    private Invocation() {
    }

    /** The command that runs softmax4j, as the user can type it again. */
    static String command() {
        String command = System.getProperty(PROPERTY);
        return command == null || command.isBlank() ? "softmax4j" : command;
    }
}

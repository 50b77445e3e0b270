package io.github.softmax4j.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --threads} rule that training commands share: all cores by default, at most 1024. */
final class Threads {
    private Threads() {
    }

    /** The thread count {@code requested} asks for (null: all cores); a bad value is a bad option. */
    static int count(CommandSpec spec, Integer requested) {
        if (requested == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (requested < 1 || requested > 1024) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 1024, got " + requested);
        }
        return requested;
    }
}

package io.github.softmax4j.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file is not a softmax4j safetensors model. The message names the file and the problem
 * precisely, then says what to do: for a damaged or foreign file, in the same words wherever it is
 * found ({@link #ADVICE}).
 */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What every damaged or foreign model file is told, after the problem. */
    public static final String ADVICE =
            "the file is cut short or not a softmax4j model; train it again or copy it again";

    /** {@code path: problem: } {@link #ADVICE}. */
    public ModelFormatException(Path path, String problem) {
        super(path + ": " + problem + ": " + ADVICE);
    }

    /** {@code path: problem; todo}, for a problem with a remedy of its own, such as a picture given as the model. */
    public ModelFormatException(Path path, String problem, String todo) {
        super(path + ": " + problem + "; " + todo);
    }
}

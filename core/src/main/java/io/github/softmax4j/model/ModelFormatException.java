package io.github.softmax4j.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model file is not a softmax4j safetensors model; the message names the file and the problem. */
public final class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(Path path, String problem) {
        super(path + ": " + problem);
    }
}

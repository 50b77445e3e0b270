package io.github.softmax4j.data;

import java.nio.file.Path;

/** Where the Fashion-MNIST files were found: the folder, and how it was chosen, for people. */
public record DataSource(Path dir, String origin) {
}

package io.github.softmax4j.data;

import java.io.IOException;

/**
 * A picture in which nothing stands out from the background: blank, or a garment of the same
 * brightness as what it lies on. It gets no answer, since the model would answer the same for
 * every such picture.
 */
public final class NoGarmentException extends IOException {
    /** {@code name} is how messages call the picture. */
    public NoGarmentException(String name) {
        super(name + ": no garment found, nothing in the picture stands out from its background; photograph the "
                + "garment on a plain background that is clearly lighter or darker than it");
    }
}

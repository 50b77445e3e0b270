package io.github.softmax4j.board;

import com.sun.net.httpserver.HttpExchange;
import io.github.softmax4j.data.ImagePreprocessor;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A picture sent as a request body, turned into the 28x28 input a model sees. The body is capped
 * at {@link #MAX_BYTES}; the picture's pixel count is checked before it is decoded
 * ({@link ImagePreprocessor#MAX_PIXELS}); and only as many pictures are decoded at once as there
 * are processors, since a large one takes a few hundred megabytes while it is prepared.
 */
final class Uploads {
    /** The largest picture accepted, in bytes. */
    static final int MAX_BYTES = 10 << 20;
    private static final long WAIT_SECONDS = 20;

    private final Semaphore decoding = new Semaphore(Runtime.getRuntime().availableProcessors());

    /** The request's picture as 784 uint8 pixels, light garment on black. */
    byte[] pixels(HttpExchange exchange, String name) throws IOException, HttpProblem {
        byte[] body = Http.body(exchange, MAX_BYTES, "The picture");
        try {
            if (!decoding.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new HttpProblem(503, "The board is busy preparing other pictures; try again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpProblem(503, "The board is stopping; start it again and retry");
        }
        try {
            return ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(body, name), name);
        } catch (IOException e) {
            throw new HttpProblem(422, e.getMessage());
        } finally {
            decoding.release();
        }
    }

    /** The picture's name for messages: the {@code input} query parameter, else "upload". */
    static String name(Map<String, String> query) {
        String input = query.getOrDefault("input", "");
        return input.isBlank() ? "upload" : input;
    }
}

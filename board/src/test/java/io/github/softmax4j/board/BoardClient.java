package io.github.softmax4j.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A board started on a free port of 127.0.0.1 over a test's folder, and a JDK HTTP client for it. */
final class BoardClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    final Board board;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    BoardClient(Path dir, Path dataDir) throws IOException {
        board = Board.start(dir, new InetSocketAddress("127.0.0.1", 0), dataDir);
    }

    URI uri(String rawPath) {
        return board.address().resolve(rawPath);
    }

    HttpResponse<String> get(String rawPath) {
        return send(HttpRequest.newBuilder(uri(rawPath)).timeout(TIMEOUT).GET().build());
    }

    HttpResponse<String> post(String rawPath, byte[] body) {
        return send(HttpRequest.newBuilder(uri(rawPath)).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        board.close();
    }
}
